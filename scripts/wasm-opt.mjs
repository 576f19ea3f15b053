// wasm-opt, in this process: binaryen.js (the npm package `binaryen`, the
// same one whose `wasm-opt` command the build used before) loaded once per
// worker thread, instead of once per file.
//
// Why: the split app is some 360 files, most of them a few hundred bytes.
// The `wasm-opt` command is binaryen compiled to wasm behind a node script,
// so each run starts node and compiles an 11 MB module before it reads a
// byte: about 0.9 s of CPU a file, which was most of the release build
// (20 small files: 17.5 s as commands, 1.6 s here).
//
// The passes are the command's, in the command's order and grouping
// (binaryen's src/tools/optimization-options.h: a queue of named passes is
// flushed at each -O, which runs the default pipeline at its own levels),
// with the settings the command turns on for -Os (Stack IR generated and
// optimised). The output is the command's byte for byte; `optimiseAll`
// checks that on one file of every build, so a binaryen upgrade that parts
// the two fails the build instead of shipping something else.
import { execFile } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort } from "node:worker_threads";

/**
 * What the build runs on every file: each step is `-Os` (the default
 * pipeline at optimise level 2, shrink level 1) or a list of named passes.
 */
export const WASM_OPT = {
  // -Os, not -Oz: what crosses the network is smaller (first load −0.6 KB
  // brotli, most split points smaller too), though the file before
  // compression is about 13 KB larger (it inlines more, which compresses well).
  // Twice, then a round of passes -Os leaves out or runs once, and -Os
  // again, which finds what the round opened up: specialising functions for
  // the constants their callers pass (--monomorphize), propagating
  // constants, folding identical code tails. First load about −0.5 KB
  // brotli in all. Measured and not kept: a further round with --rse (the
  // first load 0.1 KB larger in the build, though smaller on its own).
  steps: ["-Os", "-Os", ["monomorphize", "precompute-propagate", "code-folding"], "-Os", ["strip-producers", "strip-target-features"]],
  // The features every supported browser has.
  features: ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"],
  // Lets wasm-opt fold a constant added to an address into the access's
  // offset (about 0.6 KB brotli of the first load). The two differ only
  // when the addition wraps past 4 GiB into the lowest 1 KiB, and no Rust
  // pointer is within 1 KiB of 4 GiB: the memory is a few MiB, and a wrapped
  // pointer would already be undefined behaviour. (The stack sits at the
  // bottom of memory; its pointers there are small, not wrapped, so they
  // keep their address.)
  lowMemoryUnused: true,
};

/** The same, as arguments to the `wasm-opt` command (`before`: passes to run first). */
export function commandArgs(before = []) {
  const args = before.flatMap((p) => [`--${p.pass}`, ...(p.argument ? [`--pass-arg=${p.pass}@${p.argument}`] : [])]);
  for (const step of WASM_OPT.steps) args.push(...(step === "-Os" ? ["-Os"] : step.map((p) => `--${p}`)));
  args.push(...WASM_OPT.features.map((f) => `--enable-${f}`));
  if (WASM_OPT.lowMemoryUnused) args.push("--low-memory-unused");
  return args;
}

/** Optimises `file` in place with binaryen.js; `before` as in `commandArgs`. */
function optimise(binaryen, file, before = []) {
  const F = binaryen.Features;
  const flag = { "bulk-memory": F.BulkMemory | F.BulkMemoryOpt, "nontrapping-float-to-int": F.NontrappingFPToInt, "sign-ext": F.SignExt, "mutable-globals": F.MutableGlobals, "reference-types": F.ReferenceTypes, multivalue: F.Multivalue };
  const module = binaryen.readBinary(readFileSync(file));
  try {
    module.setFeatures(WASM_OPT.features.reduce((all, f) => all | flag[f], F.MVP));
    binaryen.setOptimizeLevel(2);
    binaryen.setShrinkLevel(1);
    binaryen.setLowMemoryUnused(WASM_OPT.lowMemoryUnused);
    binaryen.setDebugInfo(false);
    binaryen.setGenerateStackIR(true);
    binaryen.setOptimizeStackIR(true);
    binaryen.clearPassArguments();
    for (const p of before) if (p.argument) binaryen.setPassArgument(p.pass, p.argument);
    if (before.length) module.runPasses(before.map((p) => p.pass));
    for (const step of WASM_OPT.steps) {
      if (step === "-Os") module.optimize();
      else module.runPasses(step);
    }
    writeFileSync(file, module.emitBinary());
  } finally {
    module.dispose();
  }
}

/** Runs the `wasm-opt` command (the reference the in-process result is checked against). */
const command = (input, output, before) =>
  new Promise((resolve, reject) =>
    execFile("wasm-opt", [...commandArgs(before), input, "-o", output], { maxBuffer: 64 * 1024 * 1024 }, (error) =>
      error ? reject(new Error(`wasm-opt ${input}: ${error.message}`)) : resolve(),
    ),
  );

/**
 * Optimises every job's `file` in place (`before`: passes to run first, as
 * `{ pass, argument }`), on one worker thread a core, largest first. Checks
 * `check` (a job's file, small for speed) against the `wasm-opt` command.
 */
export async function optimiseAll(jobs, { check } = {}) {
  let reference;
  if (check) {
    const job = jobs.find((j) => j.file === check);
    if (!job) throw new Error(`wasm-opt: ${check} is not one of the files`);
    reference = `${check}.command.wasm`;
    await command(check, reference, job.before);
  }
  const queue = jobs.map((job) => ({ job, size: statSync(job.file).size })).sort((a, b) => b.size - a.size).map((j) => j.job);
  const threads = Math.min(availableParallelism(), queue.length);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(new URL(import.meta.url));
      let settle;
      worker.on("message", (m) => settle(m.error));
      worker.on("error", (e) => settle(String(e?.message ?? e)));
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const error = await new Promise((resolve) => {
            settle = resolve;
            worker.postMessage(job);
          });
          if (error) throw new Error(`wasm-opt ${job.file}: ${error}`);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  if (reference) {
    const same = readFileSync(check).equals(readFileSync(reference));
    rmSync(reference);
    if (!same) throw new Error(`wasm-opt: binaryen.js and the wasm-opt command disagree on ${check}; see scripts/wasm-opt.mjs`);
  }
}

if (!isMainThread) {
  const { default: binaryen } = await import("binaryen");
  parentPort.on("message", (job) => {
    try {
      optimise(binaryen, job.file, job.before);
      parentPort.postMessage({});
    } catch (e) {
      parentPort.postMessage({ error: String(e?.message ?? e) });
    }
  });
}
