#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine (the demo needs less: see scripts/demo.sh):
# npm packages (deno, bun, workerd, playwright-core and the libraries,
# pinned in package-lock.json), Debian's chromium and nginx, and the Go-built MinIO (patched,
# scripts/install_minio.sh), mc client, KES server, Toxiproxy server and the EC2 metadata mock.
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

# `deno bundle` (examples/browser's server bundles its page when it starts)
# fetches its own esbuild from the npm registry on first use. Fetch it here,
# with the machine's CA settings: test.sh later points NODE_EXTRA_CA_CERTS,
# which Deno honours, at the test bed's CA alone, and a registry reached
# through a proxy with a CA of its own is then refused.
probe=$(mktemp -d)
echo 'export {};' > "$probe/probe.ts"
node_modules/.bin/deno bundle --quiet "$probe/probe.ts" > /dev/null
rm -rf "$probe"

# Debian's Chromium for tests/browser, driven by playwright-core (pinned in
# package.json), which never downloads a browser of its own here.
if [ ! -x /usr/bin/chromium ]; then
  echo "== apt-get install chromium"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n" # never prompts: fails instead
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi

# Debian's nginx, the load balancer in front of the distributed MinIO of
# scripts/testbed_cluster.sh.
if [ ! -x /usr/sbin/nginx ]; then
  echo "== apt-get install nginx-light"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n" # never prompts: fails instead
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx-light
fi

go_tool() { # name module version [built]: built is the name go install gives (default name)
  local name=$1 module=$2 version=$3 built=${4:-$1}
  local bin="$CACHE/bin/$name-$version"
  if [ ! -x "$bin" ]; then
    echo "== go install $module@$version (first time on this machine: several minutes)"
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod GOBIN="$tmp" \
      go install "$module@$version")
    mv "$tmp/$built" "$bin"
    rm -rf "$tmp"
  fi
  ln -sf "$bin" "$CACHE/bin/$name"
}
# MinIO is built from its module source with scripts/minio-flush.patch applied.
bash scripts/install_minio.sh
# The same MinIO without the patch, for the one test that shows the regression
# (tests/integration/listen_unpatched_test.ts, on scripts/testbed_unpatched.sh).
go_tool minio-unpatched "$MINIO_MODULE" "$MINIO_VERSION" minio
go_tool mc "$MC_MODULE" "$MC_VERSION"
go_tool toxiproxy-server "$TOXIPROXY_PACKAGE" "$TOXIPROXY_VERSION" server
go_tool ec2-metadata-mock "$EC2_METADATA_MOCK_PACKAGE" "$EC2_METADATA_MOCK_VERSION"
# KES is built in a throwaway module that requires the pinned version:
# `go install module@version` also reads the module's version list (for
# deprecation notices), and the module proxy answers 403 for KES's list.
go_build_pinned() { # name module version package
  local name=$1 module=$2 version=$3 package=$4
  local bin="$CACHE/bin/$name-$version"
  if [ ! -x "$bin" ]; then
    echo "== go build $package@$version (first time on this machine: a few minutes)"
    local tmp
    tmp=$(mktemp -d)
    printf 'module pinned\n\ngo 1.21\n\nrequire %s %s\n' "$module" "$version" > "$tmp/go.mod"
    (cd "$tmp" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod go build -o "$tmp/$name" "$package")
    mv "$tmp/$name" "$bin"
    rm -rf "$tmp"
  fi
  ln -sf "$bin" "$CACHE/bin/$name"
}
go_build_pinned kes "$KES_MODULE" "$KES_VERSION" "$KES_PACKAGE"
bash scripts/build_interop.sh
echo "== tools ready: $(node_modules/.bin/deno --version | head -1), bun $(node_modules/.bin/bun --version), node $(node --version)"
