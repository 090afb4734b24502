#!/usr/bin/env bash
# Publishes the SDK to npm (minio-edge) and JSR (@minio-edge/minio) at the
# version in deno.json (set it with `deno run -A scripts/version.ts X.Y.Z`,
# and move CHANGELOG.md's Unreleased notes under that version first).
#
#   bash scripts/release.sh --dry-run   everything but the upload (run by scripts/test.sh)
#   bash scripts/release.sh             the same, then npm publish and deno publish
#
# Steps: the version agrees everywhere and CHANGELOG.md has its section; the
# static checks (type check, lint, format, JSDoc, layout, generated clients,
# the API reference); the npm build, packed and checked by
# scripts/release_check.ts (exports `.` and `./admin`, declarations, source
# maps, argon2id.wasm); `npm publish --dry-run` of that folder and
# `deno publish --dry-run` with its file list checked the same way. The dry
# run needs no credentials (npm only warns that it is not logged in); npm may
# ask its registry about the package, nothing else is reached. A real run
# wants a clean work tree and the logins of both registries.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

DRY_RUN=0
case "${1:-}" in
  --dry-run) DRY_RUN=1 ;;
  "") ;;
  *) echo "usage: scripts/release.sh [--dry-run]" >&2; exit 2 ;;
esac

BIN=node_modules/.bin
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
step() { echo "== release: $*"; }

VERSION=$($BIN/deno run -A scripts/version.ts)
step "version $VERSION (deno.json, package.json, User-Agent)"
$BIN/deno run -A scripts/version.ts --check
# A dry run also takes the section of the version being prepared, "- Unreleased".
DATED="^## \[$VERSION\] - [0-9]{4}-[0-9]{2}-[0-9]{2}$"
PREPARED="^## \[$VERSION\] - Unreleased$"
if ! grep -qE "$DATED" CHANGELOG.md && ! { [ "$DRY_RUN" = 1 ] && grep -qE "$PREPARED" CHANGELOG.md; }; then
  echo "CHANGELOG.md has no section \"## [$VERSION] - YYYY-MM-DD\"" >&2
  exit 1
fi
if [ "$DRY_RUN" = 0 ] && [ -n "$(git status --porcelain)" ]; then
  echo "the work tree has changes: commit them first" >&2
  exit 1
fi

step "checks"
$BIN/deno check mod.ts admin.ts src npm scripts/release_check.ts scripts/version.ts
$BIN/deno lint
$BIN/deno fmt --check
$BIN/deno doc --lint mod.ts admin.ts
$BIN/deno run -A scripts/check_docs.ts
$BIN/deno run --allow-read scripts/check_layout.ts
$BIN/deno run -A scripts/gen_clients.ts --check
bash scripts/api_docs.sh "$WORK/api"

step "npm build"
node --import tsx npm/build.ts --outdir "$WORK/dist" > "$WORK/build.log"
npm pack "$WORK/dist" --pack-destination "$WORK" --silent > /dev/null
$BIN/deno run -A scripts/release_check.ts npm "$WORK/minio-edge-$VERSION.tgz"

PUBLISH_FLAGS=()
[ "$DRY_RUN" = 1 ] && PUBLISH_FLAGS=(--dry-run)

step "npm publish ${PUBLISH_FLAGS[*]}"
npm publish "${PUBLISH_FLAGS[@]}" "$WORK/dist" > "$WORK/npm.log" 2>&1 || {
  cat "$WORK/npm.log"
  exit 1
}
grep -F "+ minio-edge@$VERSION" "$WORK/npm.log"

step "deno publish ${PUBLISH_FLAGS[*]}"
if [ "$DRY_RUN" = 1 ]; then
  $BIN/deno publish --dry-run --allow-dirty > "$WORK/jsr.log" 2>&1 || {
    cat "$WORK/jsr.log"
    exit 1
  }
  $BIN/deno run -A scripts/release_check.ts jsr "$WORK/jsr.log"
else
  $BIN/deno publish
fi
step "done: minio-edge@$VERSION (npm), @minio-edge/minio@$VERSION (JSR)$([ "$DRY_RUN" = 1 ] && echo ", dry run")"
