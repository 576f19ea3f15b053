#!/usr/bin/env bash
# The inner loop while developing (`make check`, CONTRIBUTING.md): fmt,
# clippy for the host and the native tests; then, with SPEC (a pattern for
# spec files) or GREP (one for test titles), the release build and those
# Playwright specs. A few minutes on a warm machine. It checks less than
# `make test`, which CI always runs whole: clippy for wasm32, the browser
# tests, the benchmarks, the size budget and every other spec.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
SPEC=${SPEC:-}
GREP=${GREP:-}
source scripts/steps.sh

step "cargo fmt --check" cargo fmt --all --check
step "clippy (host)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "native tests (cargo test)" logged native-tests cargo test --workspace --locked
if [ -n "$SPEC$GREP" ]; then
  step "the app's registry for the end-to-end specs (target/registry.json)" make --no-print-directory registry
  step "release build (trunk, split at the split points)" trunk build --release
  step "gallery build (trunk: its own site under /gallery/)" make --no-print-directory gallery-build
  args=()
  [ -n "$SPEC" ] && args+=("$SPEC")
  [ -n "$GREP" ] && args+=(--grep "$GREP")
  step "end-to-end tests matching ${SPEC:+spec $SPEC}${SPEC:+${GREP:+, }}${GREP:+title $GREP} (Playwright + axe)" \
    bash -c 'cd e2e && npx playwright test "$@"' playwright "${args[@]}"
fi
