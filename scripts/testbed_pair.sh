#!/usr/bin/env bash
# Two pairs of fresh MinIO servers on 127.0.0.1 for the multi-server tests:
# one pair for bucket replication (remote targets), one for site
# replication, which needs servers without buckets or users of their own.
# HTTP, one drive each, random free ports, throwaway data under
# $TESTBED_DIR/pair (default .testbed/pair), each server with its own root
# secret. Writes $TESTBED_DIR/pair.env. The variables are MINIO_TEST_*, so
# the workerd suite passes them into the Worker as it does the main test bed's.
#   scripts/testbed_pair.sh start | stop
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR="${TESTBED_DIR:-$ROOT/.testbed}"
PAIR="$DIR/pair"
CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
MINIO="$CACHE/bin/minio"
ACCESS_KEY=minioadmin
SERVERS=(repl_a repl_b site_a site_b)

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_for() { # name port
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$2/minio/health/live" 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  echo "testbed_pair: MinIO ($1) did not come up on port $2" >&2
  tail -n 30 "$PAIR/$1.log" >&2 || true
  return 1
}

start() {
  stop quiet
  [ -x "$MINIO" ] || { echo "testbed_pair: $MINIO missing; run scripts/install.sh" >&2; exit 1; }
  mkdir -p "$PAIR"
  : > "$PAIR/pids"
  local env="" name port secret var
  declare -A ports
  # All four start at once; each is waited for afterwards.
  for name in "${SERVERS[@]}"; do
    port=$(free_port)
    secret="$name-$(openssl rand -hex 12)"
    ports[$name]=$port
    mkdir -p "$PAIR/$name-data"
    MINIO_ROOT_USER=$ACCESS_KEY MINIO_ROOT_PASSWORD=$secret \
      MINIO_BROWSER=off MINIO_UPDATE=off MINIO_CI_CD=1 \
      "$MINIO" server --quiet --address "127.0.0.1:$port" "$PAIR/$name-data" \
      > "$PAIR/$name.log" 2>&1 &
    echo $! >> "$PAIR/pids"
    var=${name^^}
    env+="export MINIO_TEST_${var/REPL/PAIR}_PORT=$port"$'\n'
    env+="export MINIO_TEST_${var/REPL/PAIR}_SECRET_KEY=$secret"$'\n'
  done
  for name in "${SERVERS[@]}"; do wait_for "$name" "${ports[$name]}"; done
  printf 'export MINIO_TEST_PAIR_HOST=127.0.0.1\nexport MINIO_TEST_PAIR_ACCESS_KEY=%s\n%s' \
    "$ACCESS_KEY" "$env" > "$DIR/pair.env"
  echo "testbed_pair: replication pair :${ports[repl_a]} :${ports[repl_b]}," \
    "site pair :${ports[site_a]} :${ports[site_b]}"
}

stop() {
  if [ -f "$PAIR/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$PAIR/pids"
    while read -r pid; do
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    done < "$PAIR/pids"
  fi
  rm -rf "$PAIR" "$DIR/pair.env"
  [ "${1:-}" = quiet ] || echo "testbed_pair: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
