#!/usr/bin/env bash
# Every check and test layer, in order of cost, stopping at the first failure:
#   bootstrap → fmt → clippy (host, wasm32) → native tests → browser (wasm) tests
#   → sandbox data tests → benchmarks → release build → gallery build →
#   prototype build → size report → docs site → load-time and journey benchmarks → end-to-end tests (app with axe, sandbox sign-on, FHIR conformance)
#   → the prototype's journeys against its static folder, no sandbox
#   → the starter, built outside the workspace from the packaged crates, and its journey.
# Prints each step's duration, the slowest tests and test binaries, and writes
# them to target/ci-timings.json (scripts/steps.sh). `make test` and CI run this.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
source scripts/steps.sh

step "bootstrap (install what is missing)" scripts/bootstrap.sh
step "cargo fmt --check" cargo fmt --all --check
step "clippy (host)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# Prototype mode's code (the `prototype` feature, which no workspace build
# turns on): the app with it, as `make prototype` builds it.
step "clippy (wasm32, prototype mode)" cargo clippy -p bedside-app --features prototype --bins --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests (cargo test)" logged native-tests cargo test --workspace --locked
# The build's splitter (a fork, a workspace of its own): its grouping tests,
# on the release build of its dependencies that the build itself uses.
step "splitter tests (tools/wasm-split)" cargo test --release --locked --manifest-path tools/wasm-split/Cargo.toml
step "the app's registry for the end-to-end specs (target/registry.json)" make --no-print-directory registry
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=120
# wasm-bindgen-test-runner gives ChromeDriver 5 s to start listening; on a
# busy 2-core machine it has taken longer ("driver failed to bind port
# during startup"), failing a run that had nothing wrong.
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}
# A fixed address, so the sandbox can allow the test page's origin (CORS).
export WASM_BINDGEN_TEST_ADDRESS=127.0.0.1:8199
step "browser tests (wasm-bindgen-test, Chromium, sandbox)" logged browser-tests scripts/with-sandbox.sh \
  cargo test -p bedside --locked --target wasm32-unknown-unknown --test web --test address_web --test fhir_web --test id_token_web --test browser_json_web
step "node unit tests: sandbox data, wasm post-processing, the docs' link check (node --test, Node 22)" bash -c 'cd e2e && node_modules/.bin/node --test "sandbox/**/*.test.mjs" "../scripts/*.test.mjs"'
step "benchmarks: 10 MB FHIR Bundle decode vs JSON.parse; a 10,000-patient ward list, virtualised vs every row (figures, release)" scripts/bench.sh
step "release build (trunk, split at the split points)" trunk build --release
step "gallery build (trunk: its own site under /gallery/, for gallery.spec)" make --no-print-directory gallery-build
step "prototype build (make prototype: the app with the prototype feature, its scenarios, the gallery; dist-prototype/)" scripts/prototype.sh
# Fails on a first load over 110 KB brotli, a split point over 40 KB, a
# split point whose first open fetches more than 10 files, or prototype
# mode's code in the ward build (checked against the prototype build).
step "size report (first load, each split point, no prototype code)" node e2e/bench/size-report.mjs
step "docs site: the book, rustdoc and the gallery, every internal link checked (target/site)" scripts/docs.sh
step "benchmark: load time, CPU 4x slower (figures)" node e2e/bench/load-time.mjs --runs 5
step "benchmark: a nurse's journey, sign-in to Observations, beside a React peer app (figures)" node e2e/bench/journey.mjs --runs 3
step "end-to-end tests (Playwright + axe)" bash -c 'cd e2e && CI=${CI:-} npx playwright test'
step "prototype journeys: the static folder alone, no sandbox (Playwright + axe)" bash -c 'cd e2e && CI=${CI:-} npx playwright test -c playwright.prototype.config.ts'
step "starter: cargo package, built outside the workspace from the packages, its journey (Playwright + axe)" scripts/starter.sh
