import type { PlaywrightTestOptions, PlaywrightWorkerOptions } from "@playwright/test";

// What the Playwright configurations here (the app's, the starter's) share.

/** Debian's Chromium (never a browser Playwright downloads), headless. */
export const CHROMIUM: Partial<PlaywrightTestOptions & PlaywrightWorkerOptions> = {
  browserName: "chromium",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
  trace: "retain-on-failure",
};

/**
 * The sandbox FHIR and sign-on servers (Node 22, installed in e2e/), for
 * an app on `appOrigin` (CORS and the registered redirect addresses).
 */
export function sandboxServer(appOrigin: string) {
  return {
    command: "node_modules/.bin/node sandbox/start.mjs",
    url: `http://localhost:${process.env.SANDBOX_FHIR_PORT ?? 8103}/fhir/R4/metadata`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { SANDBOX_APP_ORIGINS: appOrigin },
  };
}
