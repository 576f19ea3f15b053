#!/usr/bin/env bash
# The starter (templates/trust-app) built the way a trust builds its app:
# outside this workspace, against the crates as `cargo package` makes them
# (not path dependencies into this tree), with the `bedside` command
# installed from its own package; then served with the production headers
# (strict CSP, Trusted Types) and its journey run against the sandbox
# (e2e/starter/, Playwright + axe).
#
#   scripts/starter.sh            package, build, run the journey
#   scripts/starter.sh --build    package and build only (target/starter/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
work=$target/starter
packages=$work/packages

# 1. The packages. Their styles first: a package carries them
# (components/assets/dist/, built from nhsuk-frontend, the tokens and the
# component CSS). No verification build here: the starter's build below
# compiles the unpacked package for the browser, which `cargo package`'s
# own (native) check would not.
node scripts/build-css.mjs --package
cargo package -p bedside-core -p bedside -p bedside-cli --locked --no-verify --allow-dirty --quiet
rm -rf "$work"
mkdir -p "$packages"
version=$(cargo metadata --format-version 1 --no-deps --locked | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="bedside").version))')
# --touch: a package's files carry fixed times, older than the last build's
# outputs, and Cargo would take a changed package for the one it built.
for crate in bedside-core bedside bedside-cli; do
  tar --touch -xzf "$target/package/$crate-$version.crate" -C "$packages"
done

# 2. The `bedside` command, from its package, as `cargo install` gives it.
cargo install --quiet --locked --offline --path "$packages/bedside-cli-$version" --root "$work/tools"

# 3. The app: a copy of the template, its `bedside` dependency (and the
# `bedside-core` under it) taken from the unpacked packages, as crates.io
# would give them. This repository's lock
# file fixes the other crates' versions (the same wasm-bindgen as the CLI
# that bootstrap installs).
cp -r templates/trust-app "$work/trust-app"
rm -rf "$work/trust-app/dist" "$work/trust-app/target"
cp Cargo.lock "$work/trust-app/Cargo.lock"
(cd "$work/trust-app" && cargo fmt --check)
cat >> "$work/trust-app/Cargo.toml" <<TOML

# Added by scripts/starter.sh: the crates as packaged, in place of crates.io's.
[patch.crates-io]
bedside = { path = "../packages/bedside-$version" }
bedside-core = { path = "../packages/bedside-core-$version" }
TOML
(cd "$work/trust-app" && PATH="$work/tools/bin:$PATH" trunk build --offline)

[ "${1:-}" = "--build" ] && exit 0

# 4. The journey.
cd e2e
BEDSIDE_STARTER_DIST="$work/trust-app/dist" CI=${CI:-} npx playwright test --config starter.config.ts
