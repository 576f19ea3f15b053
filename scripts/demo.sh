#!/usr/bin/env bash
# `make demo`: the sandbox FHIR and sign-on servers, then the release app on
# http://localhost:$PORT (default 8080) allowed to call them. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
FHIR_PORT=${SANDBOX_FHIR_PORT:-8103}
AUTH_PORT=${SANDBOX_AUTH_PORT:-8104}
export SANDBOX_APP_ORIGINS=${SANDBOX_APP_ORIGINS:-http://localhost:$PORT}

e2e/node_modules/.bin/node --max-old-space-size=6144 e2e/sandbox/start.mjs &
SANDBOX=$!
SERVER=""
# Both servers run in the background so a signal reaches this script at once
# (bash runs traps only after a foreground child exits); stopping either stops both.
trap 'kill $SANDBOX $SERVER 2>/dev/null; wait 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

answers() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }
for _ in $(seq 1 120); do
  kill -0 "$SANDBOX" 2>/dev/null || { echo "demo: the sandbox exited; see its messages above" >&2; exit 1; }
  answers "http://localhost:$FHIR_PORT/fhir/R4/metadata" && break
  sleep 0.5
done
answers "http://localhost:$FHIR_PORT/fhir/R4/metadata" || { echo "demo: the sandbox did not answer in 60 s" >&2; exit 1; }

BEDSIDE_CONNECT_SRC="http://localhost:$FHIR_PORT http://localhost:$AUTH_PORT" \
  node scripts/serve.mjs --dir dist --port "$PORT" &
SERVER=$!
wait -n "$SANDBOX" "$SERVER"
