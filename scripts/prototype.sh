#!/usr/bin/env bash
# `make prototype`: Bedside in prototype mode as one static folder for
# designers (docs/prototypes.md), served by any static host:
#   dist-prototype/            the reference app with the `prototype` feature
#                              (prototypes/index.html): persona sign-in, FHIR
#                              answered in the browser from a scenario
#   dist-prototype/scenarios/  prototypes/scenarios/*.json and their index
#   dist-prototype/gallery/    the component gallery (make gallery-build)
# and a page file at every tool's and gallery page's address, so reloads
# and shared links work without a fallback to index.html
# (scripts/prototype-assets.mjs, which alone is enough after editing a
# scenario). Nothing here reaches a ward build: the size report checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${PROTOTYPE_DIST:-dist-prototype}
trunk build --release --dist "$OUT" prototypes/index.html
if [ -f dist-gallery/index.html ]; then
  rm -rf "$OUT/gallery"
  cp -r dist-gallery "$OUT/gallery"
else
  echo "prototype: dist-gallery/ is missing (make gallery-build): the folder has no gallery" >&2
fi
node scripts/prototype-assets.mjs "$OUT"
echo "prototype: $OUT is ready; serve it with: python3 -m http.server --directory $OUT 8090"
