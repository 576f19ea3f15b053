# Steps with their times, for scripts/test.sh and scripts/check.sh (sourced).
# Each step's seconds and outcome go to target/ci/steps.tsv; on exit, pass or
# fail, scripts/ci-timings.mjs prints where the time went and writes
# target/ci-timings.json.
CI_DIR=target/ci
rm -rf "$CI_DIR"
mkdir -p "$CI_DIR"
trap 'node scripts/ci-timings.mjs || true' EXIT

# step NAME COMMAND…: runs it, records its time; stops the run if it fails.
step() {
  local name=$1; shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local t0 status=ok
  t0=$(date +%s)
  "$@" || status=failed
  printf '%s\t%s\t%s\n' "$name" $(( $(date +%s) - t0 )) "$status" >>"$CI_DIR/steps.tsv"
  if [ "$status" != ok ]; then
    printf '\n\033[31mFAILED: %s\033[0m\n' "$name" >&2
    exit 1
  fi
}

# logged LOG COMMAND…: its output as it comes, and a copy with each line's
# time in target/ci/LOG.log (which test binary ran how long).
logged() {
  local log=$1; shift
  "$@" 2>&1 | node scripts/ci-log.mjs "$CI_DIR/$log.log"
}
