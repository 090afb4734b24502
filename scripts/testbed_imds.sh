#!/usr/bin/env bash
# Where IamAwsProvider finds a role's credentials, on 127.0.0.1:
# amazon-ec2-metadata-mock answering IMDSv2 only (a session token first),
# and scripts/ecs_credentials_server.mjs as the ECS container endpoint
# (with an authorization token). Both serve the keys of a real user of the
# main test bed's HTTP MinIO (made here, readwrite policy), so a request
# signed with them succeeds. Needs scripts/testbed.sh running. Writes
# $TESTBED_DIR/imds.env.
#   scripts/testbed_imds.sh start | stop
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
I="$DIR/imds"
ROLE=minio-edge-role

mock_config() { # access secret expiration
  cat <<JSON
{"metadata": {"values": {
  "iam-security-credentials-role": "$ROLE",
  "iam-security-credentials": {"Code": "Success", "LastUpdated": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
    "Type": "AWS-HMAC", "AccessKeyId": "$1", "SecretAccessKey": "$2", "Token": "", "Expiration": "$3"}
}}}
JSON
}

start() {
  stop quiet
  [ -f "$DIR/env" ] || { echo "testbed: start scripts/testbed.sh first" >&2; return 1; }
  source "$DIR/env"
  local mock="$CACHE/bin/ec2-metadata-mock"
  [ -x "$mock" ] || { echo "testbed: $mock missing; run scripts/install.sh" >&2; return 1; }
  umask 077
  mkdir -p "$I"
  : > "$I/pids"
  local user secret ecs_token imds_port ecs_port
  user="imds-$(openssl rand -hex 4)"
  secret=$(random_secret)
  ecs_token=$(random_secret)
  export MC_HOST_tb="http://$MINIO_TEST_ACCESS_KEY:$MINIO_TEST_SECRET_KEY@127.0.0.1:$MINIO_TEST_PORT"
  "$CACHE/bin/mc" --config-dir "$I/mc" admin user add tb "$user" "$secret" > /dev/null
  "$CACHE/bin/mc" --config-dir "$I/mc" admin policy attach tb readwrite --user "$user" > /dev/null
  unset MC_HOST_tb

  mock_config "$user" "$secret" "$(date -u -d '+6 hours' +%Y-%m-%dT%H:%M:%SZ)" > "$I/aemm.json"
  imds_port=$(free_port)
  # Its working folder is ours: it writes nothing elsewhere.
  (cd "$I" && HOME="$I" exec "$mock" --imdsv2 -n 127.0.0.1 -p "$imds_port" -c "$I/aemm.json") \
    > "$I/imds.log" 2>&1 &
  echo $! >> "$I/pids"
  ecs_port=$(free_port)
  ECS_ACCESS_KEY=$user ECS_SECRET_KEY=$secret \
    node scripts/ecs_credentials_server.mjs "$ecs_port" /v2/credentials/minio-edge "$ecs_token" \
    > "$I/ecs.log" 2>&1 &
  echo $! >> "$I/pids"
  wait_until "ec2-metadata-mock on :$imds_port" "$I" \
    curl -fsS -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 60" \
    "http://127.0.0.1:$imds_port/latest/api/token"
  wait_until "the ECS endpoint on :$ecs_port" "$I" \
    curl -fsS -H "Authorization: $ecs_token" "http://127.0.0.1:$ecs_port/v2/credentials/minio-edge"

  cat > "$DIR/imds.env" <<ENV
export MINIO_TEST_IMDS_URL=http://127.0.0.1:$imds_port
export MINIO_TEST_IMDS_USER=$user
export MINIO_TEST_ECS_URL=http://127.0.0.1:$ecs_port
export MINIO_TEST_ECS_PATH=/v2/credentials/minio-edge
export MINIO_TEST_ECS_TOKEN=$ecs_token
ENV
  echo "testbed: IMDSv2 mock http://127.0.0.1:$imds_port, ECS endpoint http://127.0.0.1:$ecs_port (user $user)"
}

stop() {
  stop_group "$I"
  rm -f "$DIR/imds.env"
  [ "${1:-}" = quiet ] || echo "testbed: IMDS stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
