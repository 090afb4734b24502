#!/usr/bin/env bash
# An OpenID provider and a MinIO that trusts it and client certificates, on
# 127.0.0.1: scripts/oidc_server.mjs (oidc-provider, own signing key, one
# client-credentials client whose tokens carry policy=oidc-allowed) and a
# MinIO over TLS (the test bed's CA) with MINIO_IDENTITY_OPENID_* pointing
# at the provider's discovery document and MINIO_IDENTITY_TLS_ENABLE=on; a
# client certificate from the same CA whose CN names the policy
# cert-allowed. Both policies allow the buckets oidc-allowed-* only.
# Needs the main test bed (its CA). Writes $TESTBED_DIR/oidc.env.
#   scripts/testbed_oidc.sh start | stop
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
O="$DIR/oidc"
CLIENT_ID=minio-edge-test

policy_json() {
  cat <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::oidc-allowed-*","arn:aws:s3:::oidc-allowed-*/*"]}]}
JSON
}

client_cert() { # CN: a client certificate for mutual TLS from the test bed's CA
  local ca="$DIR/certs"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$1" \
    -keyout "$O/client.key" -out "$O/client.csr" 2> /dev/null
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=clientAuth" > "$O/client.ext"
  openssl x509 -req -in "$O/client.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -CAcreateserial \
    -days 30 -extfile "$O/client.ext" -out "$O/client.crt" 2> /dev/null
}

start() {
  stop quiet
  [ -f "$DIR/certs/ca.key" ] || { echo "testbed: start scripts/testbed.sh first (its CA)" >&2; return 1; }
  umask 077
  mkdir -p "$O"
  : > "$O/pids"
  local oidc_port minio_port client_secret secret
  oidc_port=$(free_port)
  client_secret=$(random_secret)
  OIDC_CLIENT_SECRET=$client_secret node scripts/oidc_server.mjs "$oidc_port" "$CLIENT_ID" oidc-allowed \
    > "$O/oidc.log" 2>&1 &
  echo $! >> "$O/pids"
  wait_until "oidc-provider on :$oidc_port" "$O" \
    curl -fsS "http://127.0.0.1:$oidc_port/.well-known/openid-configuration"

  client_cert cert-allowed
  cp -r "$DIR/certs/tls" "$O/certs"
  secret=$(random_secret)
  minio_port=$(free_port)
  MINIO_ROOT_USER=minioadmin MINIO_ROOT_PASSWORD=$secret \
    MINIO_IDENTITY_OPENID_CONFIG_URL="http://127.0.0.1:$oidc_port/.well-known/openid-configuration" \
    MINIO_IDENTITY_OPENID_CLIENT_ID=$CLIENT_ID \
    MINIO_IDENTITY_OPENID_CLIENT_SECRET=$client_secret \
    MINIO_IDENTITY_OPENID_CLAIM_NAME=policy \
    MINIO_IDENTITY_OPENID_SCOPES=openid \
    MINIO_IDENTITY_TLS_ENABLE=on \
    start_group_minio "$O" "$minio_port" https "$DIR/certs/ca.crt" --certs-dir "$O/certs"

  policy_json > "$O/policy.json"
  local mc="$CACHE/bin/mc" name
  for name in oidc-allowed cert-allowed; do
    MC_HOST_oidc="https://minioadmin:$secret@127.0.0.1:$minio_port" SSL_CERT_FILE="$DIR/certs/ca.crt" \
      "$mc" --config-dir "$O/mc" admin policy create oidc "$name" "$O/policy.json" > /dev/null
  done

  cat > "$DIR/oidc.env" <<ENV
export MINIO_TEST_OIDC_HOST=127.0.0.1
export MINIO_TEST_OIDC_PORT=$minio_port
export MINIO_TEST_OIDC_ACCESS_KEY=minioadmin
export MINIO_TEST_OIDC_SECRET_KEY=$secret
export MINIO_TEST_OIDC_ISSUER=http://127.0.0.1:$oidc_port
export MINIO_TEST_OIDC_CLIENT_ID=$CLIENT_ID
export MINIO_TEST_OIDC_CLIENT_SECRET=$client_secret
export MINIO_TEST_OIDC_CLIENT_CERT=$O/client.crt
export MINIO_TEST_OIDC_CLIENT_KEY=$O/client.key
export MINIO_TEST_OIDC_CA=$DIR/certs/ca.crt
ENV
  echo "testbed: oidc-provider http://127.0.0.1:$oidc_port, MinIO with OpenID and TLS identity https://127.0.0.1:$minio_port"
}

stop() {
  stop_group "$O"
  rm -f "$DIR/oidc.env"
  [ "${1:-}" = quiet ] || echo "testbed: OIDC stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
