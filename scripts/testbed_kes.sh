#!/usr/bin/env bash
# KES as MinIO's KMS, on 127.0.0.1: the KES server (built by
# scripts/install.sh) with a throwaway file-system keystore under
# $TESTBED_DIR/kes, mutual TLS with certificates made here by openssl, and
# a MinIO over TLS that reaches KES with a client certificate whose
# identity KES's policy allows. Random free ports; writes
# $TESTBED_DIR/kes.env for the tests.
#   scripts/testbed_kes.sh start | stop
#
# The certificates are signed by the main test bed's CA ($TESTBED_DIR/certs,
# from scripts/testbed.sh) when it runs, so clients that trust
# MINIO_TEST_CA trust this MinIO too; otherwise by a CA made here.
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
K="$DIR/kes"
KES="$CACHE/bin/kes"
DEFAULT_KEY=minio-edge-default

issue_cert() { # name "subjectAltName=..." extendedKeyUsage: an EC key and certificate from the CA
  local name=$1 san=$2 eku=$3 d="$K/certs"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$name" \
    -keyout "$d/$name.key" -out "$d/$name.csr" 2>/dev/null
  printf '%s\n' ${san:+"$san"} "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=$eku" > "$d/$name.ext"
  openssl x509 -req -in "$d/$name.csr" -CA "$CA" -CAkey "$CA_KEY" -CAcreateserial \
    -CAserial "$d/ca.srl" -days 30 -extfile "$d/$name.ext" -out "$d/$name.crt" 2>/dev/null
}

make_certs() {
  mkdir -p "$K/certs" "$K/minio-certs/CAs"
  CA="$DIR/certs/ca.crt" CA_KEY="$DIR/certs/ca.key"
  if [ ! -f "$CA_KEY" ]; then
    CA="$K/certs/ca.crt" CA_KEY="$K/certs/ca.key"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
      -subj "/CN=minio-edge KES test CA" -keyout "$CA_KEY" -out "$CA" 2>/dev/null
  fi
  issue_cert kes "subjectAltName=IP:127.0.0.1" serverAuth
  # KES knows MinIO by the hash of this certificate's public key.
  issue_cert minio-client "" clientAuth
  issue_cert minio "subjectAltName=IP:127.0.0.1,DNS:localhost" serverAuth
  cp "$K/certs/minio.crt" "$K/minio-certs/public.crt"
  cp "$K/certs/minio.key" "$K/minio-certs/private.key"
  cp "$CA" "$K/minio-certs/CAs/ca.crt"
}

kes_config() { # port identity
  cat <<YAML
version: v1
address: 127.0.0.1:$1
admin:
  identity: disabled # no all-powerful identity: MinIO gets only what its policy allows
tls:
  key: $K/certs/kes.key
  cert: $K/certs/kes.crt
  auth: on # verify client certificates against our CA
  ca: $CA
policy:
  minio:
    allow:
      - /v1/key/create/*
      - /v1/key/generate/*
      - /v1/key/decrypt/*
      - /v1/key/encrypt/*
      - /v1/key/describe/*
      - /v1/key/list/*
      - /v1/status
    identities:
      - $2
keys:
  - name: $DEFAULT_KEY # created before KES serves: MinIO's default key
keystore:
  fs:
    path: $K/keys
log:
  error: on
  audit: off
YAML
}

start() {
  stop quiet
  [ -x "$KES" ] || { echo "testbed: $KES missing; run scripts/install.sh" >&2; exit 1; }
  umask 077
  mkdir -p "$K"
  : > "$K/pids"
  make_certs
  local identity kes_port minio_port secret
  identity=$("$KES" identity of "$K/certs/minio-client.crt" | tr -d '[:space:]')
  kes_port=$(free_port)
  kes_config "$kes_port" "$identity" > "$K/kes.yaml"
  "$KES" server --config "$K/kes.yaml" > "$K/kes.log" 2>&1 &
  echo $! >> "$K/pids"
  wait_until "KES on :$kes_port" "$K" curl -fsS --cacert "$CA" \
    --cert "$K/certs/minio-client.crt" --key "$K/certs/minio-client.key" \
    "https://127.0.0.1:$kes_port/v1/status"

  secret=$(random_secret)
  minio_port=$(free_port)
  MINIO_ROOT_USER=minioadmin MINIO_ROOT_PASSWORD=$secret \
    MINIO_KMS_KES_ENDPOINT="https://127.0.0.1:$kes_port" \
    MINIO_KMS_KES_CERT_FILE="$K/certs/minio-client.crt" \
    MINIO_KMS_KES_KEY_FILE="$K/certs/minio-client.key" \
    MINIO_KMS_KES_CAPATH="$CA" \
    MINIO_KMS_KES_KEY_NAME=$DEFAULT_KEY \
    start_group_minio "$K" "$minio_port" https "$CA" --certs-dir "$K/minio-certs"

  cat > "$DIR/kes.env" <<ENV
export MINIO_TEST_KES_HOST=127.0.0.1
export MINIO_TEST_KES_PORT=$minio_port
export MINIO_TEST_KES_ACCESS_KEY=minioadmin
export MINIO_TEST_KES_SECRET_KEY=$secret
export MINIO_TEST_KES_CA=$CA
export MINIO_TEST_KES_DEFAULT_KEY=$DEFAULT_KEY
export MINIO_TEST_KES_SERVER=127.0.0.1:$kes_port
ENV
  echo "testbed: KES https://127.0.0.1:$kes_port, MinIO with KES https://127.0.0.1:$minio_port (CA $CA)"
}

stop() {
  stop_group "$K"
  rm -f "$DIR/kes.env"
  [ "${1:-}" = quiet ] || echo "testbed: KES stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
