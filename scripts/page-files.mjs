// Page files for single-page apps on static hosts: a copy of the app's
// index.html at each address it answers, so a host without a fallback to
// index.html (`python3 -m http.server`, a plain file share) serves a reload
// or a shared link. The docs site's gallery (check-links.mjs --spa) and the
// prototype folder (prototype-assets.mjs) both write them.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** The gallery's addresses below it: each component's page and each example's. */
export function galleryPaths(registry) {
  return registry.components.flatMap((c) => [c.slug, ...c.examples.map((e) => `${c.slug}/${e.name}`)]);
}

/** Copies `index` to `<dir>/<path>/index.html` for each path; returns how many. */
export function writePageFiles(dir, index, paths) {
  for (const path of paths) {
    mkdirSync(join(dir, path), { recursive: true });
    copyFileSync(index, join(dir, path, "index.html"));
  }
  return paths.length;
}
