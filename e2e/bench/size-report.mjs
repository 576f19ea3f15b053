#!/usr/bin/env node
// Size report for the release build in dist/: every file's raw, gzip and
// brotli size, and the first load (index.html and everything it pulls in).
//
// Baselines measured in the same run, on the same compressors:
//   - nhsuk-frontend's full prebuilt stylesheet, which Bedside would ship if
//     it did not compile only the components it renders;
//   - the budget: the whole app's first load must stay within 110 KB brotli
//     (a React + nhsuk-react-components + fhirclient build of one patient
//     list screen is 119 KB).
// Exits non-zero when the first load is over budget, unless --report-only
// (what `make test` passes while the app is known to be over: see README,
// "Size"). Writes the figures to target/size-report.json for comparing runs.
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const reportOnly = process.argv.includes("--report-only");
const dist = join(root, process.argv.slice(2).find((a) => !a.startsWith("--")) || "dist");
const BUDGET_BROTLI = 110 * 1024;

const measure = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let files;
try {
  files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
} catch {
  console.error(`size-report: ${dist} does not exist; run \`make build\` first.`);
  process.exit(1);
}
const index = readFileSync(join(dist, "index.html"), "utf8");
const referenced = new Set(["index.html"]);
// Attribute values may be unquoted: Trunk minifies index.html in release builds.
for (const m of index.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
  const file = (m[1] ?? m[2] ?? m[3]).replace(/^\//, "").replace(/[?#].*$/, "");
  if (files.includes(file)) referenced.add(file);
}
// The boot script imports the JS glue, which fetches the wasm.
for (const f of [...referenced]) {
  if (!f.endsWith(".js")) continue;
  const text = readFileSync(join(dist, f), "utf8");
  for (const m of text.matchAll(/['"]\/?([\w.-]+\.(?:js|wasm))['"]/g)) if (files.includes(m[1])) referenced.add(m[1]);
}
for (const f of files) if (f.endsWith("_bg.wasm")) referenced.add(f);

const rows = files.sort().map((name) => ({ name, firstLoad: referenced.has(name), ...measure(readFileSync(join(dist, name))) }));
const total = rows.filter((r) => r.firstLoad).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const kinds = {};
for (const r of rows.filter((r) => r.firstLoad)) {
  const kind = r.name.endsWith(".wasm") ? "wasm" : r.name.endsWith(".js") ? "js" : r.name.endsWith(".css") ? "css" : r.name.endsWith(".html") ? "html" : "other";
  kinds[kind] ??= { raw: 0, gzip: 0, brotli: 0 };
  for (const k of ["raw", "gzip", "brotli"]) kinds[kind][k] += r[k];
}

const fullNhsukCss = join(root, "node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css");
const baseline = measure(readFileSync(fullNhsukCss));

const pad = (s, n) => String(s).padStart(n);
console.log("\nRelease build size (dist/)");
console.log(`${"file".padEnd(44)}${pad("raw", 12)}${pad("gzip", 12)}${pad("brotli", 12)}  first load`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${pad(kb(r.raw), 12)}${pad(kb(r.gzip), 12)}${pad(kb(r.brotli), 12)}  ${r.firstLoad ? "yes" : ""}`);
for (const [kind, t] of Object.entries(kinds)) console.log(`${("  " + kind + " (first load)").padEnd(44)}${pad(kb(t.raw), 12)}${pad(kb(t.gzip), 12)}${pad(kb(t.brotli), 12)}`);
console.log(`${"FIRST LOAD TOTAL".padEnd(44)}${pad(kb(total.raw), 12)}${pad(kb(total.gzip), 12)}${pad(kb(total.brotli), 12)}`);
console.log(`${"baseline: nhsuk-frontend full min.css".padEnd(44)}${pad(kb(baseline.raw), 12)}${pad(kb(baseline.gzip), 12)}${pad(kb(baseline.brotli), 12)}`);
const css = kinds.css?.brotli ?? 0;
console.log(`Our whole CSS is ${((100 * css) / baseline.brotli).toFixed(0)}% of the full nhsuk-frontend stylesheet (brotli).`);
const headroom = BUDGET_BROTLI - total.brotli;
console.log(`Budget: ${kb(total.brotli)} of ${kb(BUDGET_BROTLI)} brotli (${((100 * total.brotli) / BUDGET_BROTLI).toFixed(0)}%), ${kb(Math.abs(headroom))} ${headroom >= 0 ? "to spare" : "OVER"}.`);

mkdirSync(join(root, "target"), { recursive: true });
writeFileSync(join(root, "target/size-report.json"), JSON.stringify({ files: rows, kinds, firstLoad: total, baseline: { nhsukFrontendFullCss: baseline }, budgetBrotli: BUDGET_BROTLI }, null, 2));
if (headroom < 0) {
  console.error(`size-report: OVER BUDGET: the first load is ${kb(total.brotli)}, ${kb(-headroom)} over the 110 KB brotli budget.`);
  if (!reportOnly) process.exit(1);
}
