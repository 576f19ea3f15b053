#!/usr/bin/env node
// Trunk post-build hook, on the staged dist/ (TRUNK_STAGING_DIR):
//
// 0. Splits the wasm at the app's split points (scripts/split-wasm.mjs), so
//    each tool and the gallery arrive only when first opened, and lets the
//    browser fetch the split points' stub (which fetches the loader with
//    the first code on demand) alongside the JS glue.
//    The stylesheet of what arrives on demand (style/generated/
//    bedside-later.css, see build-css.mjs) gets a content-hashed name, which
//    index.html names in a <meta> for the app to load when first needed.
// 1. Moves every inline script into a content-hashed file loaded with
//    Subresource Integrity. Trunk injects the wasm start-up code inline, and a
//    Content-Security-Policy without 'unsafe-inline' would block it. The
//    start-up module begins with the page's default Trusted Types policy
//    (components/assets/trusted-types.js; `bedside post-build` does the same
//    for a trust's app), so it exists before the app builds a view.
// 2. Release builds: minifies the wasm-bindgen JS glue with terser (Trunk's
//    own minifier gives up on it), then brings every `integrity` attribute in
//    index.html up to date with the files it names.
// 3. Refuses the build if anything inline is left (scripts, <style>, style
//    attributes, on* handlers): what the CSP would block at run time, found
//    at build time instead.
// 4. Debug builds (`trunk serve`): serves config/sandbox.json as
//    /config.json, so the dev loop signs in against `make sandbox`. Release
//    builds carry no settings: the deployment serves its own.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { splitWasm } from "./split-wasm.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run through `trunk build`.");
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === "release";
const publicUrl = (process.env.TRUNK_PUBLIC_URL || "/").replace(/\/?$/, "/");
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
// The repository's root, whichever page is built (the app's index.html or
// the gallery's, gallery/index.html): the styles, the policy and the
// settings are there.
const sourceDir = fileURLToPath(new URL("..", import.meta.url));

// 0. Split; the loader's stub is a static import of the glue, so preload
// it too rather than find it only once the glue has arrived.
const split = await splitWasm({ staging, sourceDir, release });
html = html.replace(
  /(<link[^>]*rel=["']?modulepreload["']?[^>]*>)/i,
  `$1<link rel="modulepreload" href="${publicUrl}${split.stub}" integrity="sha384-pending" crossorigin="anonymous">`,
);
if (!html.includes(split.stub)) throw new Error("post-build: no modulepreload of the JS glue to put the split loader's stub beside");

// 0b. The later stylesheet: hashed like Trunk's own files, named in a <meta>
// (not a <link>: the first page must not fetch it).
{
  const bytes = readFileSync(join(sourceDir, "style", "generated", "bedside-later.css"));
  const name = `bedside-later-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(staging, name), bytes);
  const meta = `<meta name="bedside-later-css" content="${publicUrl}${name}">`;
  if (!/<\/head>/i.test(html)) throw new Error("post-build: index.html has no </head> for the later stylesheet's <meta>");
  html = html.replace(/<\/head>/i, `${meta}</head>`);
}

// 1. Inline scripts → files; the start-up module (the one that starts the
// wasm) with the Trusted Types policy first.
let policy = readFileSync(join(sourceDir, "components", "assets", "trusted-types.js"), "utf8");
if (release) policy = (await (await import("terser")).minify(policy, { compress: true, mangle: true })).code;
let started = 0;
const inlineScript = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;
html = html.replace(inlineScript, (whole, attrs = "", body) => {
  if (/\ssrc\s*=/.test(attrs) || body.trim() === "") return whole;
  if (/\binit\(/.test(body)) {
    body = `${policy.trim()}\n${body}`;
    started++;
  }
  const bytes = Buffer.from(body.trim() + "\n");
  const name = `boot-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(staging, name), bytes);
  // Trunk may have minified the page already: attribute quotes are optional.
  const type = /\btype\s*=\s*["']?module\b/i.test(attrs) ? ' type="module"' : "";
  return `<script${type} src="${publicUrl}${name}" integrity="${sri(bytes)}" crossorigin="anonymous"></script>`;
});

if (started !== 1) throw new Error(`post-build: expected one start-up module for the Trusted Types policy, found ${started}`);

// 2. Minify the glue and refresh integrity hashes.
if (release) {
  const { minify } = await import("terser");
  for (const name of readdirSync(staging).filter((f) => f.endsWith(".js") && !f.startsWith("boot-"))) {
    const path = join(staging, name);
    const source = readFileSync(path, "utf8");
    const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
    if (!result.code) throw new Error(`terser produced nothing for ${name}`);
    writeFileSync(path, result.code);
    console.log(`post-build: minified ${name} ${source.length} → ${result.code.length} bytes`);
  }
}
html = html.replace(
  /(<[^>]*?\b(?:href|src)=["']?\/?([^"'\s>]+)["']?[^>]*?\bintegrity=)(["']?)sha384-[A-Za-z0-9+/=]+\3/g,
  (whole, before, file, quote) => {
    const name = file.replace(publicUrl.slice(1), "");
    try {
      return `${before}${quote}${sri(readFileSync(join(staging, name)))}${quote}`;
    } catch {
      return whole;
    }
  },
);

// 3. Nothing inline may remain.
const problems = [];
for (const m of html.matchAll(inlineScript)) {
  if (!/\ssrc\s*=/.test(m[1] || "") && m[2].trim()) problems.push("inline <script>");
}
if (/<style[\s>]/i.test(html)) problems.push("<style> element");
if (/\sstyle\s*=/i.test(html)) problems.push("style attribute");
if (/\son[a-z]+\s*=/i.test(html)) problems.push("inline event handler");
if (problems.length) {
  console.error(`post-build: dist/index.html would break the CSP: ${[...new Set(problems)].join(", ")}`);
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log("post-build: index.html has no inline code");

// 4. The dev loop's settings.
if (!release) copyFileSync(join(sourceDir, "config", "sandbox.json"), join(staging, "config.json"));
