#!/usr/bin/env bash
# Benchmarks: figures, compared with a baseline measured in the same run.
# Nothing here fails on a number; a benchmark fails only if it cannot run.
#   - 10 MB FHIR searchset Bundle decoded in Chromium: Bedside vs JSON.parse
#     (with --all, also with the `decode-paths` feature)
#   - a 10,000-patient ward list drawn and scrolled: virtualised vs every row drawn
#   (the app's size report runs after the release build: e2e/bench/size-report.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_WEBDRIVER_JSON=${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$PWD/scripts/webdriver.json}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-300}
# ChromeDriver may take more than the runner's default 5 s to start on a busy machine.
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}
# The release profile; --nocapture shows the figures. `make test` runs both
# benchmarks from one build with the features the app ships (the workspace
# turns bedside's defaults off, so no `decode-paths`); `make bench` (--all)
# then decodes again with `decode-paths`, for tools that turn it on.
# (A temporary file, not `tee /dev/stderr`: reopening a redirected stderr
# would truncate the caller's log.)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cargo test -p bedside --locked --release --target wasm32-unknown-unknown --no-default-features \
  --test bench_fhir_decode --test bench_ward_list -- --nocapture 2>&1 | tee "$out"
grep -q "BENCH fhir-decode" "$out" || { echo "bench: no decode figures reported" >&2; exit 1; }
grep -q "BENCH ward-list" "$out" || { echo "bench: no ward list figures reported" >&2; exit 1; }
if [ "${1:-}" = --all ]; then
  cargo test -p bedside --locked --release --target wasm32-unknown-unknown --features=decode-paths \
    --test bench_fhir_decode -- --nocapture 2>&1 | tee "$out"
  grep -q "BENCH fhir-decode" "$out" || { echo "bench: no decode figures reported (decode-paths)" >&2; exit 1; }
fi
