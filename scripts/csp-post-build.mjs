#!/usr/bin/env node
// Trunk post-build hook: makes dist/index.html loadable under a strict CSP.
//
// Trunk injects the wasm start-up code as an inline <script type="module">.
// A Content-Security-Policy without 'unsafe-inline' blocks it, so this moves
// every inline script into a content-hashed file beside it, loaded with
// Subresource Integrity. It then refuses the build if anything inline is
// left (scripts, style attributes, <style>, on* handlers): that is what the
// CSP would block at run time, found at build time instead.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("csp-post-build: TRUNK_STAGING_DIR is not set; run through `trunk build`.");
  process.exit(1);
}
const publicUrl = (process.env.TRUNK_PUBLIC_URL || "/").replace(/\/?$/, "/");
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

html = html.replace(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi, (whole, attrs = "", body) => {
  if (/\ssrc\s*=/.test(attrs) || body.trim() === "") return whole;
  const bytes = Buffer.from(body.trim() + "\n");
  const name = `boot-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(staging, name), bytes);
  const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const type = /type\s*=\s*["']module["']/i.test(attrs) ? ' type="module"' : "";
  return `<script${type} src="${publicUrl}${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
});

const problems = [];
for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
  if (!/\ssrc\s*=/.test(m[1] || "") && m[2].trim()) problems.push("inline <script>");
}
if (/<style[\s>]/i.test(html)) problems.push("<style> element");
if (/\sstyle\s*=/i.test(html)) problems.push("style attribute");
if (/\son[a-z]+\s*=/i.test(html)) problems.push("inline event handler");
if (problems.length) {
  console.error(`csp-post-build: dist/index.html would break the CSP: ${[...new Set(problems)].join(", ")}`);
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log("csp-post-build: index.html has no inline code");
