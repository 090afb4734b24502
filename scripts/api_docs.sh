#!/usr/bin/env bash
# The API reference, generated from the JSDoc of the two entries (mod.ts:
# `@minio-edge/minio` / `minio-edge`; admin.ts: `.../admin`) with
# `deno doc --html`, into build/api (not committed; open build/api/index.html).
# Fails when deno doc fails or prints anything but its "Written N files" line
# (a warning), when `deno doc --lint` finds a problem, or when a page of an
# entry is missing. Run by scripts/test.sh and scripts/release.sh.
#
#   bash scripts/api_docs.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

OUT=${1:-build/api}
BIN=node_modules/.bin
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

$BIN/deno doc --lint mod.ts admin.ts
rm -rf "$OUT"
# deno doc makes OUT but not its parent: build/ does not exist in a fresh clone.
mkdir -p "$(dirname "$OUT")"
$BIN/deno doc --html --name="minio-edge" --output="$OUT" mod.ts admin.ts > "$LOG" 2>&1 || {
  cat "$LOG"
  exit 1
}
# Colour codes off first: deno takes FORCE_COLOR (test.sh sets it to 0) as "colour on".
sed -i 's/\x1b\[[0-9;]*m//g' "$LOG"
if grep -vqE '^Written [0-9]+ files to ' "$LOG"; then
  echo "deno doc --html printed more than its summary:" >&2
  cat "$LOG" >&2
  exit 1
fi
# "~" holds the symbols of the first entry, admin/~ those of ./admin.
for page in index.html all_symbols.html "~/Minio.html" "admin/~/MinioAdmin.html"; do
  [ -s "$OUT/$page" ] || { echo "API reference: no $OUT/$page" >&2; exit 1; }
done
echo "API reference: $(find "$OUT" -name '*.html' | wc -l) pages in $OUT"
