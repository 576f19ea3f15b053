#!/usr/bin/env node
// Passes a step's output through unchanged and keeps a copy with each line's
// arrival time (ms since the epoch, a tab, the line) in the file named by
// the first argument, for scripts/ci-timings.mjs to tell how long each test
// binary ran: cargo prints no time for a binary, only its tests' run time
// (and nothing for the wasm runner's start-up), so the gap between one
// binary's `Running` line and the next is the measure.
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";

const file = process.argv[2];
if (!file) {
  console.error("usage: COMMAND 2>&1 | node scripts/ci-log.mjs LOG");
  process.exit(2);
}
mkdirSync(dirname(file), { recursive: true });
const log = createWriteStream(file);
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  process.stdout.write(`${line}\n`);
  log.write(`${Date.now()}\t${line}\n`);
}
log.end();
