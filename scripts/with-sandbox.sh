#!/usr/bin/env bash
# Runs a command with the sandbox servers up and a token for them:
#   scripts/with-sandbox.sh <command…>
# Exports BEDSIDE_TEST_FHIR_BASE and BEDSIDE_TEST_FHIR_TOKEN (a doctor's
# user/*.cruds token, obtained through the real sign-in pages over HTTP).
# The browser tests' page is served from WASM_BINDGEN_TEST_ADDRESS, which is
# added to the origins the sandbox allows.
set -euo pipefail
cd "$(dirname "$0")/.."
TEST_ORIGIN="http://${WASM_BINDGEN_TEST_ADDRESS:-127.0.0.1:8199}"
FHIR_PORT=${SANDBOX_FHIR_PORT:-8103}
export SANDBOX_APP_ORIGINS="$TEST_ORIGIN"
NODE22=e2e/node_modules/.bin/node

$NODE22 e2e/sandbox/start.mjs &
SANDBOX=$!
trap 'kill "$SANDBOX" 2>/dev/null; wait "$SANDBOX" 2>/dev/null || true' EXIT

answers() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }
for _ in $(seq 1 120); do
  kill -0 "$SANDBOX" 2>/dev/null || { echo "with-sandbox: the sandbox exited" >&2; exit 1; }
  answers "http://localhost:$FHIR_PORT/fhir/R4/metadata" && break
  sleep 0.5
done

export BEDSIDE_TEST_FHIR_BASE="http://localhost:$FHIR_PORT/fhir/R4"
BEDSIDE_TEST_FHIR_TOKEN=$($NODE22 e2e/sandbox/test-token.mjs --redirect "$TEST_ORIGIN/auth/callback")
export BEDSIDE_TEST_FHIR_TOKEN
"$@"
