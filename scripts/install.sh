#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh machine:
# npm packages (deno, bun, workerd and the libraries, pinned in
# package-lock.json) and the Go-built MinIO server and mc client.
# Go binaries are cached by version under $MINIO_EDGE_CACHE (default
# ~/.cache/minio-edge); Go's module and build caches are kept as Go keeps them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
mkdir -p "$CACHE/bin"

if [ ! -x node_modules/.bin/deno ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

go_tool() { # name module version
  local name=$1 module=$2 version=$3
  local bin="$CACHE/bin/$name-$version"
  if [ ! -x "$bin" ]; then
    echo "== go install $module@$version (first time on this machine: several minutes)"
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod GOBIN="$tmp" \
      go install "$module@$version")
    mv "$tmp/$name" "$bin"
    rm -rf "$tmp"
  fi
  ln -sf "$bin" "$CACHE/bin/$name"
}
go_tool minio "$MINIO_MODULE" "$MINIO_VERSION"
go_tool mc "$MC_MODULE" "$MC_VERSION"
bash scripts/build_interop.sh
echo "== tools ready: $(node_modules/.bin/deno --version | head -1), bun $(node_modules/.bin/bun --version), node $(node --version)"
