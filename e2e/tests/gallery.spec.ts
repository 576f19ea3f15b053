import { test, expect, expectAccessible } from "./fixtures";
import { GalleryPage } from "./pages/gallery";
import { registry } from "./registry";

// The gallery against the registry it renders (bedside::docs::COMPONENTS,
// read from the app itself): every component, every visible example in the
// list, every example (hidden ones included) on a page of its own, and axe on
// every one of those pages.

test.describe("component gallery", () => {
  test("lists every registered component with its visible examples, and passes axe", async ({ page }) => {
    const { components } = registry();
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery");

    await expect(page).toHaveTitle("Component gallery – Bedside");
    await expect(gallery.componentNav.getByRole("link")).toHaveText(components.map((c) => c.title));
    for (const component of components) {
      const section = gallery.main.getByRole("region", { name: component.title, exact: true });
      const visible = component.examples.filter((e) => !e.hidden);
      await expect(section.locator("[data-example]"), `${component.slug}'s examples in the list`).toHaveCount(visible.length);
      for (const example of visible) {
        await expect(section.locator(`[data-example="${example.name}"]`)).not.toBeEmpty();
      }
      for (const example of component.examples.filter((e) => e.hidden)) {
        await expect(section.locator(`[data-example="${example.name}"]`), "hidden examples stay out of the list").toHaveCount(0);
      }
    }
    const secondary = gallery.main.getByRole("region", { name: "Secondary", exact: true });
    await expect(secondary.getByRole("button", { name: "Find my location" })).toHaveClass(
      "nhsuk-button nhsuk-button--secondary",
    );
    await expectAccessible(page);
  });

  test("every component's page and every example's own page, hidden ones included, pass axe", async ({ page }) => {
    test.setTimeout(180_000);
    const { components } = registry();
    const gallery = new GalleryPage(page);
    expect(await gallery.componentPaths()).toEqual(components.map((c) => `/gallery/${c.slug}`));

    for (const component of components) {
      const componentPath = `/gallery/${component.slug}`;
      const examplePaths = await gallery.examplePaths(componentPath);
      // The component's own page, now open: checked before its examples.
      await expect(page).toHaveTitle(`${component.title} – Component gallery – Bedside`);
      await expect(gallery.heading).toHaveText(component.title);
      await expectAccessible(page);
      // Visible examples first, in gallery order, then the test-only ones.
      const expected = [...component.examples.filter((e) => !e.hidden), ...component.examples.filter((e) => e.hidden)];
      expect(examplePaths).toEqual(expected.map((e) => `${componentPath}/${e.name}`));

      for (const example of component.examples) {
        await gallery.open(`${componentPath}/${example.name}`);
        await expect(page).toHaveTitle(`${component.title}: ${example.title} – Component gallery – Bedside`);
        await expect(gallery.main.locator(`[data-example="${example.name}"]`)).not.toBeEmpty();
        await expectAccessible(page);
      }
    }
  });
});
