# Helpers shared by the extra test-bed servers (scripts/testbed_ldap.sh,
# scripts/testbed_kes.sh); sourced, never run. Each server group keeps its
# files and PIDs in its own folder under $TESTBED_DIR (default .testbed),
# so it starts and stops without touching the main test bed's.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" # a relative TESTBED_DIR means the same folder as for scripts/testbed.sh
DIR="${TESTBED_DIR:-$ROOT/.testbed}"
CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
MINIO="$CACHE/bin/minio"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_until() { # what logdir command...: retries the command for up to 60 s
  local what=$1 logs=$2
  shift 2
  for _ in $(seq 1 120); do
    if "$@" > /dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "testbed: $what did not come up" >&2
  tail -n 30 "$logs"/*.log >&2 || true
  return 1
}

random_secret() { openssl rand -hex 16; }

# Kills the PIDs listed in $1/pids (TERM, then KILL after 5 s) and removes $1.
stop_group() {
  local dir=$1
  if [ -f "$dir/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$dir/pids"
    while read -r pid; do
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    done < "$dir/pids"
  fi
  rm -rf "$dir"
}

# Starts a single-drive MinIO in $1/minio-data on 127.0.0.1:$2, logging to
# $1/minio.log, with the caller's MINIO_* settings exported beforehand; waits
# until it is live over $3 (http or https; https trusts $4).
start_group_minio() { # dir port scheme ca [server args...]
  local dir=$1 port=$2 scheme=$3 ca=$4
  shift 4
  [ -x "$MINIO" ] || { echo "testbed: $MINIO missing; run scripts/install.sh" >&2; return 1; }
  mkdir -p "$dir/minio-data"
  MINIO_BROWSER=off MINIO_UPDATE=off MINIO_CI_CD=1 \
    "$MINIO" server --quiet --address "127.0.0.1:$port" "$@" "$dir/minio-data" \
    > "$dir/minio.log" 2>&1 &
  echo $! >> "$dir/pids"
  wait_until "MinIO on :$port" "$dir" \
    curl -fsS ${ca:+--cacert "$ca"} "$scheme://127.0.0.1:$port/minio/health/live"
}
