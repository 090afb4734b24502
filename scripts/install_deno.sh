#!/usr/bin/env bash
# Prints the path of a Deno at the version package-lock.json pins: the
# project's node_modules/.bin/deno when `npm ci` installed it, else that
# version of the npm package `deno` alone, installed once under
# $MINIO_EDGE_CACHE/deno-<version> (default ~/.cache/minio-edge), so the demo
# needs neither the rest of the dev tools nor a Deno on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x node_modules/.bin/deno ]; then
  echo "$(pwd)/node_modules/.bin/deno"
  exit 0
fi
CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
version=$(node -p 'require("./package-lock.json").packages["node_modules/deno"].version')
dir="$CACHE/deno-$version"
if [ ! -x "$dir/node_modules/.bin/deno" ]; then
  echo "== npm install deno@$version (once)" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --no-save \
    "deno@$version" >&2
fi
echo "$dir/node_modules/.bin/deno"
