// What a wasm file's code is made of: each function's body size, named from
// the file's `name` section and grouped by the crate it comes from.
//
// Read on the wasm *before* wasm-opt (which drops the names): the figures are
// pre-optimisation bytes, so they rank contributors rather than predict the
// shipped size. scripts/post-build.mjs keeps that copy of the first-load wasm
// for the size report (target/size/<name>.names.wasm).
//
//   node e2e/bench/wasm-contributors.mjs file.wasm [--top 30]

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

function reader(bytes) {
  let at = 0;
  const r = {
    get at() {
      return at;
    },
    set at(v) {
      at = v;
    },
    byte: () => bytes[at++],
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[at++];
        result |= (b & 0x7f) << shift;
        if ((b & 0x80) === 0) return result >>> 0;
        shift += 7;
      }
    },
    name() {
      const len = r.u32();
      const text = new TextDecoder().decode(bytes.subarray(at, at + len));
      at += len;
      return text;
    },
  };
  return r;
}

/** Function body sizes (index → bytes), imported-function count, names, data bytes. */
export function parseWasm(bytes) {
  const r = reader(bytes);
  r.at = 8; // magic and version
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  let dataBytes = 0;
  while (r.at < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.at + size;
    if (id === 2) {
      // import section: count the functions, which come first in the index space
      for (let n = r.u32(); n > 0; n--) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) {
          r.u32();
          importedFunctions++;
        } else if (kind === 1) {
          r.byte();
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 2) {
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 3) {
          r.byte();
          r.byte();
        } else if (kind === 4) {
          r.byte();
          r.u32();
        }
      }
    } else if (id === 10) {
      for (let n = r.u32(); n > 0; n--) {
        const len = r.u32();
        bodies.push(len);
        r.at += len;
      }
    } else if (id === 11) {
      dataBytes = size;
    } else if (id === 0) {
      const section = r.name();
      if (section === "name") {
        while (r.at < end) {
          const sub = r.byte();
          const subSize = r.u32();
          const subEnd = r.at + subSize;
          if (sub === 1) {
            for (let n = r.u32(); n > 0; n--) {
              const index = r.u32();
              names.set(index, r.name());
            }
          }
          r.at = subEnd;
        }
      }
    }
    r.at = end;
  }
  return { importedFunctions, bodies, names, dataBytes };
}

/** The crate a (legacy-mangled or plain) Rust symbol comes from. */
export function crateOf(symbol) {
  let s = symbol;
  if (s.startsWith("_ZN")) {
    // Legacy mangling, _ZN <len><segment>… E: the first segment is the crate,
    // or `<Type as Trait>` whose first path names it.
    const m = /^_ZN(\d+)/.exec(s);
    if (m) s = s.slice(m[0].length, m[0].length + Number(m[1]));
    if (/^[a-z_][a-z0-9_]*$/.test(s)) return s;
    s = s
      .replace(/\$LT\$/g, "<")
      .replace(/\$GT\$/g, ">")
      .replace(/\$u20\$/g, " ")
      .replace(/\$RF\$/g, "&")
      .replace(/\.\./g, "::");
  } else if (s.startsWith("_R")) {
    // v0 mangling (std's prebuilt code): the first crate root, C[s<hash>_]<len><name>.
    const m = /C(?:s[0-9A-Za-z]*_)?(\d+)([a-z_][a-z0-9_]*)/.exec(s);
    if (m) return m[2].slice(0, Number(m[1]));
  }
  // `<serde_json::de::Deserializer<R> as …>::f`, `<&T as Debug>::fmt`: the first path inside.
  const path = /[A-Za-z_][A-Za-z0-9_]*(?=::)/.exec(s.replace(/^[<&_\s]+|^(?:mut|dyn)\s+/g, ""));
  if (path) return path[0];
  if (/^__wbg|^__wbindgen|wasm_bindgen/.test(symbol)) return "wasm_bindgen";
  if (/^(memcpy|memset|memmove|memcmp|dlmalloc|__rust|rust_)/.test(symbol)) return "std";
  return "(unnamed)";
}

/** Code bytes by crate and the largest functions. */
export function contributors(bytes, top = 30) {
  const { importedFunctions, bodies, names, dataBytes } = parseWasm(bytes);
  const byCrate = new Map();
  const functions = [];
  let code = 0;
  bodies.forEach((size, i) => {
    const name = names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`;
    const crate = crateOf(name);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    functions.push({ name, crate, bytes: size });
    code += size;
  });
  functions.sort((a, b) => b.bytes - a.bytes);
  const crates = [...byCrate.entries()].map(([crate, size]) => ({ crate, bytes: size })).sort((a, b) => b.bytes - a.bytes);
  return { codeBytes: code, dataBytes, functionCount: bodies.length, named: names.size > 0, crates, functions: functions.slice(0, top) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const topArg = process.argv.indexOf("--top");
  const top = topArg > 0 ? Number(process.argv[topArg + 1]) : 30;
  const result = contributors(readFileSync(file), top);
  console.log(`${file}: ${result.functionCount} functions, ${(result.codeBytes / 1024).toFixed(1)} KB code, ${(result.dataBytes / 1024).toFixed(1)} KB data (before wasm-opt)`);
  for (const c of result.crates.slice(0, 25)) console.log(`${(c.bytes / 1024).toFixed(1).padStart(8)} KB  ${c.crate}`);
  console.log("largest functions:");
  for (const f of result.functions) console.log(`${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${f.name.slice(0, 140)}`);
}
