#!/usr/bin/env node
// The prototype's assets step: everything in the prototype folder that is
// not compiled, so a designer's new or edited scenario needs no cargo run.
//
//   node scripts/prototype-assets.mjs [dist-prototype]
//
// 1. prototypes/scenarios/<name>.json → <dist>/scenarios/<name>.json, each
//    checked for what the chooser needs (a title, personas with an id and a
//    name, a FHIR Bundle); <dist>/scenarios/index.json lists the usable
//    ones (by title) and says what is wrong with the rest. The app checks
//    the whole file again when it opens one (bedside_core::prototype).
// 2. prototypes/config.json → <dist>/config.json: the prototype's one
//    pretend organisation and its idle lock.
// 3. A copy of index.html at every tool's address (<slug>/index.html) and,
//    with the gallery in <dist>/gallery/, at every component's and
//    example's, so a reload or a shared link works on any static host
//    (`python3 -m http.server` has no fallback to index.html).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { galleryPaths, writePageFiles } from "./page-files.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, process.argv[2] ?? "dist-prototype");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`prototype-assets: ${dist}/index.html is missing; run \`make prototype\` first`);
  process.exit(1);
}

/** What is wrong with a scenario file's text for the chooser, or null. */
function scenarioProblem(text) {
  let scenario;
  try {
    scenario = JSON.parse(text);
  } catch (e) {
    return `it is not JSON (${e.message})`;
  }
  if (typeof scenario !== "object" || scenario === null || Array.isArray(scenario)) return "it is not a JSON object";
  if (typeof scenario.title !== "string" || !scenario.title.trim()) return "it has no \"title\"";
  if (!Array.isArray(scenario.personas) || scenario.personas.length === 0) return "it names no \"personas\", so nobody can sign in";
  for (const [i, p] of scenario.personas.entries()) {
    if (typeof p?.id !== "string" || typeof p?.name !== "string") return `persona ${i + 1} needs an "id" and a "name"`;
  }
  if (scenario.bundle?.resourceType !== "Bundle") return "its \"bundle\" is not a FHIR Bundle";
  return null;
}

const source = join(root, "prototypes", "scenarios");
const out = join(dist, "scenarios");
// Written in place, never emptied first: a page open on the prototype while
// a designer runs this keeps finding the scenarios it reads.
mkdirSync(out, { recursive: true });
const scenarios = [];
const problems = [];
for (const file of readdirSync(source).filter((f) => f.endsWith(".json")).sort()) {
  const name = file.slice(0, -".json".length);
  const text = readFileSync(join(source, file), "utf8");
  const problem = /^[a-z0-9-]{1,64}$/.test(name) ? scenarioProblem(text) : "its name must be lower-case letters, digits and hyphens";
  if (problem) {
    problems.push({ file, message: problem });
    continue;
  }
  const { title, description = "", personas, start } = JSON.parse(text);
  scenarios.push({ name, title, description, personas, start });
  copyFileSync(join(source, file), join(out, file));
}
scenarios.sort((a, b) => a.title.localeCompare(b.title, "en-GB"));
for (const file of readdirSync(out)) {
  if (file !== "index.json" && !scenarios.some((s) => `${s.name}.json` === file)) rmSync(join(out, file));
}
writeFileSync(join(out, "index.json.new"), JSON.stringify({ scenarios, problems }, null, 1));
renameSync(join(out, "index.json.new"), join(out, "index.json"));
copyFileSync(join(root, "prototypes", "config.json"), join(dist, "config.json"));

const registryFile = join(root, "target", "registry.json");
let pages = 0;
if (existsSync(registryFile)) {
  const registry = JSON.parse(readFileSync(registryFile, "utf8"));
  pages += writePageFiles(dist, join(dist, "index.html"), registry.tools.map((t) => t.slug));
  const gallery = join(dist, "gallery", "index.html");
  if (existsSync(gallery)) pages += writePageFiles(join(dist, "gallery"), gallery, galleryPaths(registry));
} else {
  console.warn("prototype-assets: target/registry.json is missing (`make registry`): no page files, so only the start page reloads");
}
for (const p of problems) console.warn(`prototype-assets: left out ${p.file}: ${p.message}`);
console.log(`prototype-assets: ${scenarios.length} scenario(s), ${problems.length} left out, ${pages} page file(s) in ${dist}`);
