#!/usr/bin/env bash
# First run: installs only what the demo uses (the pinned MinIO, built once
# by scripts/install_minio.sh, and Deno, see scripts/install_deno.sh), starts
# one MinIO on a free loopback port with throwaway data, and runs
# examples/demo.ts against it: a bucket made, a file uploaded with a progress
# bar, the listing, the download checked. Then it stops the server, or, with
# --keep, leaves it running and prints how to reach and stop it.
#   bash scripts/demo.sh [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
keep=false
case "${1:-}" in
  --keep) keep=true ;;
  "") ;;
  *) echo "usage: $0 [--keep]" >&2; exit 2 ;;
esac
started=$SECONDS
CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
DIR="${DEMO_DIR:-$(pwd)/.testbed-demo}"

echo "== installing MinIO and Deno (cached after the first run)"
bash scripts/install_minio.sh
DENO=$(bash scripts/install_deno.sh)
# Without the project's node_modules, Deno fetches the SDK's two npm
# dependencies into its own cache. --quiet: no "Download ..." lines, and no
# notice about lifecycle scripts of package.json's devDependencies, which
# the demo does not use; errors still print.
deno_args=(--quiet)
[ -d node_modules/@noble/hashes ] || deno_args+=(--node-modules-dir=none)

if [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
  echo "a demo MinIO is already running (pid $(cat "$DIR/pid")); stop it first:" >&2
  echo "  kill $(cat "$DIR/pid") && rm -rf $DIR" >&2
  exit 1
fi
rm -rf "$DIR"
mkdir -p "$DIR/data"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
access_key=minioadmin
secret_key=$(openssl rand -hex 16)
MINIO_ROOT_USER=$access_key MINIO_ROOT_PASSWORD=$secret_key MINIO_BROWSER=off MINIO_UPDATE=off \
  "$CACHE/bin/minio" server --quiet --address "127.0.0.1:$port" "$DIR/data" > "$DIR/minio.log" 2>&1 &
echo $! > "$DIR/pid"
stop_server() {
  local pid
  pid=$(cat "$DIR/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -rf "$DIR"
}
$keep || trap stop_server EXIT
for i in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/minio/health/live" 2>/dev/null && break
  [ "$i" -lt 100 ] || { echo "MinIO did not start:" >&2; tail -n 20 "$DIR/minio.log" >&2; exit 1; }
  sleep 0.1
done
echo "== MinIO is up at http://127.0.0.1:$port ($((SECONDS - started)) s so far)"

export MINIO_ENDPOINT="http://127.0.0.1:$port" MINIO_ACCESS_KEY=$access_key MINIO_SECRET_KEY=$secret_key
"$DENO" run "${deno_args[@]}" --allow-net=127.0.0.1 --allow-env examples/demo.ts
echo "== done in $((SECONDS - started)) s"

if $keep; then
  cat > "$DIR/env" <<ENV
export MINIO_ENDPOINT=$MINIO_ENDPOINT
export MINIO_ACCESS_KEY=$MINIO_ACCESS_KEY
export MINIO_SECRET_KEY=$MINIO_SECRET_KEY
ENV
  echo
  echo "MinIO keeps running (pid $(cat "$DIR/pid")). To try more, in a shell:"
  echo "  source $DIR/env"
  echo "  $DENO run -A examples/quickstart.ts      # or any file in examples/"
  echo "To stop it and delete its data:"
  echo "  kill $(cat "$DIR/pid") && rm -rf $DIR"
else
  echo
  echo "The server is stopped and its data deleted. To keep it running and try more:"
  echo "  bash scripts/demo.sh --keep"
fi
