import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where `make registry` writes what the app's `registry` example prints. */
export const REGISTRY_FILE = fileURLToPath(new URL("../target/registry.json", import.meta.url));

// Once per run, when the config is first loaded (before the specs are
// listed, since specs make a test per component): the app's registries
// (every component with its examples, every tool) from the app itself, for
// the specs' expected lists (tests/registry.ts). `make test` and `make check`
// write the file after the native tests have built the example; here it is
// only read, never built, so no run waits minutes on a compile before its
// first test. Workers inherit the result in their environment.
export function loadRegistryFromApp() {
  if (process.env.BEDSIDE_REGISTRY) return;
  if (!existsSync(REGISTRY_FILE)) {
    throw new Error(`registry-from-app: ${REGISTRY_FILE} is missing: run \`make registry\` (the app's registry example writes it)`);
  }
  process.env.BEDSIDE_REGISTRY = readFileSync(REGISTRY_FILE, "utf8");
}
