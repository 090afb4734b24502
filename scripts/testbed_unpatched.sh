#!/usr/bin/env bash
# A single-drive MinIO of the pinned build WITHOUT scripts/minio-flush.patch
# (built by scripts/install.sh as minio-unpatched), on a random free port, so
# a test can show the server regression the patch fixes (see
# docs/troubleshooting.md). Writes $TESTBED_DIR/unpatched.env for the tests.
#   scripts/testbed_unpatched.sh start | stop
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
U="$DIR/unpatched"
MINIO="$CACHE/bin/minio-unpatched" # start_group_minio runs $MINIO

start() {
  stop quiet
  mkdir -p "$U"
  : > "$U/pids"
  local port secret
  port=$(free_port)
  secret=$(random_secret)
  MINIO_ROOT_USER=unpatched MINIO_ROOT_PASSWORD=$secret start_group_minio "$U" "$port" http ""
  cat > "$DIR/unpatched.env" <<ENV
export MINIO_TEST_UNPATCHED_PORT=$port
export MINIO_TEST_UNPATCHED_ACCESS_KEY=unpatched
export MINIO_TEST_UNPATCHED_SECRET_KEY=$secret
ENV
  echo "testbed: unpatched MinIO http://127.0.0.1:$port"
}

stop() {
  stop_group "$U"
  rm -f "$DIR/unpatched.env"
  [ "${1:-}" = quiet ] || echo "testbed: unpatched MinIO stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
