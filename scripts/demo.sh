#!/usr/bin/env bash
# `make demo`: the sandbox FHIR and sign-on servers, then the release app on
# http://localhost:$PORT (default 8080) allowed to call them. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sandbox-lib.sh
PORT=${PORT:-8080}
export SANDBOX_APP_ORIGINS=${SANDBOX_APP_ORIGINS:-http://localhost:$PORT}

SANDBOX=""
SERVER=""
# Both servers run in the background so a signal reaches this script at once
# (bash runs traps only after a foreground child exits); stopping either stops both.
trap 'kill $SANDBOX $SERVER 2>/dev/null; wait 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

start_sandbox
# config/sandbox.json names the sandbox's FHIR server and sign-on issuer,
# which serve.mjs allows in the CSP.
node scripts/serve.mjs --dir dist --port "$PORT" --config "${BEDSIDE_CONFIG:-config/sandbox.json}" &
SERVER=$!
# Until either server stops. A short `wait` per turn keeps signals prompt:
# bash can miss one that lands as `wait -n` starts blocking.
while kill -0 "$SANDBOX" 2>/dev/null && kill -0 "$SERVER" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
