import { writeScreenshotIndex } from "./tests/screenshots";

/** After the run: the gallery screenshots' contact sheet. */
export default function globalTeardown() {
  const count = writeScreenshotIndex();
  if (count) console.log(`gallery screenshots: ${count} in e2e/screenshots/gallery (open index.html)`);
}
