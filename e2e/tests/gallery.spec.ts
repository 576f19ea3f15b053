import { test, expect, expectAccessible, expectNoSidewaysScroll, expectStyled, NARROWEST } from "./fixtures";
import { GALLERY_SCREENSHOTS, SCREENSHOTS } from "./screenshots";
import { GalleryPage } from "./pages/gallery";
import { registry } from "./registry";

// The gallery against the registry it renders (bedside::gallery::INDEX,
// read from the app itself): every component, its visible examples listed
// by name, every example (hidden ones included) on its component's page and
// a page of its own, and axe on every page that draws one. A component's
// examples are code of their own, fetched when its page opens.

test.describe("component gallery", () => {
  test("lists every registered component with links to its visible examples, and passes axe", async ({ page }) => {
    const { components } = registry();
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery");

    await expect(page).toHaveTitle("Component gallery – Bedside");
    await expect(gallery.componentNav.getByRole("link")).toHaveText(components.map((c) => c.title));
    // Each component's section lists its visible examples, in order, each
    // linking to its own page; hidden examples stay out of the list. Read
    // in one pass: the registry grows, and a locator per link outgrew the
    // test's time.
    const listed = await gallery.main.locator("section[aria-labelledby]").evaluateAll((sections) =>
      sections.map((s) => ({
        title: s.querySelector("h2")?.textContent?.trim() ?? "",
        links: [...s.querySelectorAll("[data-example-link]")].map((li) => [
          li.getAttribute("data-example-link"),
          li.querySelector("a")?.getAttribute("href"),
        ]),
      })),
    );
    expect(listed).toEqual(
      components.map((c) => ({
        title: c.title,
        links: c.examples.filter((e) => !e.hidden).map((e) => [e.name, `/gallery/${c.slug}/${e.name}`]),
      })),
    );
    await expectAccessible(page);
  });

  test("a component's page fetches its section's examples, and no other section's", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith(".wasm")) fetched.push(path);
    });
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery");
    await expect(gallery.heading).toHaveText("Component gallery");
    const beforeButton = fetched.length;
    // Every section's split file (the button is page furniture).
    const sections = /split_(page_furniture|questions|choices|clinical|patient_record)-/;
    expect(fetched.filter((p) => sections.test(p)), "no examples with the list").toEqual([]);

    await gallery.main.getByRole("heading", { name: "Button", exact: true }).getByRole("link").click();
    const secondary = gallery.main.getByRole("region", { name: "Secondary", exact: true });
    await expect(secondary.getByRole("button", { name: "Find my location" })).toHaveClass(
      "nhsuk-button nhsuk-button--secondary",
    );
    const forButton = fetched.slice(beforeButton);
    expect(forButton.some((p) => /split_page_furniture-/.test(p)), "the button's section was fetched").toBe(true);
    expect(forButton.filter((p) => /split_(questions|choices|clinical|patient_record)-/.test(p)), "other sections were not").toEqual([]);
  });

  test("examples are drawn with nhsuk-frontend's styles", async ({ page }) => {
    const gallery = new GalleryPage(page);
    // The error summary's border is nhsuk-frontend's error colour (#d5281b).
    await gallery.open("/gallery/error-summary/default");
    const summary = gallery.main.locator("[data-example] .nhsuk-error-summary");
    // On its own page it takes focus, and focused it wears the focus colours.
    await expect(summary).toBeFocused();
    await expect(summary).toHaveCSS("border-top-color", "rgb(33, 43, 50)");
    await summary.evaluate((el) => (el as HTMLElement).blur());
    await expect(summary).toHaveCSS("border-top-color", "rgb(213, 40, 27)");
    await expect(summary).toHaveCSS("border-top-width", "4px");
    // A follow-up question stays hidden until its answer is chosen.
    await gallery.open("/gallery/radios/conditional");
    const example = gallery.main.locator("[data-example]");
    await expect(example.getByLabel("Email address")).toBeHidden();
    await example.getByLabel("Email", { exact: true }).check();
    await expect(example.getByLabel("Email address")).toBeVisible();
  });

  test("form controls work from the keyboard alone", async ({ page }) => {
    const gallery = new GalleryPage(page);
    const example = gallery.main.locator("[data-example]");

    // Radios: Space chooses and reveals; the arrow keys move the choice on,
    // and the revealed question goes with it.
    await gallery.open("/gallery/radios/conditional");
    await example.getByLabel("Email", { exact: true }).focus();
    await page.keyboard.press("Space");
    await expect(example.getByLabel("Email address")).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(example.getByLabel("Phone", { exact: true })).toBeChecked();
    await expect(example.getByLabel("Email address")).toBeHidden();
    await expect(example.getByLabel("Phone number", { exact: true })).toBeVisible();

    // Checkboxes: Space checks; the exclusive answer clears the others.
    await gallery.open("/gallery/checkboxes/none");
    await example.getByLabel("Email").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await expect(example.getByLabel("Phone")).toBeChecked();
    await example.getByLabel("I do not want to be contacted").focus();
    await page.keyboard.press("Space");
    await expect(example.getByLabel("I do not want to be contacted")).toBeChecked();
    await expect(example.getByLabel("Email")).not.toBeChecked();
    await expect(example.getByLabel("Phone")).not.toBeChecked();

    // Password: the Show button from the keyboard.
    await gallery.open("/gallery/password-input/default");
    await example.getByLabel("Password", { exact: true }).fill("correct horse");
    await page.keyboard.press("Tab");
    await expect(example.getByRole("button", { name: "Show password" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(example.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
    await expect(example.getByRole("button", { name: "Hide password" })).toBeFocused();

    // Character count: typing counts.
    await gallery.open("/gallery/character-count/default");
    await example.getByRole("textbox").focus();
    await page.keyboard.type("Fell at home");
    await expect(example.locator(".nhsuk-character-count__status")).toHaveText("You have 188 characters remaining");
  });

  test("links to every component's page, in the registry's order", async ({ page }) => {
    const gallery = new GalleryPage(page);
    expect(await gallery.componentPaths()).toEqual(registry().components.map((c) => `/gallery/${c.slug}`));
  });

  // One test per component, by page shape rather than page count: its page,
  // where every visible example is drawn, and the own page of each example
  // kept off it (test-only), pass axe, are drawn with nhsuk-frontend's
  // styles and do not scroll sideways at 320 px. A visible example's own
  // page shows the same markup as its frame (only focus on appearing
  // differs, ExampleFrame's AmongOthers), so checking it again there would
  // check nothing new.
  for (const component of registry().components) {
    test(`${component.title}: its page with every visible example, and each test-only example's own page, pass axe, are styled and fit 320 px`, async ({ page }) => {
      // About 15 s for the largest (Header, Table) with the machine loaded.
      test.setTimeout(60_000);
      const gallery = new GalleryPage(page);
      const componentPath = `/gallery/${component.slug}`;
      const examplePaths = await gallery.examplePaths(componentPath);
      await expect(page).toHaveTitle(`${component.title} – Component gallery – Bedside`);
      await expect(gallery.heading).toHaveText(component.title);
      // Visible examples first, in gallery order, then the test-only ones.
      const visible = component.examples.filter((e) => !e.hidden);
      const hidden = component.examples.filter((e) => e.hidden);
      expect(examplePaths).toEqual([...visible, ...hidden].map((e) => `${componentPath}/${e.name}`));
      // Every visible example drawn here: an element at least (a picture
      // alone has no text), in its own frame.
      const drawn = await gallery.main.locator("[data-example]").evaluateAll((frames) =>
        frames.filter((f) => f.firstElementChild !== null).map((f) => f.getAttribute("data-example")),
      );
      expect(drawn).toEqual(visible.map((e) => e.name));
      await expectAccessible(page);
      await expectStyled(page, "[data-example]");
      // The frame round each example: the gallery's own stylesheet
      // (bedside-gallery.css), which a ward build never links.
      const framePadding = await gallery.main.locator("[data-example]").first().evaluate((f) => getComputedStyle(f).paddingTop);
      expect(framePadding, "the example frame's styles").not.toBe("0px");
      await expectNoSidewaysScroll(page);

      for (const example of hidden) {
        await gallery.open(`${componentPath}/${example.name}`);
        await expect(page).toHaveTitle(`${component.title}: ${example.title} – Component gallery – Bedside`);
        await expect(gallery.main.locator(`[data-example="${example.name}"] > *`).first()).toBeAttached();
        await expectAccessible(page);
        await expectStyled(page, `[data-example="${example.name}"]`);
        await expectNoSidewaysScroll(page);
      }
    });
  }

  // For designers to look over, not compared: every example's own page at
  // the narrowest width and a ward PC's, on one contact sheet
  // (e2e/screenshots/gallery/index.html). Only when asked for
  // (`SCREENSHOTS=1 make check SPEC=gallery`): 658 full pages compared with
  // nothing are not a test.
  if (SCREENSHOTS) {
    for (const component of registry().components) {
      test(`${component.title}: every example's own page at ${NARROWEST} and 1024 px`, async ({ page }) => {
        test.setTimeout(120_000);
        const gallery = new GalleryPage(page);
        for (const example of component.examples) {
          await gallery.open(`/gallery/${component.slug}/${example.name}`);
          await expect(gallery.main.locator(`[data-example="${example.name}"] > *`).first()).toBeAttached();
          for (const width of [NARROWEST, 1024]) {
            await page.setViewportSize({ width, height: 800 });
            await page.screenshot({
              path: `${GALLERY_SCREENSHOTS}/${component.slug}/${example.name}-${width}.png`,
              fullPage: true,
              animations: "disabled",
            });
          }
        }
      });
    }
  }
});
