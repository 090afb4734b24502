#!/usr/bin/env bash
# Builds the pinned MinIO server (scripts/versions.sh) from its module source
# with scripts/minio-flush.patch applied (see the patch for why), and links it
# as $MINIO_EDGE_CACHE/bin/minio (default ~/.cache/minio-edge/bin). The binary
# is cached under a name holding the version and the patch's hash, so a
# changed pin or patch builds again and an unchanged one costs nothing.
# The link is replaced by a rename, so a test bed starting meanwhile sees
# either the old binary or the new one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
mkdir -p "$CACHE/bin"
patch_file=scripts/minio-flush.patch
hash=$(sha256sum "$patch_file" | cut -c1-12)
bin="$CACHE/bin/minio-$MINIO_VERSION-patched-$hash"

if [ ! -x "$bin" ]; then
  echo "== go build $MINIO_MODULE@$MINIO_VERSION + $patch_file (first time on this machine: several minutes)"
  src=$(cd /tmp && GOTOOLCHAIN=local GOFLAGS=-mod=mod \
    go mod download -json "$MINIO_MODULE@$MINIO_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -d "$src" ] || { echo "go mod download gave no source directory for MinIO" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
  cp -R "$src" "$tmp/minio" # the module cache is read-only
  chmod -R u+w "$tmp/minio"
  if command -v patch > /dev/null; then
    patch -d "$tmp/minio" -p1 --batch --forward --quiet < "$patch_file"
  else # git applies it as well, outside a repository too
    (cd "$tmp/minio" && git apply -p1) < "$patch_file"
  fi
  # GOFLAGS=-mod=mod: the module's go.sum pins its dependencies, as for go install.
  (cd "$tmp/minio" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod \
    go build -o "$tmp/minio.bin" .)
  "$tmp/minio.bin" --version > /dev/null
  # Copied beside the cache first, then renamed: $bin is never half-written.
  mv "$tmp/minio.bin" "$bin.$$.tmp"
  mv "$bin.$$.tmp" "$bin"
fi
ln -sfn "$bin" "$CACHE/bin/.minio.link.$$"
mv -Tf "$CACHE/bin/.minio.link.$$" "$CACHE/bin/minio"
