#!/usr/bin/env bash
# Toxiproxy on 127.0.0.1, the TCP fault proxy of the fault-injection tests
# (built by scripts/install.sh): its HTTP API on a random free port, and a
# proxy named "minio" in front of the main test bed's HTTP MinIO (start
# scripts/testbed.sh first). The tests make proxies of their own through the
# API, to the same upstream, and add toxics to them. Writes
# $TESTBED_DIR/toxiproxy.env for the tests.
#   scripts/testbed_toxiproxy.sh start | stop
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
T="$DIR/toxiproxy"
TOXIPROXY="$CACHE/bin/toxiproxy-server"

start() {
  stop quiet
  [ -x "$TOXIPROXY" ] || { echo "testbed: $TOXIPROXY missing; run scripts/install.sh" >&2; exit 1; }
  [ -f "$DIR/env" ] || { echo "testbed: $DIR/env missing; run scripts/testbed.sh start" >&2; exit 1; }
  local upstream_port api_port proxy_port
  upstream_port=$(bash -c "source '$DIR/env'; echo \$MINIO_TEST_PORT")
  mkdir -p "$T"
  : > "$T/pids"
  api_port=$(free_port)
  "$TOXIPROXY" -host 127.0.0.1 -port "$api_port" -seed 1 > "$T/toxiproxy.log" 2>&1 &
  echo $! >> "$T/pids"
  wait_until "Toxiproxy on :$api_port" "$T" curl -fsS "http://127.0.0.1:$api_port/version"
  proxy_port=$(free_port)
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$api_port/proxies" \
    -d "{\"name\":\"minio\",\"listen\":\"127.0.0.1:$proxy_port\",\"upstream\":\"127.0.0.1:$upstream_port\"}"
  wait_until "MinIO through Toxiproxy on :$proxy_port" "$T" \
    curl -fsS "http://127.0.0.1:$proxy_port/minio/health/live"

  cat > "$DIR/toxiproxy.env" <<ENV
export MINIO_TEST_TOXIPROXY_API=http://127.0.0.1:$api_port
export MINIO_TEST_TOXIPROXY_LISTEN=127.0.0.1:$proxy_port
export MINIO_TEST_TOXIPROXY_UPSTREAM=127.0.0.1:$upstream_port
ENV
  echo "testbed: Toxiproxy API http://127.0.0.1:$api_port, MinIO through it at 127.0.0.1:$proxy_port"
}

stop() {
  stop_group "$T"
  rm -f "$DIR/toxiproxy.env"
  [ "${1:-}" = quiet ] || echo "testbed: Toxiproxy stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
