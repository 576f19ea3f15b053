// What the browser benchmarks share (load-time.mjs, journey.mjs): starting
// the sandbox and a static server for a build, waiting for them, stopping
// them so the next step finds the ports free, Chromium as the tests launch
// it, the sandbox's sign-in pages, and the median.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const FHIR_PORT = Number(process.env.SANDBOX_FHIR_PORT ?? 8103);

const children = [];
process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));

/** Starts `cmd` from the repository root; it is stopped by `stopAll`. */
export function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

/** The sandbox (FHIR and sign-on servers) allowing `appOrigins`, once it answers. */
export async function startSandbox(appOrigins) {
  const sandbox = start(join(root, "e2e/node_modules/.bin/node"), ["e2e/sandbox/start.mjs"], { SANDBOX_APP_ORIGINS: appOrigins.join(",") });
  await waitFor(`http://localhost:${FHIR_PORT}/fhir/R4/metadata`);
  if (sandbox.exitCode !== null) throw new Error("bench: the sandbox stopped");
  return sandbox;
}

/** Serves `dir` as scripts/serve.mjs does in production, once it answers. */
export async function serve(dir, port, extra = []) {
  start("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(port), ...extra]);
  await waitFor(`http://localhost:${port}/`);
}

export async function waitFor(url, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`bench: ${url} did not answer within ${seconds} s`);
}

/** Stops the servers and waits until they have gone. */
export async function stopAll() {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map(
        (c) =>
          new Promise((resolve) => {
            const timer = setTimeout(() => {
              c.kill("SIGKILL");
              resolve();
            }, 10_000);
            c.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill("SIGTERM");
          }),
      ),
  );
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}

/** On the sandbox's sign-in pages: the staff nurse, and access allowed. */
export async function approveAsNurse(page, timeout) {
  await page.getByRole("button", { name: /Sign in as Staff Nurse/ }).click({ timeout });
  await page.getByRole("button", { name: "Allow", exact: true }).click({ timeout });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `main`, stops the servers, and exits 0, or 1 if it failed. */
export function run(main) {
  main().then(
    async () => {
      await stopAll();
      process.exit(0);
    },
    async (e) => {
      console.error(e);
      await stopAll();
      process.exit(1);
    },
  );
}
