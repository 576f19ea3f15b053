#!/usr/bin/env node
// Where a run of `make test` spent its time, from what scripts/test.sh left
// in target/ci/: each step's seconds (steps.tsv), the native and browser
// test logs with each line's arrival time (scripts/ci-log.mjs), and
// Playwright's JSON report. Writes target/ci-timings.json and prints the
// steps, the ten slowest Playwright tests and the slowest test binaries, so
// a change that adds minutes shows where in its own run. Reports on what is
// there: a run stopped early has fewer parts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const ci = join(root, "target", "ci");
const read = (file) => (existsSync(file) ? readFileSync(file, "utf8") : null);

/** `name\tseconds\tstatus` lines, in the order the steps ran. */
function steps() {
  return (read(join(ci, "steps.tsv")) ?? "")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [name, seconds, status] = line.split("\t");
      return { name, seconds: Number(seconds), status };
    });
}

/**
 * The test binaries of one cargo test log: how long each ran (its `Running`
 * line to the next binary's, so the wasm runner's start-up counts), its
 * tests' own time and counts; and the build before the first one ran.
 */
export function testBinaries(log) {
  const lines = log
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const tab = l.indexOf("\t");
      return { at: Number(l.slice(0, tab)), text: l.slice(tab + 1) };
    });
  const binaries = [];
  let current = null;
  const close = (at) => {
    if (current) current.seconds = round((at - current.started) / 1000);
    current = null;
  };
  for (const { at, text } of lines) {
    const running = text.match(/^\s*Running (.+?) \((.+)\)\s*$/);
    const doc = text.match(/^\s*Doc-tests (\S+)/);
    if (running || doc) {
      close(at);
      const name = running
        ? `${basename(running[2]).replace(/-[0-9a-f]{16}(\.wasm)?$/, "")}: ${running[1]}`
        : `${doc[1]}: doc-tests`;
      current = { name, started: at, passed: 0, failed: 0, ignored: 0 };
      binaries.push(current);
      continue;
    }
    const result = text.match(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored.*?(?:finished in ([\d.]+)s)?\s*$/);
    if (result && current) {
      current.passed += Number(result[1]);
      current.failed += Number(result[2]);
      current.ignored += Number(result[3]);
      if (result[4]) current.testsSeconds = Number(result[4]);
    }
  }
  const first = lines[0]?.at;
  const last = lines.at(-1)?.at;
  close(last);
  for (const b of binaries) delete b.started;
  const firstRun = binaries.length ? lines.find((l) => /^\s*(Running|Doc-tests) /.test(l.text))?.at : last;
  const total = (key) => binaries.reduce((sum, b) => sum + b[key], 0);
  return {
    buildSeconds: first === undefined ? 0 : round((firstRun - first) / 1000),
    passed: total("passed"),
    failed: total("failed"),
    ignored: total("ignored"),
    binaries,
  };
}

/** Every test in Playwright's JSON report, with its file, titles and time. */
export function playwrightTests(report) {
  const tests = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const results = test.results ?? [];
        tests.push({
          name: [...titles, spec.title].join(" › "),
          file: spec.file,
          seconds: round(results.reduce((sum, r) => sum + (r.duration ?? 0), 0) / 1000),
          status: results.at(-1)?.status ?? "skipped",
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  const count = (status) => tests.filter((t) => t.status === status).length;
  return {
    seconds: round((report.stats?.duration ?? 0) / 1000),
    passed: count("passed"),
    failed: tests.length - count("passed") - count("skipped"),
    skipped: count("skipped"),
    workerSeconds: round(tests.reduce((sum, t) => sum + t.seconds, 0)),
    tests: tests.sort((a, b) => b.seconds - a.seconds),
  };
}

const round = (n) => Math.round(n * 10) / 10;

function main() {
  const timings = { steps: steps() };
  for (const [key, file] of [
    ["native", "native-tests.log"],
    ["browser", "browser-tests.log"],
  ]) {
    const log = read(join(ci, file));
    if (log) {
      const parsed = testBinaries(log);
      parsed.binaries.sort((a, b) => b.seconds - a.seconds);
      timings[key] = parsed;
    }
  }
  const report = read(join(ci, "playwright.json"));
  if (report) timings.playwright = playwrightTests(JSON.parse(report));
  writeFileSync(join(root, "target", "ci-timings.json"), `${JSON.stringify(timings, null, 2)}\n`);

  const row = (seconds, name) => `  ${seconds.toFixed(1).padStart(7)} s  ${name}`;
  const out = ["", "Where the time went (target/ci-timings.json)", "Steps:"];
  for (const s of timings.steps) out.push(row(s.seconds, `${s.name}${s.status === "ok" ? "" : ` (${s.status})`}`));
  out.push(row(timings.steps.reduce((sum, s) => sum + s.seconds, 0), "total"));
  for (const [key, what] of [
    ["native", "native"],
    ["browser", "browser (wasm-bindgen-test)"],
  ]) {
    const t = timings[key];
    if (!t) continue;
    out.push(`Slowest ${what} test binaries (${t.passed} passed, ${t.failed} failed, ${t.ignored} ignored; built in ${t.buildSeconds} s):`);
    for (const b of t.binaries.slice(0, 5)) out.push(row(b.seconds, `${b.name} (${b.passed} tests)`));
  }
  const p = timings.playwright;
  if (p) {
    out.push(
      `Ten slowest Playwright tests (${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped; ${p.seconds} s, ${p.workerSeconds} s of worker time):`,
    );
    for (const t of p.tests.slice(0, 10)) out.push(row(t.seconds, `${t.name}${t.status === "passed" ? "" : ` (${t.status})`}`));
  }
  console.log(out.join("\n"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
