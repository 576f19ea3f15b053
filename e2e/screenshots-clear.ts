import { rmSync } from "node:fs";
import { GALLERY_SCREENSHOTS, SCREENSHOTS } from "./tests/screenshots";

/**
 * Before a run that takes screenshots: no screenshot of an example that no
 * longer exists. A run that takes none leaves the last ones be.
 */
export default function globalSetup() {
  if (SCREENSHOTS) rmSync(GALLERY_SCREENSHOTS, { recursive: true, force: true });
}
