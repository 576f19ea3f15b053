import { test, expect, expectAccessible } from "./fixtures";
import { GalleryPage } from "./pages/gallery";

test.describe("component gallery", () => {
  test("lists every component with its examples and passes axe", async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery");

    await expect(page).toHaveTitle("Component gallery – Bedside");
    for (const name of ["Button", "Header", "Footer", "Skip link"]) {
      await expect(gallery.componentNav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    const button = gallery.main.getByRole("region", { name: "Secondary", exact: true });
    await expect(button.getByRole("button", { name: "Find my location" })).toHaveClass(
      "nhsuk-button nhsuk-button--secondary",
    );
    await expectAccessible(page);
  });

  test("every example, hidden ones included, has a page that passes axe", async ({ page }) => {
    test.setTimeout(120_000);
    const gallery = new GalleryPage(page);
    const components = await gallery.componentPaths();
    expect(components).toEqual(["/gallery/button", "/gallery/header", "/gallery/footer", "/gallery/skip-link"]);

    let checked = 0;
    for (const componentPath of components) {
      await expectAccessible(page);
      const examples = await gallery.examplePaths(componentPath);
      expect(examples.length, `${componentPath} examples`).toBeGreaterThan(0);
      for (const examplePath of examples) {
        await gallery.open(examplePath);
        await expect(gallery.main.locator("[data-example]")).not.toBeEmpty();
        await expectAccessible(page);
        checked += 1;
      }
    }
    // Button alone has ten visible examples and one hidden one.
    expect(checked).toBeGreaterThanOrEqual(14);
  });
});
