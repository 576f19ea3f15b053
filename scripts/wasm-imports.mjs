// Short names for the functions the main wasm module imports from its JS glue.
//
// wasm-bindgen names each import after the Rust binding plus a 16-digit hash
// (`__wbg_addEventListener_1f2e…`), and every name is written twice: once in
// the wasm's import section and once as a key of the glue's imports object.
// Random hex does not compress, so the ~160 imports of the app cost about
// 4 KB brotli of the first load for names nobody reads. binaryen's
// --minify-imports only renames imports from `env` (Emscripten's module), so
// this does it for wasm-bindgen's module: it rewrites the import section, and
// the glue's keys to match, and refuses if the glue does not name each import
// exactly once as a key (a wasm-bindgen upgrade that changed the glue's shape
// fails the build instead of shipping a module that cannot link).

/** Reads an unsigned LEB128 at `pos`: [value, next position]. */
export function uleb(bytes, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

export function encodeUleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(bytes, pos) {
  const [length, start] = uleb(bytes, pos);
  return [Buffer.from(bytes.subarray(start, start + length)).toString("utf8"), start + length];
}

const encodeName = (name) => {
  const utf8 = Buffer.from(name, "utf8");
  return Buffer.concat([encodeUleb(utf8.length), utf8]);
};

/** Skips a table's or memory's limits (flags, minimum, maximum if flagged). */
function skipLimits(bytes, pos) {
  const flags = bytes[pos++];
  [, pos] = uleb(bytes, pos);
  if (flags & 1) [, pos] = uleb(bytes, pos);
  return pos;
}

/**
 * `wasm` with the body of its section `id` replaced by what `rewrite(body
 * start, body end)` returns (a Buffer); every other section as it was.
 */
export function rewriteSection(wasm, id, rewrite) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("wasm: not a wasm module");
  const out = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const [size, body] = uleb(wasm, pos + 1);
    const end = body + size;
    if (wasm[pos] === id) {
      const section = rewrite(body, end);
      out.push(Buffer.from([id]), encodeUleb(section.length), section);
    } else {
      out.push(wasm.subarray(pos, end));
    }
    pos = end;
  }
  return Buffer.concat(out);
}

/**
 * `wasm` with each import renamed by `rename(module, field)`, which returns
 * the new [module, field]. Only the import section changes.
 */
export function renameImports(wasm, rename) {
  return rewriteSection(wasm, 2, (body, end) => {
    let [count, at] = uleb(wasm, body);
    const entries = [encodeUleb(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, at] = readName(wasm, at);
      [field, at] = readName(wasm, at);
      const descriptor = at;
      const kind = wasm[at++];
      if (kind === 0) [, at] = uleb(wasm, at); // function: type index
      else if (kind === 1) at = skipLimits(wasm, at + 1); // table: element type, limits
      else if (kind === 2) at = skipLimits(wasm, at); // memory: limits
      else if (kind === 3) at += 2; // global: value type, mutability
      else if (kind === 4) [, at] = uleb(wasm, at + 1); // tag: attribute, type index
      else throw new Error(`wasm-imports: unknown import kind ${kind}`);
      const [newModule, newField] = rename(module, field);
      entries.push(encodeName(newModule), encodeName(newField), wasm.subarray(descriptor, at));
    }
    if (at !== end) throw new Error("wasm-imports: the import section is not the length it says");
    return Buffer.concat(entries);
  });
}

/** Every import of `wasm`, as [module, field], in order. */
export function importsOf(wasm) {
  const found = [];
  renameImports(wasm, (module, field) => {
    found.push([module, field]);
    return [module, field];
  });
  return found;
}

/** a, b, …, Z, aa, ba, …: short, valid JS property names, never `__proto__`. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = letters[index % letters.length];
  for (index = Math.floor(index / letters.length); index > 0; index = Math.floor((index - 1) / letters.length)) {
    name += letters[(index - 1) % letters.length];
  }
  return name;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Shortens the names of what `wasm` imports from the glue's own module
 * (`./<base>_bg.js`, a key of the glue's imports object) to `a`, `b`, …, and
 * that module's name to `w`. Returns the new { wasm, glue }.
 */
export function shortenGlueImports(wasm, glue, glueModule) {
  const names = new Map();
  const renamed = renameImports(wasm, (module, field) => {
    if (module !== glueModule) return [module, field];
    if (!names.has(field)) names.set(field, shortName(names.size));
    return ["w", names.get(field)];
  });
  if (names.size === 0) throw new Error(`wasm-imports: the wasm imports nothing from ${glueModule}`);
  const moduleKey = new RegExp(`(["'])${escape(glueModule)}\\1(\\s*:)`, "g");
  if ((glue.match(moduleKey) ?? []).length !== 1) throw new Error(`wasm-imports: the glue does not name ${glueModule} once as a key`);
  glue = glue.replace(moduleKey, '"w"$2');
  for (const [long, short] of names) {
    const anywhere = new RegExp(`\\b${escape(long)}\\b`, "g");
    const asKey = new RegExp(`\\b${escape(long)}(\\s*:)`);
    if ((glue.match(anywhere) ?? []).length !== 1 || !asKey.test(glue)) {
      throw new Error(`wasm-imports: the glue does not name the import ${long} exactly once, as a key`);
    }
    glue = glue.replace(asKey, `${short}$1`);
  }
  new WebAssembly.Module(renamed); // still a valid module
  return { wasm: renamed, glue, count: names.size };
}
