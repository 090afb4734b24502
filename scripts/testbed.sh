#!/usr/bin/env bash
# The real test bed on 127.0.0.1: a webhook receiver, MinIO over HTTP and
# MinIO over TLS (certificate from our own openssl CA), both with a static
# KMS key and the webhook notification target. Random free ports, throwaway
# data under $TESTBED_DIR (default .testbed). Writes $TESTBED_DIR/env with
# the variables the tests read.
#   scripts/testbed.sh start | stop
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR="${TESTBED_DIR:-$ROOT/.testbed}"
CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
MINIO="$CACHE/bin/minio"
ACCESS_KEY=minioadmin
SECRET_KEY=minioadmin-secret

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_for() { # url what [curl args...]
  local url=$1 what=$2
  shift 2
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$@" "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "testbed: $what did not come up at $url" >&2
  tail -n 30 "$DIR"/*.log >&2 || true
  return 1
}

make_certs() {
  local d="$DIR/certs"
  mkdir -p "$d/tls/CAs"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
    -subj "/CN=minio-edge test CA" -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=127.0.0.1" -keyout "$d/tls/private.key" -out "$d/server.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost" \
    "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" > "$d/server.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -days 30 -extfile "$d/server.ext" -out "$d/tls/public.crt" 2>/dev/null
  cp "$d/ca.crt" "$d/tls/CAs/ca.crt"
}

start_minio() { # name port scheme drives [extra args]
  local name=$1 port=$2 scheme=$3 drives=$4
  shift 4
  local data="$DIR/$name-data"
  if [ "$drives" -gt 1 ]; then
    mkdir -p $(seq -f "$DIR/$name-data%g" 1 "$drives")
    data="$DIR/$name-data{1...$drives}"
  else
    mkdir -p "$data"
  fi
  MINIO_ROOT_USER=$ACCESS_KEY MINIO_ROOT_PASSWORD=$SECRET_KEY \
    MINIO_KMS_SECRET_KEY="minio-edge-key:$KMS_KEY" \
    MINIO_NOTIFY_WEBHOOK_ENABLE_PRIMARY=on \
    MINIO_NOTIFY_WEBHOOK_ENDPOINT_PRIMARY="http://127.0.0.1:$WEBHOOK_PORT/" \
    MINIO_API_SELECT_PARQUET=on \
    MINIO_BROWSER=off MINIO_UPDATE=off MINIO_CI_CD=1 \
    "$MINIO" server --quiet --address "127.0.0.1:$port" "$@" "$data" \
    > "$DIR/$name.log" 2>&1 &
  echo $! >> "$DIR/pids"
  wait_for "$scheme://127.0.0.1:$port/minio/health/live" "MinIO ($name)" --cacert "$DIR/certs/ca.crt"
}

start() {
  stop quiet
  mkdir -p "$DIR"
  : > "$DIR/pids"
  [ -x "$MINIO" ] || { echo "testbed: $MINIO missing; run scripts/install.sh" >&2; exit 1; }
  make_certs
  KMS_KEY=$(openssl rand -base64 32)

  node scripts/webhook_receiver.mjs > "$DIR/webhook.port" 2> "$DIR/webhook.log" &
  echo $! >> "$DIR/pids"
  for _ in $(seq 1 50); do [ -s "$DIR/webhook.port" ] && break; sleep 0.1; done
  WEBHOOK_PORT=$(cat "$DIR/webhook.port")

  local http_port tls_port
  http_port=$(free_port)
  # Over HTTP an erasure-coded server on four drives (what admin calls such
  # as top locks need); over TLS a single drive.
  start_minio http "$http_port" http 4
  tls_port=$(free_port)
  start_minio tls "$tls_port" https 1 --certs-dir "$DIR/certs/tls"

  cat > "$DIR/env" <<ENV
export MINIO_TEST_HOST=127.0.0.1
export MINIO_TEST_PORT=$http_port
export MINIO_TEST_TLS_PORT=$tls_port
export MINIO_TEST_ACCESS_KEY=$ACCESS_KEY
export MINIO_TEST_SECRET_KEY=$SECRET_KEY
export MINIO_TEST_CA=$DIR/certs/ca.crt
export MINIO_TEST_KMS_KEY=minio-edge-key
export MINIO_TEST_WEBHOOK_URL=http://127.0.0.1:$WEBHOOK_PORT
export MINIO_TEST_WEBHOOK_ARN=arn:minio:sqs::PRIMARY:webhook
export MINIO_TEST_MC=$CACHE/bin/mc
export MINIO_TEST_MINIO_BIN=$MINIO
ENV
  echo "testbed: MinIO http://127.0.0.1:$http_port, https://127.0.0.1:$tls_port, webhook :$WEBHOOK_PORT"
}

stop() {
  if [ -f "$DIR/pids" ]; then
    while read -r pid; do
      kill "$pid" 2>/dev/null || true
    done < "$DIR/pids"
    while read -r pid; do
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    done < "$DIR/pids"
  fi
  rm -rf "$DIR"
  [ "${1:-}" = quiet ] || echo "testbed: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
