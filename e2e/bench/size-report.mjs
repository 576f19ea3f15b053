#!/usr/bin/env node
// Size report for the release build in dist/: every file's raw, gzip and
// brotli size; the first load (index.html and everything it pulls in before
// the user acts) against its budget; each split point (a tool, the gallery,
// the sign-in step: code fetched when first needed) against its own; and
// what the first-load wasm is made of. Writes it all to
// target/size-report.json, so two builds can be compared.
//
// Budgets (brotli, quality 11):
//   - first load ≤ 110 KB. A React + nhsuk-react-components + fhirclient
//     build of one patient list screen is 119 KB; @medplum/react's
//     SearchControl 212 KB.
//   - each split point's own file ≤ 40 KB. The pieces several split points
//     share (the FHIR client and decoding, say) are listed beside it and
//     fetched once for all of them.
//   - each split point's first open ≤ 10 files (its own, the shared ones,
//     the loader): on a ward's network every file is a round trip.
// Baseline measured in the same run, on the same compressors: nhsuk-
// frontend's full prebuilt stylesheet, which Bedside would ship if it did not
// compile only the components it renders.
//
// Exits non-zero when a budget is exceeded: the first load's or a split
// point's, in bytes or in files; or when prototype mode's code is in the
// ward build (PROTOTYPE_MARKERS below). There is no flag to report an overage without failing.
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { contributors } from "./wasm-contributors.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, process.argv.slice(2).find((a) => !a.startsWith("--")) || "dist");
const KB = 1024;
const BUDGET_FIRST_LOAD = 110 * KB;
const BUDGET_SPLIT_POINT = 40 * KB;
const MAX_FIRST_OPEN_FILES = 10;

const measure = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

let files;
try {
  files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
} catch {
  console.error(`size-report: ${dist} does not exist; run \`make build\` first.`);
  process.exit(1);
}
const manifestPath = join(root, "target/size/bedside-app/split-release.json");
if (!existsSync(manifestPath)) {
  console.error("size-report: target/size/bedside-app/split-release.json is missing; run `make build` (the release build writes it).");
  process.exit(1);
}
const split = JSON.parse(readFileSync(manifestPath, "utf8"));
for (const f of [split.main, split.glue, split.stub, split.loader, ...split.shared, ...Object.values(split.points).map((p) => p.file)]) {
  if (!files.includes(f)) {
    console.error(`size-report: ${f} (target/size/bedside-app/split-release.json) is not in dist/: the manifest is from another build.`);
    process.exit(1);
  }
}

// The first load: index.html, what it names, and what those scripts import.
const index = readFileSync(join(dist, "index.html"), "utf8");
const firstLoad = new Set(["index.html"]);
// Attribute values may be unquoted: Trunk minifies index.html in release builds.
for (const m of index.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
  const file = (m[1] ?? m[2] ?? m[3]).replace(/^\//, "").replace(/[?#].*$/, "");
  if (files.includes(file)) firstLoad.add(file);
}
for (const f of [...firstLoad]) {
  if (!f.endsWith(".js")) continue;
  const text = readFileSync(join(dist, f), "utf8");
  // Static imports only (`from "./x.js"`, `import "./x.js"`): a dynamic
  // `import("./x.js")` is fetched when the code that calls it runs.
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*['"](?:\.?\/)?([\w.-]+\.js)['"]/g)) if (files.includes(m[1])) firstLoad.add(m[1]);
}
firstLoad.add(split.main); // the glue fetches it (Trunk passes its path)

const rows = files.sort().map((name) => ({ name, firstLoad: firstLoad.has(name), ...measure(readFileSync(join(dist, name))) }));
const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
const firstLoadTotal = sum(rows.filter((r) => r.firstLoad));
const kinds = {};
for (const r of rows.filter((r) => r.firstLoad)) {
  const kind = r.name.endsWith(".wasm") ? "wasm" : r.name.endsWith(".js") ? "js" : r.name.endsWith(".css") ? "css" : r.name.endsWith(".html") ? "html" : "other";
  kinds[kind] = sum([kinds[kind] ?? { raw: 0, gzip: 0, brotli: 0 }, r]);
}

// Split points: the file of their own (budgeted), and the shared files
// they need (fetched once, by whichever comes first).
// The loader (every split point's list of pieces) comes with the first
// code on demand, whichever that is: each first open may pay for it.
const loaderOnDemand = firstLoad.has(split.loader) ? [] : [split.loader];
const points = Object.entries(split.points).map(([name, p]) => {
  const own = byName[p.file];
  const shared = sum([...loaderOnDemand, ...p.shared].map((f) => byName[f]));
  // Files a first open fetches: its own, the shared ones, the loader.
  const files = 1 + p.shared.length + loaderOnDemand.length;
  return {
    name,
    file: p.file,
    own,
    sharedFiles: p.shared,
    shared,
    firstOpen: sum([own, shared]),
    files,
    overBudget: own.brotli > BUDGET_SPLIT_POINT,
    tooManyFiles: files > MAX_FIRST_OPEN_FILES,
  };
});
const sharedTotal = sum(split.shared.map((f) => byName[f]));
const signIn = points.find((p) => p.name === "sign_in");

const baseline = measure(readFileSync(join(root, "node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css")));
const namesWasm = join(root, "target/size/bedside-app/main.names.wasm");
const made = existsSync(namesWasm) ? contributors(readFileSync(namesWasm), 20) : null;
// A ward build carries nothing of the gallery: no split point of its, no
// component's examples (their loaders, `…::examples_on_demand::…`, would be
// in the main module), no example frame. The gallery is a build of its own.
{
  const names = existsSync(namesWasm) ? readFileSync(namesWasm) : null;
  if (!names) {
    console.error("size-report: target/size/bedside-app/main.names.wasm is missing; run `make build` (the release build writes it).");
    process.exit(1);
  }
  const gallery = ["examples_on_demand", "gallery::example_frame", "bedside_gallery"].filter((n) => names.includes(n));
  if (split.points.gallery) gallery.push("the split point `gallery`");
  if (gallery.length) {
    console.error(`size-report: the ward build carries gallery code (${gallery.join(", ")}); the app must not turn on bedside's \`examples\` feature.`);
    process.exit(1);
  }
}

const pad = (s, n) => String(s).padStart(n);
const line = (label, t, note = "") => console.log(`${label.padEnd(52)}${pad(kb(t.raw), 11)}${pad(kb(t.gzip), 11)}${pad(kb(t.brotli), 11)}  ${note}`);
console.log("\nRelease build size (dist/)");
console.log(`${"file".padEnd(52)}${pad("raw", 11)}${pad("gzip", 11)}${pad("brotli", 11)}  first load`);
for (const r of rows) line(r.name, r, r.firstLoad ? "yes" : "");
for (const [kind, t] of Object.entries(kinds)) line(`  ${kind} (first load)`, t);
line("FIRST LOAD TOTAL", firstLoadTotal, `budget ${kb(BUDGET_FIRST_LOAD)}`);
console.log("\nOn demand (each split point: its own file, budget 40 KB brotli; then the shared files it needs)");
for (const p of points) {
  line(`  ${p.name}`, p.own, [p.overBudget ? "OVER 40 KB" : "", p.tooManyFiles ? `${p.files} FILES` : ""].filter(Boolean).join(", "));
  line(`    + shared (${p.sharedFiles.length} files${loaderOnDemand.length ? " and the loader" : ""}), first open at most`, p.firstOpen);
}
line("  all shared files", sharedTotal);
// The stylesheet that arrives with the first code on demand (named in
// index.html's <meta name="bedside-later-css">, not linked).
const laterCss = /<meta[^>]*name=["']?bedside-later-css["']?[^>]*content=["']?\/?([^"'\s>]+)/i.exec(index)?.[1];
if (!laterCss || !byName[laterCss]) {
  console.error("size-report: index.html names no later stylesheet (<meta name=bedside-later-css>) that is in dist/.");
  process.exit(1);
}
line("  later styles (with the first code on demand)", byName[laterCss]);
if (signIn) line("first load + the sign-in step", sum([firstLoadTotal, signIn.firstOpen]));
line("baseline: nhsuk-frontend full min.css", baseline);
const css = (kinds.css?.brotli ?? 0) + byName[laterCss].brotli;
console.log(`Our whole CSS (both stylesheets) is ${((100 * css) / baseline.brotli).toFixed(0)}% of the full nhsuk-frontend stylesheet (brotli).`);
if (made) {
  console.log(`\nFirst-load wasm before wasm-opt: ${kb(made.codeBytes)} code, ${kb(made.dataBytes)} data; code by crate:`);
  console.log("  " + made.crates.slice(0, 12).map((c) => `${c.crate} ${kb(c.bytes)}`).join(", "));
}
const headroom = BUDGET_FIRST_LOAD - firstLoadTotal.brotli;
console.log(`\nBudget: first load ${kb(firstLoadTotal.brotli)} of ${kb(BUDGET_FIRST_LOAD)} brotli (${((100 * firstLoadTotal.brotli) / BUDGET_FIRST_LOAD).toFixed(0)}%), ${kb(Math.abs(headroom))} ${headroom >= 0 ? "to spare" : "OVER"}.`);

mkdirSync(join(root, "target"), { recursive: true });
writeFileSync(
  join(root, "target/size-report.json"),
  JSON.stringify(
    {
      budgets: { firstLoadBrotli: BUDGET_FIRST_LOAD, splitPointBrotli: BUDGET_SPLIT_POINT, firstOpenFiles: MAX_FIRST_OPEN_FILES },
      firstLoad: { total: firstLoadTotal, kinds, files: rows.filter((r) => r.firstLoad).map((r) => r.name) },
      splitPoints: points,
      sharedTotal,
      laterStyles: byName[laterCss],
      firstLoadWithSignIn: signIn ? sum([firstLoadTotal, signIn.firstOpen]) : null,
      firstLoadWasmContributors: made,
      baseline: { nhsukFrontendFullCss: baseline },
      files: rows,
    },
    null,
    2,
  ),
);
// Prototype mode (the `prototype` feature, `make prototype`) must never
// reach a ward build: none of these strings, each only in prototype code
// (core's in-memory FHIR server, the persona chooser, its FHIR base, its
// stylesheet), may be in any file of dist/. Each must be in the prototype
// build, when there is one, or the check would be looking for nothing.
const PROTOTYPE_MARKERS = [
  "does not know the search parameter",
  "Sign in to the prototype",
  "/prototype-fhir",
  "bedside-prototype",
];
/** Each marker found in a file of `folder`, with the first file it is in. */
const markersIn = (folder) => {
  const found = new Map();
  for (const name of readdirSync(folder, { recursive: true })) {
    const path = join(folder, String(name));
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    for (const marker of PROTOTYPE_MARKERS) if (!found.has(marker) && bytes.includes(marker)) found.set(marker, String(name));
  }
  return found;
};
const inWard = [...markersIn(dist)].map(([marker, file]) => `${marker} (in ${file})`);
const prototypeDist = join(root, "dist-prototype");
const inPrototype = existsSync(join(prototypeDist, "index.html")) ? markersIn(prototypeDist) : null;
const missing = inPrototype && PROTOTYPE_MARKERS.filter((m) => !inPrototype.has(m));
console.log(
  `Prototype mode in the ward build: ${inWard.length === 0 ? "none" : inWard.join(", ")}` +
    (inPrototype === null ? " (no dist-prototype/ to check the markers against)" : ` (the ${PROTOTYPE_MARKERS.length} markers checked against dist-prototype/)`),
);

let failed = false;
if (inWard.length > 0) {
  console.error(`size-report: prototype code in the ward build: ${inWard.join(", ")}`);
  failed = true;
}
if (missing?.length) {
  console.error(`size-report: the prototype build lacks the markers ${missing.join(", ")}: update PROTOTYPE_MARKERS, or the check finds nothing`);
  failed = true;
}
if (headroom < 0) {
  console.error(`size-report: OVER BUDGET: the first load is ${kb(firstLoadTotal.brotli)}, ${kb(-headroom)} over the 110 KB brotli budget.`);
  failed = true;
}
for (const p of points.filter((p) => p.tooManyFiles)) {
  console.error(
    `size-report: split point ${p.name}'s first open fetches ${p.files} files, over ${MAX_FIRST_OPEN_FILES} (app/Cargo.toml's split_groups cut the shared code; see tools/wasm-split/README.md).`,
  );
  failed = true;
}
for (const p of points.filter((p) => p.overBudget)) {
  console.error(`size-report: OVER BUDGET: split point ${p.name} is ${kb(p.own.brotli)}, over its 40 KB brotli budget.`);
  failed = true;
}
if (failed) process.exit(1);
