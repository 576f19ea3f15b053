import { rmSync } from "node:fs";
import { GALLERY_SCREENSHOTS } from "./tests/screenshots";

/** Before the run: no screenshot of an example that no longer exists. */
export default function globalSetup() {
  rmSync(GALLERY_SCREENSHOTS, { recursive: true, force: true });
}
