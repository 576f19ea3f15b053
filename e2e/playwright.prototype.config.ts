import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./config-parts";

// Prototype mode (`make prototype`) as a designer shares it: the static
// folder ../dist-prototype served by Python's plain static server (no
// fallback to index.html, no headers of ours), and no FHIR or sign-in
// server running: every record comes from a scenario file, answered in the
// browser. `make test` runs it after the main suite has stopped the sandbox.
const port = Number(process.env.BEDSIDE_PROTOTYPE_PORT ?? 8190);

export default defineConfig({
  testDir: "./prototype",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "../target/ci/playwright-prototype.json" }]],
  use: { ...CHROMIUM, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ../dist-prototype`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    // Python logs every request; the tests say what went wrong.
    stderr: "ignore",
  },
});
