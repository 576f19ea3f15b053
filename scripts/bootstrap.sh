#!/usr/bin/env bash
# Installs what building and testing Bedside needs, and only what is missing.
# Safe to run again: each step checks first. Exits non-zero, naming the step,
# when something cannot be installed.
#
#   scripts/bootstrap.sh            everything (build, sandbox and test tools)
#   scripts/bootstrap.sh --build    only what `make build` needs
#   scripts/bootstrap.sh --demo     what `make demo` needs: build tools and the sandbox
#   scripts/bootstrap.sh --docs     what `make docs` needs: build tools and mdBook
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=${1:-all}

TRUNK_VERSION=0.21.14
STYLANCE_VERSION=0.8.4
# The book (docs/, `make docs`).
MDBOOK_VERSION=0.5.4
# wasm-bindgen-cli must equal the wasm-bindgen the app links: read it from the lock file.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\n\033[31mbootstrap: %s\033[0m\n' "$*" >&2; exit 1; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

[ -n "$WASM_BINDGEN_VERSION" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
command -v cargo >/dev/null || fail "cargo is not installed: install Rust with rustup first"
command -v node >/dev/null || fail "node is not installed (Node 20 or later is needed)"
command -v npm >/dev/null || fail "npm is not installed"

# The npm and apt installs wait on the network and the disk, the cargo installs
# on the CPU: the first run in the background while the second compile, and
# each background log is printed when it is collected.
LOGS=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$LOGS"' EXIT
declare -A BG=()
background() { local key=$1; shift; ( "$@" ) >"$LOGS/$key" 2>&1 & BG[$key]=$!; }
collect() {
  local key=$1 title=$2 why=$3
  step "$title"
  local rc=0
  wait "${BG[$key]}" || rc=$?
  cat "$LOGS/$key"
  [ "$rc" = 0 ] || fail "$why"
}

npm_root() {
  if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json node_modules/.bedside-lock; then
    echo "present"
  else
    npm ci --no-audit --no-fund && cp package-lock.json node_modules/.bedside-lock
  fi
}
npm_e2e() {
  if [ -f e2e/node_modules/.package-lock.json ] && cmp -s e2e/package-lock.json e2e/node_modules/.bedside-lock; then
    echo "present"
  else
    # Playwright must use Debian's Chromium, never download its own browsers.
    (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) \
      && cp e2e/package-lock.json e2e/node_modules/.bedside-lock
  fi
}
# The sandbox's third-party SMART app (e2e/sandbox/vendor-app/, npm
# fhirclient), pinned in its own lock file apart from Bedside's, as another
# vendor's app would be; the sandbox serves fhirclient's browser build from it.
npm_vendor() {
  if [ -f e2e/sandbox/vendor-app/node_modules/.package-lock.json ] && cmp -s e2e/sandbox/vendor-app/package-lock.json e2e/sandbox/vendor-app/node_modules/.bedside-lock; then
    echo "present"
  else
    (cd e2e/sandbox/vendor-app && npm ci --no-audit --no-fund --ignore-scripts) \
      && cp e2e/sandbox/vendor-app/package-lock.json e2e/sandbox/vendor-app/node_modules/.bedside-lock
  fi
}
# The journey benchmark's peer app (e2e/bench/peer/, React + Vite), pinned in
# its own lock file, and built each time (a second): a fixture for
# comparison, not product.
npm_peer() {
  if [ -f e2e/bench/peer/node_modules/.package-lock.json ] && cmp -s e2e/bench/peer/package-lock.json e2e/bench/peer/node_modules/.bedside-lock; then
    echo "present"
  else
    (cd e2e/bench/peer && npm ci --no-audit --no-fund --ignore-scripts) \
      && cp e2e/bench/peer/package-lock.json e2e/bench/peer/node_modules/.bedside-lock
  fi
  (cd e2e/bench/peer && node_modules/.bin/vite build --logLevel error)
}
# Python 3 too: the prototype's end-to-end tests serve its static folder
# with `python3 -m http.server`, the plain static host designers use. One
# apt-get for both: two at once would wait on each other's lock.
chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v python3 >/dev/null 2>&1; then
    echo "present"
  else
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver python3
  fi
}
background npm_root npm_root
if [ "$MODE" != "--build" ] && [ "$MODE" != "--docs" ]; then
  background npm_e2e npm_e2e
  background npm_vendor npm_vendor
fi
if [ "$MODE" = all ]; then
  background chromium chromium
  background npm_peer npm_peer
fi

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "present"
else
  rustup target add wasm32-unknown-unknown || fail "rustup could not add the wasm32-unknown-unknown target"
fi

# The four tools share much of their dependency tree (serde, syn, clap, walrus…):
# one target directory lets a crate built for one serve the next, and keeps
# them for a version bump. Build tools need no link-time optimisation (Trunk
# asks for fat LTO in one codegen unit, a long single-threaded link): with it
# off and the code in parallel units they use both cores to the end, and run
# at much the same speed on the few files they handle.
TOOLS_TARGET=${BEDSIDE_TOOLS_TARGET:-${TMPDIR:-/var/tmp}/bedside-tools-target}
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_INCREMENTAL=false \
    cargo install --target-dir "$TOOLS_TARGET" "$@"
}

step "trunk $TRUNK_VERSION"
if have_version trunk "trunk $TRUNK_VERSION"; then
  echo "present"
else
  # Without its default features: Trunk is offline here (Trunk.toml) and
  # serves plain HTTP, so TLS (rustls, ring) and the update check would be
  # compiled for nothing.
  tool_install --locked trunk --version "=$TRUNK_VERSION" --no-default-features \
    || fail "cargo could not install trunk $TRUNK_VERSION"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
if have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" && have_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  echo "present"
else
  # Not --locked: its lock file names a crate version the registry no longer serves.
  tool_install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force \
    || fail "cargo could not install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
fi

step "bedside-wasm-split (tools/wasm-split: the splitter, a fork of wasm_split_cli_support 0.2.4)"
# Splits the app's wasm at its split points (bedside::on_demand; see
# scripts/split-wasm.mjs, which builds it the same way and so never runs a
# stale copy). Built here so a fresh machine fetches its crates now.
cargo build --release --locked --quiet --manifest-path "$ROOT/tools/wasm-split/Cargo.toml" \
  || fail "cargo could not build tools/wasm-split"
echo "built"

step "stylance-cli $STYLANCE_VERSION"
if have_version stylance "$STYLANCE_VERSION"; then
  echo "present"
else
  tool_install --locked stylance-cli --version "=$STYLANCE_VERSION" \
    || tool_install stylance-cli --version "=$STYLANCE_VERSION" \
    || fail "cargo could not install stylance-cli $STYLANCE_VERSION"
fi

if [ "$MODE" = "all" ] || [ "$MODE" = "--docs" ]; then
  step "mdbook $MDBOOK_VERSION (the book: make docs)"
  if have_version mdbook "mdbook v$MDBOOK_VERSION"; then
    echo "present"
  else
    # Without its server and file watcher: `make docs` only builds.
    tool_install --locked mdbook --version "=$MDBOOK_VERSION" --no-default-features --features search \
      || fail "cargo could not install mdbook $MDBOOK_VERSION"
  fi
fi

collect npm_root "npm build tools (nhsuk-frontend, sass, wasm-opt from binaryen)" "npm ci failed at the repository root"
have_version wasm-opt "version 132" || fail "wasm-opt 132 is not on PATH after npm ci (package binaryen)"

[ "$MODE" = "--build" ] && { step "build tools ready"; exit 0; }
[ "$MODE" = "--docs" ] && { step "build and docs tools ready"; exit 0; }

collect npm_e2e "npm packages in e2e/ (sandbox servers with Node 22, Playwright, axe-core)" "npm ci failed in e2e/"
# Medplum 5 needs Node 22; the npm package `node` brings it, for the sandbox only.
e2e/node_modules/.bin/node --version 2>/dev/null | grep -q '^v22\.' \
  || fail "Node 22 is missing from e2e/node_modules (npm package node@22); remove e2e/node_modules and run again"
collect npm_vendor "the sandbox's third-party SMART app (e2e/sandbox/vendor-app: fhirclient)" "npm ci failed in e2e/sandbox/vendor-app/"

[ "$MODE" = "--demo" ] && { step "build and sandbox tools ready"; exit 0; }

collect chromium "Chromium, ChromeDriver and Python 3 (Debian packages)" "apt-get could not install chromium, chromium-driver and python3"
collect npm_peer "the journey benchmark's peer app (e2e/bench/peer: React, nhsuk-react-components, fhirclient, Vite)" "npm ci or the Vite build failed in e2e/bench/peer/"

step "all tools ready"
