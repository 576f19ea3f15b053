// Splits the app's wasm at its split points (bedside::on_demand), inside
// Trunk's post-build hook. Trunk has no wasm splitting (trunk-rs/trunk#1022),
// so this runs the steps cargo-leptos runs for `--split`, on what Trunk built:
//
//   cargo's wasm (linked with --emit-relocs, .cargo/config.toml)
//     → bedside-wasm-split (tools/wasm-split, our fork of wasm-split-cli):
//       the main module, one wasm file per split point, the code that split
//       points share cut along the crate's split-point groups (Cargo.toml's
//       [package.metadata.bedside] split_groups), and the loader
//       (__wasm_split.js) that fetches them
//     → wasm-bindgen --keep-lld-exports on the main module (the split files
//       call back into the exports the splitter added)
//     → wasm-opt on every file (release; Trunk's own wasm-opt is off in
//       index.html, since it would see only the unsplit module), in this
//       process (scripts/wasm-opt.mjs)
//     → short names for what the main module imports from the JS glue
//       (release; scripts/wasm-imports.mjs)
//     → the main module's null table segments emptied (scripts/wasm-elements.mjs)
//
// Every file is named by the hash of its content, so a server may cache it
// for ever (scripts/serve.mjs does), and the loader and the JS glue are
// rewritten to the new names. The result replaces the wasm and JS glue that
// Trunk staged, under their names. What was split, and what each split point
// loads, goes to target/size/<crate>/split-<profile>.json for the size
// report, with a copy of the main module before wasm-opt (its function names
// tell the report where the bytes are).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importsOf, shortenGlueImports } from "./wasm-imports.mjs";
import { withoutNullElements } from "./wasm-elements.mjs";
import { optimiseAll } from "./wasm-opt.mjs";

/**
 * Classes that wasm-streams exports for streaming server functions: leptos
 * turns on server_fn's `browser` feature, which brings wasm-streams, whose
 * `#[wasm_bindgen]` exports keep their code alive in every build. Bedside has
 * no server functions, so they are removed (their JS and their wasm exports;
 * wasm-opt then drops the code only they reach): about 2 KB brotli of the
 * first load. If a dependency upgrade changes their shape, the build fails
 * here rather than ship half of them.
 */
const UNUSED_EXPORTED_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/** `glue` without the named classes wasm-bindgen wrote (class, dispose hook, finalizer). */
export function withoutClasses(glue, names) {
  for (const name of names) {
    const start = glue.indexOf(`export class ${name} {`);
    if (start < 0) throw new Error(`split: the glue has no class ${name} to remove (update UNUSED_EXPORTED_CLASSES)`);
    let depth = 0;
    let end = glue.indexOf("{", start);
    for (; end < glue.length; end++) {
      if (glue[end] === "{") depth++;
      else if (glue[end] === "}" && --depth === 0) break;
    }
    glue = glue.slice(0, start) + glue.slice(end + 1);
    const dispose = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;`;
    const finalizer = new RegExp(`const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)[^;]*;`);
    if (!glue.includes(dispose) || !finalizer.test(glue)) throw new Error(`split: ${name}'s dispose hook or finalizer has changed shape`);
    glue = glue.replace(dispose, "").replace(finalizer, "");
    if (new RegExp(`\\b${name}\\b`).test(glue)) throw new Error(`split: something else in the glue uses ${name}`);
  }
  return glue;
}

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ["ignore", "pipe", "inherit"], ...opts }).toString();

const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

const cargoMetadata = (sourceDir) => JSON.parse(run("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"], { cwd: sourceDir }));

function cargoTargetDir(sourceDir) {
  return process.env.CARGO_TARGET_DIR || cargoMetadata(sourceDir).target_directory;
}

/**
 * The split-point groups of the crate whose binary is `bin`: split points a
 * user meets together (tools/wasm-split's README). None: upstream's cut.
 */
export function splitGroups(metadata, bin) {
  const pkg = metadata.packages.find((p) => p.targets.some((t) => t.kind.includes("bin") && t.name === bin));
  if (!pkg) throw new Error(`split: no package in the workspace builds the binary ${bin}`);
  const groups = pkg.metadata?.bedside?.split_groups ?? [];
  if (!Array.isArray(groups) || !groups.every((g) => Array.isArray(g) && g.length > 0 && g.every((n) => /^\w+$/.test(n)))) {
    throw new Error(`split: ${pkg.name}'s [package.metadata.bedside] split_groups must be lists of split-point names`);
  }
  return groups;
}

/**
 * The splitter, built from tools/wasm-split by cargo (a no-op when it is up
 * to date), so the build never runs a stale copy of the fork.
 */
function splitTool(sourceDir) {
  const manifest = join(sourceDir, "tools", "wasm-split", "Cargo.toml");
  const messages = run("cargo", ["build", "--release", "--locked", "--quiet", "--message-format=json", "--manifest-path", manifest]);
  for (const line of messages.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line);
    if (message.reason === "compiler-artifact" && message.target?.name === "bedside-wasm-split" && message.executable) return message.executable;
  }
  throw new Error("split: cargo built no bedside-wasm-split executable");
}

/**
 * Splits the staged app. `staging`: Trunk's staging dir; `sourceDir`: the
 * project root; `release`: optimise. Returns what it wrote.
 */
export async function splitWasm({ staging, sourceDir, release }) {
  const stagedWasm = readdirSync(staging).filter((f) => f.endsWith("_bg.wasm"));
  if (stagedWasm.length !== 1) throw new Error(`split: expected one *_bg.wasm in ${staging}, found ${stagedWasm.length}`);
  const base = stagedWasm[0].replace(/_bg\.wasm$/, ""); // <binary>-<Trunk's hash>
  // The binary's name, from the page's `data-bin` (Trunk's hash has no fixed length).
  const page = process.env.TRUNK_HTML_FILE ? readFileSync(process.env.TRUNK_HTML_FILE, "utf8") : "";
  const crate = /data-bin="([^"]+)"/.exec(page)?.[1] ?? base.replace(/-[0-9a-f]+$/, "");
  if (!base.startsWith(`${crate}-`)) throw new Error(`split: ${stagedWasm[0]} is not the build of ${crate}`);
  const input = join(cargoTargetDir(sourceDir), "wasm32-unknown-unknown", release ? "release" : "debug", `${crate}.wasm`);
  if (!existsSync(input)) throw new Error(`split: cargo's output ${input} is missing`);

  const work = mkdtempSync(join(tmpdir(), "bedside-split-"));
  try {
    // 1. Split. The loader imports the glue's initSync from "./<base>.js".
    const groups = splitGroups(cargoMetadata(sourceDir), crate).flatMap((g) => ["--group", g.join(",")]);
    run(splitTool(sourceDir), [input, work, "--out-name", base, "--target", "web", ...groups]);
    const loaderName = "__wasm_split.js";
    if (!existsSync(join(work, loaderName))) throw new Error("split: bedside-wasm-split wrote no loader; does the app have split points?");
    const parts = readdirSync(work).filter((f) => f.endsWith(".wasm") && f !== `${base}.wasm`);

    // 2. wasm-bindgen on the main module only.
    const bindgen = join(work, "bindgen");
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", bindgen, "--out-name", base, join(work, `${base}.wasm`)]);
    const mainWasm = join(bindgen, `${base}_bg.wasm`);
    // One folder a build (bedside-app, bedside-gallery), so building the
    // gallery leaves the app's figures alone.
    const sizeDir = join(sourceDir, "target", "size", crate);
    mkdirSync(sizeDir, { recursive: true });
    if (release) copyFileSync(mainWasm, join(sizeDir, "main.names.wasm"));

    // 3. Optimise each file on its own (release); the main module without
    // the unused classes' exports. In this process, a worker thread a core
    // (scripts/wasm-opt.mjs), checked against the wasm-opt command on the
    // smallest split point's file.
    if (release) {
      const points = parts.filter((p) => p.startsWith("split_")).map((p) => join(work, p));
      const smallest = points.reduce((a, b) => (statSync(a).size <= statSync(b).size ? a : b));
      await optimiseAll(
        [
          // The classes' exports are named after them in lower case
          // (`intounderlyingsink_write`, `__wbg_intounderlyingsink_free`).
          { file: mainWasm, before: [{ pass: "remove-exports", argument: "*intounderlying*" }] },
          ...parts.map((p) => ({ file: join(work, p) })),
        ],
        { check: smallest },
      );
    }

    // 4. Content-hashed names, and the loader pointed at them.
    let loader = readFileSync(join(work, loaderName), "utf8");
    const renamed = {};
    for (const p of parts) {
      const bytes = readFileSync(join(work, p));
      const name = `${p.replace(/\.wasm$/, "")}-${hash16(bytes)}.wasm`;
      renamed[p] = name;
      writeFileSync(join(staging, name), bytes);
      const reference = `"./${p}"`;
      if (!loader.includes(reference)) throw new Error(`split: the loader does not name ${p}`);
      loader = loader.split(reference).join(`"./${name}"`);
    }
    const loaderFile = `__wasm_split-${hash16(Buffer.from(loader))}.js`;
    writeFileSync(join(staging, loaderFile), loader);

    // The loader names every piece of every split point, so it grows with
    // each tool and gallery section; the first page needs none of it. The
    // glue imports a stub instead, with one function per split point that
    // fetches the loader the first time code on demand is wanted.
    const loads = [...loader.matchAll(/export const (__wasm_split_load_\w+)\s*=/g)].map((m) => m[1]);
    const otherExports = [...loader.matchAll(/\bexport\b(?!\s+const\s+__wasm_split_load_)/g)];
    if (loads.length === 0 || otherExports.length > 0) throw new Error("split: the loader exports something other than split-point loads");
    const glueImport = /import\s*\{\s*initSync\s*\}\s*from\s*"(\.\/[^"]+\.js)";/.exec(loader);
    if (!glueImport) throw new Error("split: the loader does not import initSync from the glue");
    // A split point whose code nothing calls (the idle lock's screens in the
    // gallery, which draws no session) is cut by the linker, but
    // its preload may still be called: the splitter writes no load for it,
    // and the module could not be instantiated. Its load has nothing to
    // fetch, so it succeeds (after a turn, as the loader's own do).
    const codeless = importsOf(readFileSync(mainWasm))
      .filter(([module, field]) => module === `./${loaderName}` && field.startsWith("__wasm_split_load_") && !loads.includes(field))
      .map(([, field]) => field);
    const stub = splitStub({ glue: glueImport[1], loaderFile, loads, codeless });
    const stubFile = `__wasm_split_stub-${hash16(Buffer.from(stub))}.js`;
    writeFileSync(join(staging, stubFile), stub);

    // Only the ES imports: the wasm's own import module name (a key of the
    // glue's imports object) stays "./__wasm_split.js".
    let glue = withoutClasses(readFileSync(join(bindgen, `${base}.js`), "utf8"), release ? UNUSED_EXPORTED_CLASSES : []);
    const from = `from "./${loaderName}"`;
    if (!glue.includes(from)) throw new Error("split: the JS glue does not import the loader");
    glue = glue.split(from).join(`from "./${stubFile}"`);
    let mainBytes = readFileSync(mainWasm);
    if (release) {
      // Short import names in place of wasm-bindgen's hashed ones (scripts/wasm-imports.mjs).
      const short = shortenGlueImports(mainBytes, glue, `./${base}_bg.js`);
      mainBytes = short.wasm;
      glue = short.glue;
    }
    // The split files' reserved table slots, written as nulls the table
    // holds already (scripts/wasm-elements.mjs).
    mainBytes = withoutNullElements(mainBytes).wasm;
    writeFileSync(join(staging, `${base}.js`), glue);
    writeFileSync(join(staging, `${base}_bg.wasm`), mainBytes);

    // 5. Which files each split point fetches (itself and the shared pieces
    // it depends on), from the loader: `export const __wasm_split_load_<point>
    // = wrapAsyncCb(makeLoad(… "./split_<point>…wasm" …, [__chunk_3, …]))`.
    const shared = {};
    for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\([\s\S]*?"\.\/([^"]+\.wasm)"/g)) shared[m[1]] = m[2];
    const points = {};
    for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\([\s\S]*?"\.\/([^"]+\.wasm)"[\s\S]*?, \[([^\]]*)\]\)\)/g)) {
      const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean).map((d) => shared[d]);
      points[m[1]] = { file: m[2], shared: deps };
    }
    const manifest = { main: `${base}_bg.wasm`, glue: `${base}.js`, stub: stubFile, loader: loaderFile, points, shared: Object.values(shared) };
    writeFileSync(join(sizeDir, `split-${release ? "release" : "debug"}.json`), JSON.stringify(manifest, null, 2));
    console.log(`split: ${Object.keys(points).length} split points (${Object.keys(points).join(", ")}), ${manifest.shared.length} shared file(s)`);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The stub the glue imports in place of the split loader: one function per
 * split point (`loads`), which fetches the loader (`loaderFile`) the first
 * time code on demand is wanted and hands over to its load; and for each
 * split point with no code (`codeless`), a load that succeeds. A load is
 * called with a callback (an index in the wasm's function table) and its
 * data, and always calls it back: false when the loader cannot be fetched,
 * so a dropped connection becomes "Try again", never a wait for ever.
 */
export function splitStub({ glue, loaderFile, loads, codeless = [] }) {
  return (
    `import{initSync as i}from"${glue}";` +
    // A failed import() may be remembered by the browser: the next try
    // asks for the same file under another query, so it is fetched anew.
    `let p,r=0;const l=()=>p??=import(r?"./${loaderFile}?retry="+r:"./${loaderFile}").catch(e=>{p=void 0;r++;throw e});` +
    `const f=n=>(c,d)=>l().then(m=>m[n](c,d),e=>{console.error(e);i(void 0,void 0).__indirect_function_table.get(c)(d,!1)});` +
    loads.map((name) => `export const ${name}=f("${name}");`).join("") +
    codeless.map((name) => `export const ${name}=async(c,d)=>{await 0;i(void 0,void 0).__indirect_function_table.get(c)(d,!0)};`).join("")
  );
}
