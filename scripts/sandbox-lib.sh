# Sourced by demo.sh and with-sandbox.sh. start_sandbox runs the sandbox
# servers in the background (their pid in SANDBOX) and returns once the FHIR
# server answers; it fails if the sandbox exits or stays silent for 60 s.
start_sandbox() {
  local metadata="http://localhost:${SANDBOX_FHIR_PORT:-8103}/fhir/R4/metadata"
  e2e/node_modules/.bin/node --max-old-space-size=6144 e2e/sandbox/start.mjs &
  SANDBOX=$!
  for _ in $(seq 1 120); do
    kill -0 "$SANDBOX" 2>/dev/null || { echo "the sandbox exited; see its messages above" >&2; return 1; }
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$metadata" && return 0
    sleep 0.5
  done
  echo "the sandbox did not answer within 60 s" >&2
  return 1
}
