#!/usr/bin/env bash
# Runs a command with the sandbox servers up and a token for them:
#   scripts/with-sandbox.sh <command…>
# Exports BEDSIDE_TEST_FHIR_BASE and BEDSIDE_TEST_FHIR_TOKEN (a doctor's
# user/*.cruds token, obtained through the real sign-in pages over HTTP).
# The browser tests' page is served from WASM_BINDGEN_TEST_ADDRESS, which is
# added to the origins the sandbox allows.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sandbox-lib.sh
TEST_ORIGIN="http://${WASM_BINDGEN_TEST_ADDRESS:-127.0.0.1:8199}"
export SANDBOX_APP_ORIGINS="$TEST_ORIGIN"
# The token is compiled into the tests (option_env!), and it is minted before
# cargo builds them: a cold build of the wasm test binaries (7 min on a fresh
# 2-core machine) outlasts the sandbox's usual 5-minute tokens, and every
# FHIR test then got 401. An hour covers any build; the sandbox is local.
export SANDBOX_TOKEN_TTL="${SANDBOX_TOKEN_TTL:-3600}"

SANDBOX=""
trap 'kill $SANDBOX 2>/dev/null; wait 2>/dev/null || true' EXIT
start_sandbox

export BEDSIDE_TEST_FHIR_BASE="http://localhost:${SANDBOX_FHIR_PORT:-8103}/fhir/R4"
BEDSIDE_TEST_FHIR_TOKEN=$(e2e/node_modules/.bin/node e2e/sandbox/test-token.mjs --redirect "$TEST_ORIGIN/auth/callback")
export BEDSIDE_TEST_FHIR_TOKEN
"$@"
