#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the tools, type-checks, lints,
# checks formatting, starts the real test bed, runs unit and integration
# tests under Deno, Bun and Node, runs the workerd smoke test, the integration
# suite inside workerd and the browser tests in headless Chromium, and ends
# with one line "N passed, N failed". Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0

bash scripts/install.sh || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }

BIN=node_modules/.bin
LOGS=$(mktemp -d)
PASSED=0
FAILED=0
SUMMARY=()

STEP_START=$SECONDS
tally() { # name passed failed: also records how long the step took
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-28s %5s passed, %s failed  (%ss)' "$1" "$2" "$3" $((SECONDS - STEP_START)))")
}

# A failed step's failing tests and their errors, gathered here and printed
# again just above the summary, where a log cut to its end still shows them:
# Deno's ERRORS block, Bun's lines before each (fail), Node's not-ok blocks,
# else the log's end.
digest() { # name
  local log=$LOGS/$1.log
  {
    echo "-- $1"
    if grep -q '^ ERRORS $' "$log"; then
      sed -n '/^ ERRORS $/,/^ FAILURES $/p' "$log" | head -n 60
    elif grep -q '^(fail)' "$log"; then
      grep -B 12 '^(fail)' "$log" | head -n 60
    elif grep -q '^ *not ok' "$log"; then
      grep -A 14 '^ *not ok' "$log" | head -n 60
    else
      tail -n 25 "$log"
    fi
  } >> "$LOGS/digest"
}

check() { # name command...: a static check counts as one test
  local name=$1
  STEP_START=$SECONDS
  shift
  echo "== $name"
  if "$@" > "$LOGS/$name.log" 2>&1; then tally "$name" 1 0; else
    cat "$LOGS/$name.log"
    digest "$name"
    tally "$name" 0 1
  fi
}

suite() { # name parser command...: a test runner; its own summary is counted
  local name=$1 parser=$2
  STEP_START=$SECONDS
  shift 2
  echo "== $name"
  # awk, not head: head would exit after 50 lines, and the broken pipe would
  # end tee and then the runner itself (Node's lost its summary that way).
  # A failure's indented lines after it (its error) are shown with it.
  "$@" 2>&1 | tee "$LOGS/$name.log" | awk '
    /FAIL|not ok|\(fail\)/ { if (n++ < 50) print; more = 3; next }
    /error/ { if (n++ < 50) print; more = 0; next }
    more > 0 && /^[ \t]/ { if (n++ < 50) print; more--; next }
    { more = 0 }'
  local status=${PIPESTATUS[0]} counts
  counts=$($parser "$LOGS/$name.log")
  local p=${counts% *} f=${counts#* }
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    echo "$name ran no test"
    tail -n 40 "$LOGS/$name.log"
    f=1
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "$name exited with $status"
    tail -n 40 "$LOGS/$name.log"
    f=1
  fi
  [ "$f" -eq 0 ] || digest "$name"
  tally "$name" "$p" "$f"
}

deno_counts() { sed -nE 's/.*\| ([0-9]+) passed.*\| ([0-9]+) failed.*/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
bun_counts() {
  local p f
  p=$(sed -nE 's/^ *([0-9]+) pass$/\1/p' "$1" | tail -1)
  f=$(sed -nE 's/^ *([0-9]+) fail$/\1/p' "$1" | tail -1)
  echo "${p:-0} ${f:-0}"
}
node_counts() {
  local p f
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$1" | tail -1)
  f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$1" | tail -1)
  echo "${p:-0} ${f:-0}"
}
edge_counts() { sed -nE 's/^edge: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
workerd_counts() { sed -nE 's/^workerd: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
browser_counts() { sed -nE 's/^browser: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
soak_counts() { sed -nE 's/^soak: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
examples_counts() { sed -nE 's/^examples: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
doc_counts() { sed -nE 's/^doc-code: ([0-9]+) passed, ([0-9]+) failed.*$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }
package_counts() { sed -nE 's/^npm-package: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -1 | grep . || echo "0 0"; }

check deno-check $BIN/deno check mod.ts admin.ts minio-js.ts src tests/harness.ts tests/unit tests/integration tests/interop tests/package/size_test.ts tests/package/entry_graph_test.ts tests/package/check_layout_test.ts tests/soak tests/cluster bench examples npm scripts/check_docs.ts scripts/check_layout.ts scripts/is_main.ts scripts/gen_clients.ts \
  scripts/version.ts scripts/release_check.ts scripts/run_examples.ts \
  scripts/check_doc_code.ts scripts/bench_charts.ts
check deno-lint $BIN/deno lint
check deno-fmt $BIN/deno fmt --check
check wasm-rebuild bash wasm/check.sh
check clients-generated $BIN/deno run -A scripts/gen_clients.ts --check
check deno-doc-lint $BIN/deno doc --lint mod.ts admin.ts
check jsdoc-examples $BIN/deno run -A scripts/check_docs.ts
check api-reference bash scripts/api_docs.sh
check version $BIN/deno run -A scripts/version.ts --check
check bench-charts $BIN/deno run -A scripts/bench_charts.ts --check
check layout $BIN/deno run --allow-read scripts/check_layout.ts
# What each entry loads from source (. no admin module, no WebAssembly) and the layout
# check's own tests.
suite package-source deno_counts $BIN/deno test -A tests/package/entry_graph_test.ts \
  tests/package/check_layout_test.ts

bash scripts/testbed.sh start || { echo "test bed failed to start"; echo "$PASSED passed, $((FAILED + 1)) failed"; exit 1; }
trap 'bash scripts/testbed_unpatched.sh stop; bash scripts/testbed_imds.sh stop; bash scripts/testbed_oidc.sh stop; bash scripts/testbed_cluster.sh stop; bash scripts/testbed_toxiproxy.sh stop; bash scripts/testbed_ldap.sh stop; bash scripts/testbed_kes.sh stop; bash scripts/testbed_pair.sh stop; bash scripts/testbed.sh stop' EXIT
source "${TESTBED_DIR:-.testbed}/env"
# Two more pairs of servers for bucket and site replication; without them
# those tests fail (they never skip).
bash scripts/testbed_pair.sh start && source "${TESTBED_DIR:-.testbed}/pair.env" ||
  tally testbed-pair 0 1
# OpenLDAP and KES, each with a MinIO of its own (LDAP identity, KMS keys;
# the KES MinIO's certificate comes from the test bed's CA), Toxiproxy in
# front of the HTTP MinIO (fault injection) and a distributed MinIO of 4
# nodes behind nginx, oidc-provider with a MinIO that trusts it and client
# certificates (OpenID and TLS identity), and the EC2 metadata and ECS
# credential endpoints, and the pinned MinIO without our patch (the listen
# regression); without them those tests fail (they never skip).
for bed in ldap kes toxiproxy cluster oidc imds unpatched; do
  started=$SECONDS
  bash "scripts/testbed_$bed.sh" start && source "${TESTBED_DIR:-.testbed}/$bed.env" ||
    tally "testbed-$bed" 0 1
  echo "== testbed-$bed: $((SECONDS - started)) s"
done
export NODE_EXTRA_CA_CERTS=$MINIO_TEST_CA

TESTS=(tests/unit tests/integration tests/interop)
suite deno deno_counts $BIN/deno test -A --cert "$MINIO_TEST_CA" "${TESTS[@]}"
suite bun bun_counts $BIN/bun test --timeout 120000 "${TESTS[@]}"
suite node node_counts node --import tsx --test tests/unit/*_test.ts tests/integration/*_test.ts \
  tests/interop/*_test.ts
# Every per-method example (examples/<family>/<method>.ts) against the test bed
# in one Deno process; fails too when a public method has no example.
suite examples examples_counts $BIN/deno run -A --cert "$MINIO_TEST_CA" scripts/run_examples.ts
# Mixed operations at 64 in flight through Toxiproxy with random toxics, 40 s
# on each runtime (SOAK_SECONDS=600 by hand for the long form).
for rt in deno bun node; do
  case $rt in
  deno) run=("$BIN/deno" run -A --cert "$MINIO_TEST_CA") ;;
  bun) run=("$BIN/bun") ;;
  node) run=(node --import tsx) ;;
  esac
  suite "soak-$rt" soak_counts env SOAK_SECONDS=40 "${run[@]}" tests/soak/soak.ts
done
# The TypeScript blocks of README.md and docs/*.md, each run against the test bed.
suite doc-code doc_counts $BIN/deno run -A --cert "$MINIO_TEST_CA" scripts/check_doc_code.ts
# Node loss in the distributed MinIO (kills nodes by PID, renews the
# cluster per test), once (Deno), when no other suite uses the cluster.
suite cluster-node-loss deno_counts $BIN/deno test -A tests/cluster
suite workerd edge_counts node tests/edge/workerd_smoke.mjs
suite workerd-suite workerd_counts node tests/edge/workerd_suite.mjs
# examples/workers built as wrangler builds it and run in workerd.
suite workers-example edge_counts node tests/edge/workers_example.mjs
suite browser browser_counts node tests/browser/browser_test.mjs
# examples/browser's upload page and presign server, driven in Chromium; its
# screenshot lands in $TEST_OUTPUT_DIR/browser (default test-output/).
suite browser-example browser_counts node tests/browser/upload_page_test.mjs
suite npm-package package_counts node tests/package/npm_package_test.mjs
suite bundle-size node_counts node --import tsx --test tests/package/size_test.ts
# The release without the upload: checks, npm build and tarball contents,
# npm publish --dry-run, deno publish --dry-run and its file list.
check release-dry-run bash scripts/release.sh --dry-run

if [ -s "$LOGS/digest" ]; then
  echo
  echo "failures:"
  cat "$LOGS/digest"
fi
echo
printf '%s\n' "${SUMMARY[@]}"
rm -rf "$LOGS"
echo "total: $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
