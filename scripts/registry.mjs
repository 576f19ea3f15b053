#!/usr/bin/env node
// `make registry`: what the app registers (every documented component with
// its examples, every tool), printed by app/examples/registry.rs, into
// target/registry.json for the end-to-end specs' expected lists
// (e2e/registry-from-app.ts). Built with the whole workspace's features, as
// `cargo test --workspace` built it just before, so after the native tests
// this is a lookup, not a compile (`cargo run -p bedside-app` would build
// bedside again without its default features).
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const build = execFileSync("cargo", ["build", "--workspace", "--examples", "--locked", "--message-format=json-render-diagnostics"], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
  maxBuffer: 64 * 1024 * 1024,
});
const registry = build
  .split("\n")
  .filter((line) => line.startsWith("{"))
  .map((line) => JSON.parse(line))
  .find((m) => m.reason === "compiler-artifact" && m.target?.name === "registry" && m.executable);
if (!registry) throw new Error("registry: cargo built no `registry` example (app/examples/registry.rs)");
const json = execFileSync(registry.executable, { encoding: "utf8" });
JSON.parse(json); // fails here, not in Playwright's config, if it is not JSON
const out = join(root, "target", "registry.json");
mkdirSync(join(root, "target"), { recursive: true });
writeFileSync(`${out}.part`, json);
renameSync(`${out}.part`, out);
console.log(`registry: ${out}`);
