#!/usr/bin/env bash
# Rebuilds the argon2id module in a temporary folder and compares it byte for
# byte with the committed wasm/argon2id.wasm and src/admin/crypto/argon2_wasm_bytes.ts.
# Exits 0 with "toolchain not present, skipped" where clang-14 or wasm-ld is
# missing, so CI can call it on any machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CLANG=${CLANG:-clang-14}

# clang prints the bare name when it cannot find its linker.
if ! command -v "$CLANG" > /dev/null || ! command -v "$("$CLANG" -print-prog-name=wasm-ld)" > /dev/null; then
  echo "toolchain not present, skipped ($CLANG and its wasm-ld are needed)"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$here/build.sh" "$tmp" > /dev/null
status=0
for pair in "$tmp/argon2id.wasm $here/argon2id.wasm" \
  "$tmp/argon2_wasm_bytes.ts $root/src/admin/crypto/argon2_wasm_bytes.ts"; do
  set -- $pair
  if cmp -s "$1" "$2"; then
    echo "same bytes: ${2#"$root"/}"
  else
    echo "DIFFERENT: ${2#"$root"/} does not match a fresh build ($("$CLANG" --version | head -1))"
    status=1
  fi
done
exit $status
