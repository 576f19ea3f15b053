// Unit tests of the wasm post-processing (split-wasm.mjs and its helpers),
// on modules and glue built here, byte by byte: a wasm-bindgen or
// splitter update that changes what these read fails here, in a named
// test, not as a broken app. Run by `make test` (node --test).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { pathToFileURL } from "node:url";
import { splitGroups, splitStub, withoutClasses } from "./split-wasm.mjs";
import { withoutNullElements } from "./wasm-elements.mjs";
import { encodeUleb, importsOf, shortenGlueImports } from "./wasm-imports.mjs";

const name = (s) => [...encodeUleb(s.length), ...Buffer.from(s)];
const section = (id, body) => [id, ...encodeUleb(body.length), ...body];
const vec = (items) => [...encodeUleb(items.length), ...items.flat()];

/**
 * A module importing `imports` ([module, field] functions of type () → ()),
 * defining one function, with a 4-slot table exported as `table` and the
 * element segments `elements` (each a segment's bytes).
 */
function module({ imports = [], elements = [] }) {
  const fn = imports.length; // the defined function's index
  return {
    fn,
    bytes: Buffer.from([
      ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      ...section(1, vec([[0x60, 0x00, 0x00]])),
      ...section(2, vec(imports.map(([m, f]) => [...name(m), ...name(f), 0x00, 0x00]))),
      ...section(3, vec([[0x00]])),
      ...section(4, vec([[0x70, 0x00, 0x04]])),
      ...section(7, vec([[...name("table"), 0x01, 0x00]])),
      ...(elements.length ? section(9, vec(elements)) : []),
      ...section(10, vec([[0x02, 0x00, 0x0b]])),
    ]),
  };
}

const I32 = (n) => [0x41, n, 0x0b];
/** Active segment of `n` `ref.null func` expressions at `offset` (what wasm-split-cli writes). */
const nulls = (offset, n) => [0x04, ...I32(offset), n, ...Array(n).fill([0xd0, 0x70, 0x0b]).flat()];
/** Active segment of function indices at `offset` (a module's own table entries). */
const functions = (offset, indices) => [0x00, ...I32(offset), indices.length, ...indices];

test("all-null element segments are emptied, others kept, and the table reads the same", () => {
  const { bytes, fn } = module({ elements: [nulls(1, 2), functions(0, [0]), nulls(3, 1)] });
  const before = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.table;
  const { wasm, dropped } = withoutNullElements(bytes);
  assert.equal(dropped, 3);
  assert.ok(wasm.length < bytes.length);
  const after = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports.table;
  for (let i = 0; i < 4; i++) assert.equal(after.get(i) === null, before.get(i) === null, `slot ${i}`);
  assert.notEqual(after.get(0), null, `function ${fn} still in slot 0`);
});

test("an element segment of a kind the split build does not write stops the build", () => {
  // Passive (flags 1): not something wasm-split-cli writes; refuse, do not guess.
  const { bytes } = module({ elements: [[0x01, 0x00, 0x01, 0x00]] });
  new WebAssembly.Module(bytes);
  assert.throws(() => withoutNullElements(bytes), /element segment kind 1/);
});

const GLUE_MODULE = "./app_bg.js";
const glue = (body) => `function imports() { const i = { "${GLUE_MODULE}": { ${body} } }; return i; }`;

test("the glue's imports get short names in the wasm and the glue alike", async () => {
  const long = ["__wbg_log_1f2e3d4c5b6a7980", "__wbg_now_0a1b2c3d4e5f6a7b"];
  const { bytes } = module({ imports: [[GLUE_MODULE, long[0]], ["env", "keep"], [GLUE_MODULE, long[1]]] });
  const out = shortenGlueImports(bytes, glue(`${long[0]}: function() {}, ${long[1]}: () => 1`), GLUE_MODULE);
  assert.equal(out.count, 2);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).map((i) => `${i.module}.${i.name}`);
  assert.deepEqual(imports, ["w.a", "env.keep", "w.b"]);
  assert.equal(out.glue, `function imports() { const i = { "w": { a: function() {}, b: () => 1 } }; return i; }`);
});

test("glue that does not name each import exactly once, as a key, stops the build", () => {
  const long = "__wbg_log_1f2e3d4c5b6a7980";
  const { bytes } = module({ imports: [[GLUE_MODULE, long]] });
  assert.throws(() => shortenGlueImports(bytes, glue(`${long}: f, other: ${long}`), GLUE_MODULE), /exactly once/);
  assert.throws(() => shortenGlueImports(bytes, glue(`x: f`), GLUE_MODULE), /exactly once/);
  assert.throws(() => shortenGlueImports(bytes, `const i = {}; // ${long}`, GLUE_MODULE), /once as a key/);
});

/** A class as wasm-bindgen writes it, with its finalizer and dispose hook. */
const exportedClass = (c) => `const ${c}Finalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_${c.toLowerCase()}_free(ptr >>> 0, 1));
export class ${c} {
    free() { const ptr = this.__wbg_ptr; if (ptr) { ${c}Finalization.unregister(this); } }
}
if (Symbol.dispose) ${c}.prototype[Symbol.dispose] = ${c}.prototype.free;
`;

test("the unused exported classes are cut from the glue whole", () => {
  const source = `export function start() {}\n${exportedClass("IntoUnderlyingSink")}export function keep() {}\n`;
  const out = withoutClasses(source, ["IntoUnderlyingSink"]);
  assert.doesNotMatch(out, /IntoUnderlyingSink/);
  assert.match(out, /export function start\(\) \{\}/);
  assert.match(out, /export function keep\(\) \{\}/);
});

test("a class the glue no longer has, or one that changed shape or is still used, stops the build", () => {
  assert.throws(() => withoutClasses("export function start() {}", ["IntoUnderlyingSink"]), /no class IntoUnderlyingSink/);
  const noHook = exportedClass("IntoUnderlyingSink").replace(/if \(Symbol.dispose\).*\n/, "");
  assert.throws(() => withoutClasses(noHook, ["IntoUnderlyingSink"]), /changed shape/);
  const used = `${exportedClass("IntoUnderlyingSink")}const s = new IntoUnderlyingSink();\n`;
  assert.throws(() => withoutClasses(used, ["IntoUnderlyingSink"]), /something else in the glue uses/);
});

test("every import of a module is read, in order", () => {
  const { bytes } = module({ imports: [["./__wasm_split.js", "__wasm_split_load_a"], ["env", "keep"]] });
  assert.deepEqual(importsOf(bytes), [
    ["./__wasm_split.js", "__wasm_split_load_a"],
    ["env", "keep"],
  ]);
});

test("the split stub: a load fetches the loader and hands over, a failed fetch calls back false, a split point with no code calls back true", async () => {
  const dir = mkdtempSync(join(tmpdir(), "bedside-stub-"));
  try {
    // The glue's initSync gives the wasm's table: a callback records its call.
    writeFileSync(
      join(dir, "glue.js"),
      `export const calls = []; export const initSync = () => ({ __indirect_function_table: { get: (c) => (d, ok) => calls.push([c, d, ok]) } });`,
    );
    writeFileSync(join(dir, "loader.js"), `export const __wasm_split_load_here = (c, d) => Promise.resolve(["loaded", c, d]);`);
    const write = (name, loaderFile) =>
      writeFileSync(join(dir, name), splitStub({ glue: "./glue.js", loaderFile, loads: ["__wasm_split_load_here"], codeless: ["__wasm_split_load_none"] }));
    write("stub.js", "loader.js");
    write("broken.js", "missing.js");
    const { calls } = await import(pathToFileURL(join(dir, "glue.js")).href);
    const stub = await import(pathToFileURL(join(dir, "stub.js")).href);
    assert.deepEqual(await stub.__wasm_split_load_here(7, 8), ["loaded", 7, 8]);
    await stub.__wasm_split_load_none(3, 4);
    assert.deepEqual(calls, [[3, 4, true]]);

    const broken = await import(pathToFileURL(join(dir, "broken.js")).href);
    const quiet = console.error;
    console.error = () => {};
    try {
      await broken.__wasm_split_load_here(5, 6);
    } finally {
      console.error = quiet;
    }
    assert.deepEqual(calls, [[3, 4, true], [5, 6, false]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("split-point groups come from the package that builds the binary, and must be lists of names", () => {
  const metadata = (groups, bin = "app") => ({
    packages: [
      { name: "lib", targets: [{ kind: ["lib"], name: "lib" }], metadata: { bedside: { split_groups: [["x"]] } } },
      { name: "the-app", targets: [{ kind: ["bin"], name: bin }], metadata: groups === undefined ? null : { bedside: { split_groups: groups } } },
    ],
  });
  assert.deepEqual(splitGroups(metadata([["sign_in", "workspace"], ["find"]]), "app"), [["sign_in", "workspace"], ["find"]]);
  // None: the splitter's own cut.
  assert.deepEqual(splitGroups(metadata(undefined), "app"), []);
  assert.throws(() => splitGroups(metadata([["a"]]), "other"), /no package in the workspace builds the binary other/);
  for (const bad of [["sign_in"], [[]], [["a b"]], "sign_in,workspace"]) {
    assert.throws(() => splitGroups(metadata(bad), "app"), /split_groups must be lists of split-point names/);
  }
});
