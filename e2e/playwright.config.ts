import { defineConfig } from "@playwright/test";
import { CHROMIUM, sandboxServer } from "./config-parts";
import { loadRegistryFromApp } from "./registry-from-app";

loadRegistryFromApp();

// The end-to-end suite runs against the release build in ../dist, served by
// the same server `make demo` uses, in Debian's Chromium (never a browser
// Playwright downloads). A port of its own, so a running demo does not clash.
const port = Number(process.env.BEDSIDE_E2E_PORT ?? 8180);
// The component gallery: a build of its own (../dist-gallery, `make
// gallery`), served under /gallery/ on another port, as a site apart from the
// ward app. Specs reach it through tests/gallery-origin.ts.
const galleryPort = Number(process.env.BEDSIDE_GALLERY_PORT ?? port + 1);
process.env.BEDSIDE_GALLERY_ORIGIN = `http://localhost:${galleryPort}`;

export default defineConfig({
  testDir: "./tests",
  // The gallery's screenshots, gathered on one page (tests/screenshots.ts).
  globalSetup: "./screenshots-clear.ts",
  globalTeardown: "./screenshots-index.ts",
  forbidOnly: !!process.env.CI,
  // A flaky test is a bug to fix, not to retry.
  retries: 0,
  workers: 2,
  timeout: 30_000,
  // The list as it runs; the JSON report for scripts/ci-timings.mjs (the
  // slowest tests in every run of `make test`).
  reporter: [["list"], ["json", { outputFile: "../target/ci/playwright.json" }]],
  use: { ...CHROMIUM, baseURL: `http://localhost:${port}` },
  webServer: [
    {
      command: `node ../scripts/serve.mjs --dir ../dist --port ${port} --config ../config/sandbox.json`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
      // Policy violations are reported to the sandbox, which tests read.
      env: { BEDSIDE_CSP_REPORT_URI: `http://localhost:${process.env.SANDBOX_FHIR_PORT ?? 8103}/_sandbox/csp-reports` },
    },
    {
      command: `node ../scripts/serve.mjs --dir ../dist-gallery --port ${galleryPort} --base /gallery/`,
      url: `http://localhost:${galleryPort}/gallery/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    sandboxServer(`http://localhost:${port}`),
  ],
});
