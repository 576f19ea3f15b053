// Empties the main module's element segments that only write nulls.
//
// wasm-split-cli reserves, in the main module's table, a slot for every
// function that moves into a split file, and writes each file's slots as an
// active element segment of `ref.null` entries: one segment per file, three
// bytes per slot. A new table's slots are null already, so those segments
// change nothing when the module is instantiated (active segments are
// applied once, then dropped); the split files fill their slots with their
// own segments when they load. With ~170 files and ~2,500 slots the nulls
// were about 7 KB of the first download that does nothing.
//
// Each such segment becomes an empty one (offset 0, no entries: five
// bytes), not nothing, so every segment keeps its index for any
// `table.init` or `elem.drop` that names one. Only segments that are active
// and all null change; the build fails rather than guess at anything it
// cannot read.
import { encodeUleb, rewriteSection, uleb } from "./wasm-imports.mjs";

const EMPTY_SEGMENT = Buffer.from([0x00, 0x41, 0x00, 0x0b, 0x00]);

/** Skips a constant expression at `pos` (up to its `end`); [all it does is ref.null, next position]. */
function constExpr(bytes, pos) {
  let onlyNull = true;
  for (;;) {
    const op = bytes[pos++];
    if (op === 0x0b) return [onlyNull, pos];
    if (op === 0xd0) {
      pos += 1; // ref.null's type
      continue;
    }
    onlyNull = false;
    if (op === 0x41 || op === 0x42) {
      // i32.const / i64.const: a signed LEB128.
      while (bytes[pos++] & 0x80);
    } else if (op === 0x23 || op === 0xd2) {
      [, pos] = uleb(bytes, pos); // global.get / ref.func
    } else {
      throw new Error(`wasm-elements: unexpected opcode 0x${op.toString(16)} in a constant expression`);
    }
  }
}

/** `wasm` with its active, all-null element segments emptied: { wasm, dropped } (how many null slots). */
export function withoutNullElements(wasm) {
  let dropped = 0;
  const result = rewriteSection(wasm, 9, (body, end) => {
    let [count, at] = uleb(wasm, body);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = at;
      let flags;
      [flags, at] = uleb(wasm, at);
      let allNull = false;
      if (flags === 4 || flags === 6) {
        if (flags === 6) [, at] = uleb(wasm, at); // table index
        [, at] = constExpr(wasm, at); // offset
        if (flags === 6) at += 1; // reference type
        let n;
        [n, at] = uleb(wasm, at);
        allNull = true;
        for (let j = 0; j < n; j++) {
          let onlyNull;
          [onlyNull, at] = constExpr(wasm, at);
          allNull &&= onlyNull;
        }
        if (allNull) dropped += n;
      } else if (flags === 0 || flags === 2) {
        if (flags === 2) [, at] = uleb(wasm, at);
        [, at] = constExpr(wasm, at);
        if (flags === 2) at += 1; // element kind
        let n;
        [n, at] = uleb(wasm, at);
        for (let j = 0; j < n; j++) [, at] = uleb(wasm, at);
      } else {
        throw new Error(`wasm-elements: element segment kind ${flags} is not one the split build writes`);
      }
      // Active, table 0, offset `i32.const 0`, no function indices.
      kept.push(allNull ? EMPTY_SEGMENT : wasm.subarray(start, at));
    }
    if (at !== end) throw new Error("wasm-elements: the element section is not the length it says");
    return Buffer.concat([encodeUleb(kept.length), ...kept]);
  });
  return { wasm: result, dropped };
}
