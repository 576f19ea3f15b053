/**
 * Where the component gallery is served (playwright.config.ts): a build and
 * an origin of its own, apart from the ward app.
 */
export const GALLERY_ORIGIN = process.env.BEDSIDE_GALLERY_ORIGIN ?? "http://localhost:8181";

/** The gallery's address for `path` (`/gallery/button/secondary`). */
export const galleryUrl = (path: string) => new URL(path, GALLERY_ORIGIN).href;
