#!/usr/bin/env node
// Load-time benchmark: the release app (dist/) in headless Chromium with the
// CPU slowed 4× (DevTools protocol), as a ward PC might be. Figures only: no
// number can fail it; it fails only if it cannot run.
//
// Each run is a fresh browser context (cold cache), against the sandbox:
//   - navigation → the NHS header shown, and → the sign-in button shown
//     (the app is interactive: the button's handler is attached with it);
//   - "Sign in" → the signed-in launcher, in all, and from the sign-in
//     callback page's own navigation (the app's part, without the sign-in
//     server's pages);
//   - the launcher → Find a patient, first open: its code and the shared
//     files it needs arrive then (split points), and how many files that is;
//   - the first-load wasm's compile time alone (WebAssembly.compile on its
//     bytes, same throttling), to show what compiling costs apart from the rest.
// Baseline in the same run: the sign-in page the app rendered, saved as
// static HTML (scripts removed) and served by the same server: when the same
// markup appears with no wasm at all.
//
//   node e2e/bench/load-time.mjs [--runs 5]
// Needs `make build` and the e2e packages; starts its own servers.
import { mkdtempSync, readdirSync, writeFileSync, cpSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { approveAsNurse, launchChromium, median, root, run, serve, startSandbox } from "./harness.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const THROTTLE = 4;
const APP_PORT = Number(process.env.BEDSIDE_BENCH_PORT ?? 8190);
const BASELINE_PORT = APP_PORT + 1;
const APP = `http://localhost:${APP_PORT}`;

// Records, in page time (ms since navigation start), when each watched
// element first appears.
const MARKS = () => {
  const watch = {
    header: "header.nhsuk-header",
    signIn: "main button.nhsuk-button",
    launcher: "[data-testid=launcher]",
  };
  window.__marks = {};
  const check = () => {
    for (const [name, selector] of Object.entries(watch)) {
      if (!(name in window.__marks) && document.querySelector(selector)) window.__marks[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", check);
};

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  return cdp;
}

async function main() {
  await startSandbox([APP]);
  await serve("dist", APP_PORT, ["--config", "config/sandbox.json"]);

  const browser = await launchChromium();
  try {
    // The baseline page: the sign-in page as the app rendered it, without scripts.
    const baselineDir = mkdtempSync(join(tmpdir(), "bedside-baseline-"));
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${APP}/`);
      await page.getByRole("button", { name: /^Sign in with/ }).first().waitFor();
      const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, "").replace(/<link[^>]*(modulepreload|rel="?preload)[^>]*>/g, "");
      mkdirSync(baselineDir, { recursive: true });
      for (const f of readdirSync(join(root, "dist"))) if (f.endsWith(".css")) cpSync(join(root, "dist", f), join(baselineDir, f));
      writeFileSync(join(baselineDir, "index.html"), html);
      await context.close();
    }
    await serve(baselineDir, BASELINE_PORT);

    const wasmFile = readdirSync(join(root, "dist")).find((f) => f.endsWith("_bg.wasm"));
    const figures = { header: [], signIn: [], baselineHeader: [], baselineSignIn: [], compile: [], signInToLauncher: [], callbackToLauncher: [], toolFirstOpen: [], toolFirstOpenFiles: [] };
    for (let run = 0; run < RUNS; run++) {
      // Cold start of the app.
      {
        const context = await browser.newContext();
        await context.addInitScript(MARKS);
        const page = await context.newPage();
        await throttled(context, page);
        await page.goto(`${APP}/`);
        await page.getByRole("button", { name: /^Sign in with/ }).first().waitFor({ timeout: 60_000 });
        const marks = await page.evaluate(() => window.__marks);
        figures.header.push(marks.header);
        figures.signIn.push(marks.signIn);

        // Sign in: click → the sandbox's pages → the callback → the launcher.
        const clicked = Date.now();
        await page.getByRole("button", { name: /^Sign in with/ }).first().click();
        await approveAsNurse(page, 60_000);
        await page.getByTestId("launcher").waitFor({ timeout: 60_000 });
        figures.signInToLauncher.push(Date.now() - clicked);
        figures.callbackToLauncher.push((await page.evaluate(() => window.__marks)).launcher);

        // A tool's first open: its own code, the shared files it needs that
        // signing in did not fetch, and the later stylesheet.
        const fetched = [];
        page.on("request", (r) => {
          if (/\.(wasm|js|css)(\?|$)/.test(r.url())) fetched.push(r.url());
        });
        const opened = Date.now();
        await page.getByTestId("launcher").getByRole("link", { name: "Find a patient", exact: true }).click();
        await page.getByLabel("Name or NHS number").waitFor({ timeout: 60_000 });
        figures.toolFirstOpen.push(Date.now() - opened);
        figures.toolFirstOpenFiles.push(fetched.length);
        await context.close();
      }
      // The same markup with no wasm.
      {
        const context = await browser.newContext();
        await context.addInitScript(MARKS);
        const page = await context.newPage();
        await throttled(context, page);
        await page.goto(`http://localhost:${BASELINE_PORT}/`);
        await page.getByRole("button", { name: /^Sign in with/ }).first().waitFor();
        const marks = await page.evaluate(() => window.__marks);
        figures.baselineHeader.push(marks.header);
        figures.baselineSignIn.push(marks.signIn);
        await context.close();
      }
      // Compiling the first-load wasm alone.
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${APP}/not-a-page`);
        await throttled(context, page);
        figures.compile.push(
          await page.evaluate(async (file) => {
            const bytes = await (await fetch(`/${file}`)).arrayBuffer();
            const t0 = performance.now();
            await WebAssembly.compile(bytes);
            return performance.now() - t0;
          }, wasmFile),
        );
        await context.close();
      }
    }
    rmSync(baselineDir, { recursive: true, force: true });

    const result = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { medianMs: Math.round(median(v)), runsMs: v.map(Math.round) }]));
    const row = (label, key) => console.log(`BENCH load ${label.padEnd(58)} ${String(result[key].medianMs).padStart(6)} ms  (runs: ${result[key].runsMs.join(", ")})`);
    console.log(`\nLoad time, Chromium, CPU ${THROTTLE}× slower, cold cache, median of ${RUNS}`);
    row("navigation → NHS header", "header");
    row("navigation → sign-in button (interactive)", "signIn");
    row("baseline, same page as static HTML → NHS header", "baselineHeader");
    row("baseline, same page as static HTML → sign-in button", "baselineSignIn");
    row("first-load wasm compile alone", "compile");
    row("Sign in → launcher (incl. the sign-in server's pages)", "signInToLauncher");
    row("callback page navigation → launcher", "callbackToLauncher");
    row("launcher → Find a patient, first open (its code fetched)", "toolFirstOpen");
    // A count, not a time: stored under names that say so.
    const files = result.toolFirstOpenFiles;
    result.toolFirstOpenFiles = { median: files.medianMs, runs: files.runsMs };
    console.log(`BENCH load ${"  files fetched for that first open (wasm, JS, CSS)".padEnd(58)} ${String(files.medianMs).padStart(6)}     (runs: ${files.runsMs.join(", ")})`);
    mkdirSync(join(root, "target"), { recursive: true });
    writeFileSync(join(root, "target/bench-load.json"), JSON.stringify({ throttle: THROTTLE, runs: RUNS, wasm: wasmFile, ...result }, null, 2));
  } finally {
    await browser.close();
  }
}

run(main);
