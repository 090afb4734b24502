#!/usr/bin/env bash
# Starts a local MinIO (the test bed) and runs examples/quickstart.ts against
# it with Deno, then stops it. With --keep the server stays up and the
# variables to reach it are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export TESTBED_DIR="${TESTBED_DIR:-$(pwd)/.testbed-demo}"
bash scripts/testbed.sh start
[ "${1:-}" = --keep ] || trap 'bash scripts/testbed.sh stop' EXIT
source "$TESTBED_DIR/env"
export MINIO_ENDPOINT="http://127.0.0.1:$MINIO_TEST_PORT"
export MINIO_ACCESS_KEY=$MINIO_TEST_ACCESS_KEY MINIO_SECRET_KEY=$MINIO_TEST_SECRET_KEY
node_modules/.bin/deno run --allow-net=127.0.0.1 --allow-env examples/quickstart.ts
if [ "${1:-}" = --keep ]; then
  echo "MinIO keeps running: MINIO_ENDPOINT=$MINIO_ENDPOINT MINIO_ACCESS_KEY=$MINIO_ACCESS_KEY MINIO_SECRET_KEY=$MINIO_SECRET_KEY"
  echo "stop it with: TESTBED_DIR=$TESTBED_DIR bash scripts/testbed.sh stop"
fi
