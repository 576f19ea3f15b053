import { test, expect, expectAccessible } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { GalleryPage } from "./pages/gallery";
import { galleryUrl } from "./gallery-origin";

test.describe("page not found", () => {
  // The ward app has no gallery: its addresses are unknown there.
  for (const path of ["/no-such-page", "/gallery", "/gallery/button/secondary"]) {
    test(`${path} explains itself, links home and passes axe`, async ({ page }) => {
      const shell = new AppShell(page);
      await shell.open(path);

      await expect(shell.heading).toHaveText("Page not found");
      await expect(page).toHaveTitle("Page not found – Bedside");
      await expect(shell.main.getByRole("link", { name: "go to the Bedside start page" })).toHaveAttribute("href", "/");
      await expectAccessible(page);
    });
  }

  for (const path of ["/gallery/no-such-component", "/gallery/button/no-such-example", "/gallery/button/secondary/extra"]) {
    test(`the gallery's ${path} explains itself, links to the gallery and passes axe`, async ({ page }) => {
      const gallery = new GalleryPage(page);
      await gallery.open(path);

      await expect(gallery.heading).toHaveText("Page not found");
      await expect(page).toHaveTitle("Page not found – Bedside");
      await expect(gallery.main.getByRole("link", { name: "go to the component gallery" })).toHaveAttribute("href", "/gallery");
      await expectAccessible(page);
    });
  }

  test("the gallery's server sends any other address to the gallery", async ({ request }) => {
    const response = await request.get(galleryUrl("/find-patient"), { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe("/gallery/");
  });

  test("a missing asset is a real 404, not the app", async ({ request }) => {
    const response = await request.get("/missing-file.js");
    expect(response.status()).toBe(404);
  });
});
