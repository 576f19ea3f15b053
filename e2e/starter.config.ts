import { defineConfig } from "@playwright/test";
import { CHROMIUM, sandboxServer } from "./config-parts";

// The starter (templates/trust-app), built outside the workspace from the
// packaged crates by scripts/starter.sh, which names its dist folder. Served
// with the same production headers as the app, on a port of its own; the
// sandbox allows that origin (CORS, redirect URIs).
const port = Number(process.env.BEDSIDE_STARTER_PORT ?? 8190);
const dist = process.env.BEDSIDE_STARTER_DIST;
if (!dist) throw new Error("BEDSIDE_STARTER_DIST is not set: run scripts/starter.sh");
// The page objects' idea of the app's origin (tests/pages/session.ts).
process.env.BEDSIDE_E2E_PORT = String(port);

export default defineConfig({
  testDir: "./starter",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "../target/ci/playwright-starter.json" }]],
  use: { ...CHROMIUM, baseURL: `http://localhost:${port}` },
  webServer: [
    {
      command: `node ../scripts/serve.mjs --dir ${dist} --port ${port} --config ../templates/trust-app/config.json`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    sandboxServer(`http://localhost:${port}`),
  ],
});
