#!/usr/bin/env bash
# Builds the interop peers for the admin payload tests
# (tests/interop/admin_crypto_interop_test.ts):
# - madmin-go's EncryptData/DecryptData as a stdin -> stdout helper, twice:
#   the default build (argon2id ids 0x00/0x01) and `-tags fips`, madmin-go's
#   own switch to PBKDF2 + AES-GCM (0x02). Both land in
#   $MINIO_EDGE_CACHE/bin (default ~/.cache/minio-edge/bin), named by a hash
#   of the helper's source so a change rebuilds, and linked as
#   madmin-crypto and madmin-crypto-fips.
# - minio-py (its minio.crypto module), pinned, if python3 lacks it.
set -euo pipefail
cd "$(dirname "$0")/.."

MINIO_PY_VERSION=7.2.20
CACHE="${MINIO_EDGE_CACHE:-$HOME/.cache/minio-edge}"
SRC=tests/interop/madmin
mkdir -p "$CACHE/bin"

hash=$(cat "$SRC/main.go" "$SRC/go.mod" "$SRC/go.sum" | sha256sum | cut -c1-12)
for variant in "" fips; do
  name=madmin-crypto${variant:+-$variant}
  bin="$CACHE/bin/$name-$hash"
  if [ ! -x "$bin" ]; then
    echo "== go build $name (madmin-go pinned in $SRC/go.mod)"
    # -mod=readonly: go.sum is the pin; a build never edits it.
    (cd "$SRC" && GOTOOLCHAIN=local CGO_ENABLED=0 go build -mod=readonly -trimpath \
      ${variant:+-tags "$variant"} -o "$bin.tmp" .)
    mv "$bin.tmp" "$bin"
  fi
  ln -sf "$bin" "$CACHE/bin/$name"
done

if ! python3 -c "import minio, sys; sys.exit(minio.__version__ != '$MINIO_PY_VERSION')" 2>/dev/null; then
  echo "== pip install minio==$MINIO_PY_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check "minio==$MINIO_PY_VERSION"
fi
echo "== interop peers ready: $CACHE/bin/madmin-crypto{,-fips}, minio-py $MINIO_PY_VERSION"
