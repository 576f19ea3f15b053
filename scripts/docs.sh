#!/usr/bin/env bash
# `make docs`: the book (docs/, mdBook), the API reference (rustdoc, as
# docs.rs builds it: the browser target) and the component gallery, as one
# static site in target/site, then every internal link in it checked:
#   /                 the book
#   /api/<crate>/     rustdoc for bedside_core, bedside, bedside_app,
#                     bedside_gallery
#   /gallery/         the gallery, with a page file for each component and
#                     example, so any static host serves their addresses
# Rustdoc fails on a broken intra-doc link (-D warnings); the site's links
# are checked by scripts/check-links.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
SITE=target/site

# Afresh: rustdoc leaves the pages of items that are gone, which would hide
# a link to them.
rm -rf "$TARGET_DIR/wasm32-unknown-unknown/doc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --locked --target wasm32-unknown-unknown
mdbook build docs
[ -f dist-gallery/index.html ] || { echo "docs: dist-gallery/ is missing; run \`make gallery-build\` first" >&2; exit 1; }
[ -f target/registry.json ] || { echo "docs: target/registry.json is missing; run \`make registry\` first" >&2; exit 1; }

rm -rf "$SITE"
mkdir -p "$SITE"
cp -r target/book/. "$SITE/"
cp -r "$TARGET_DIR/wasm32-unknown-unknown/doc" "$SITE/api"
# Rustdoc writes no index of a workspace's crates on stable; its help and
# settings pages link one.
cat > "$SITE/api/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Bedside API reference</title></head>
<body>
<h1>Bedside API reference</h1>
<ul>
<li><a href="bedside_core/index.html">bedside_core</a>: what needs no UI framework (FHIR models and client, SMART protocol, clinical rules)</li>
<li><a href="bedside/index.html">bedside</a>: the component library (components, the sign-on broker, navigation, forms; re-exports bedside_core)</li>
<li><a href="bedside_app/index.html">bedside_app</a>: the reference app</li>
<li><a href="bedside_gallery/index.html">bedside_gallery</a>: the component gallery</li>
</ul>
<p><a href="../index.html">The Bedside book</a></p>
</body>
</html>
HTML
cp -r dist-gallery "$SITE/gallery"
node scripts/check-links.mjs "$SITE" --spa gallery --registry target/registry.json
