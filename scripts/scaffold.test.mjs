// Unit tests of the scaffold scripts (new-component.mjs, new-tool.mjs), on
// copies of the registries they edit: each writes its files, adds exactly
// one registry line where it belongs, and refuses a bad name or a second
// run. (That what they write compiles was checked when they were written,
// by scaffolding both into a checkout and running `cargo test`; the book's
// contributing chapter says so.) Run by `make test` (node --test).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const registries = ["components/src/ui/mod.rs", "components/src/clinical/mod.rs", "app/src/tools/mod.rs"];

function checkout() {
  const root = mkdtempSync(join(tmpdir(), "bedside-scaffold-"));
  for (const f of registries) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    copyFileSync(join(repo, f), join(root, f));
  }
  return root;
}
const run = (script, root, ...args) =>
  spawnSync(process.execPath, [join(repo, "scripts", script), ...args, "--root", root], { encoding: "utf8" });

test("a new component gets its folder and one registry line at the end of its section", () => {
  const root = checkout();
  try {
    const made = run("new-component.mjs", root, "ui", "content", "pull_quote", "Pull quote");
    assert.equal(made.status, 0, made.stderr);
    for (const f of ["mod.rs", "examples.rs", "docs.md"]) assert.ok(existsSync(join(root, "components/src/ui/pull_quote", f)), f);
    const before = readFileSync(join(repo, "components/src/ui/mod.rs"), "utf8");
    const after = readFileSync(join(root, "components/src/ui/mod.rs"), "utf8");
    assert.equal(after.split("\n").length, before.split("\n").length + 1);
    const content = /^    content \{\n([\s\S]*?)\n    \}$/m.exec(after)[1].split("\n");
    assert.equal(content.at(-1), "        pull_quote => { PullQuote }");
    const examples = readFileSync(join(root, "components/src/ui/pull_quote/examples.rs"), "utf8");
    assert.match(examples, /slug: "pull-quote",\n    title: "Pull quote",/);
    assert.match(readFileSync(join(root, "components/src/ui/pull_quote/mod.rs"), "utf8"), /pub fn PullQuote\(/);

    const again = run("new-component.mjs", root, "ui", "content", "pull_quote");
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists already/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a component's name, module and section are checked before anything is written", () => {
  const root = checkout();
  try {
    for (const [args, why] of [
      [["ui", "content", "PullQuote"], /snake_case/],
      [["forms", "content", "pull_quote"], /usage/],
      [["clinical", "nope", "early_warning"], /no section `nope`/],
    ]) {
      const made = run("new-component.mjs", root, ...args);
      assert.equal(made.status, 1, args.join(" "));
      assert.match(made.stderr, why);
    }
    assert.equal(readFileSync(join(root, "components/src/clinical/mod.rs"), "utf8"), readFileSync(join(repo, "components/src/clinical/mod.rs"), "utf8"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a new tool gets its module, a sorted `pub mod` line and the last place in TOOLS", () => {
  const root = checkout();
  try {
    const made = run("new-tool.mjs", root, "fluid-balance", "Fluid balance", 'Intake and output, "24 hours".');
    assert.equal(made.status, 0, made.stderr);
    const tool = readFileSync(join(root, "app/src/tools/fluid_balance.rs"), "utf8");
    assert.match(tool, /slug: "fluid-balance",\n    name: "Fluid balance",\n    summary: "Intake and output, \\"24 hours\\".",/);
    assert.match(tool, /#\[wasm_split\(fluid_balance, preload\(load\), fallible\)\]/);
    assert.match(tool, /fn FluidBalance\(who: InView\)/);
    const mods = readFileSync(join(root, "app/src/tools/mod.rs"), "utf8");
    const declared = [...mods.matchAll(/^pub mod (\w+);$/gm)].map((m) => m[1]);
    assert.ok(declared.includes("fluid_balance"));
    assert.deepEqual(declared, [...declared].sort());
    const tools = /pub static TOOLS: &\[Tool\] = &\[\n([\s\S]*?)\n\];/.exec(mods)[1].trim().split("\n");
    assert.equal(tools.at(-1).trim(), "fluid_balance::TOOL,");

    for (const [args, why] of [
      [["fluid-balance", "Again"], /exists already/],
      [["Fluid", "Bad"], /lowercase words/],
      [["gallery", "Gallery"], /taken/],
    ]) {
      const again = run("new-tool.mjs", root, ...args);
      assert.equal(again.status, 1, args.join(" "));
      assert.match(again.stderr, why);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
