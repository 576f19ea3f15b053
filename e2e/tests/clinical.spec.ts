import { test, expect, expectAccessible } from "./fixtures";
import { GalleryPage } from "./pages/gallery";

// The clinical components in the real app's gallery: what they show and
// what they refuse. Every example also gets axe and a page of its own in
// gallery.spec.ts, from the registry.

test.describe("clinical components", () => {
  test("a hostile narrative shows its text only: no script runs, nothing loads, no CSP violation", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery");
    const origin = new URL(page.url()).origin;
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) outside.push(r.url());
    });
    await gallery.open("/gallery/narrative/hostile");
    const narrative = gallery.main.locator("[data-example] .bedside-narrative");
    await expect(narrative).toContainText("Plain text after the attacks.");
    await expect(narrative).toContainText("Discharge summary for Jane Doe.");
    await expect(narrative).toContainText("[image: Chest X-ray]");
    // Give any handler that slipped through time to fire.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __narrativeRan?: string }).__narrativeRan)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(outside, "nothing fetched from elsewhere").toEqual([]);
    const html = await narrative.innerHTML();
    for (const gone of ["<script", "onerror", "onclick", "javascript:", "style=", "<iframe", "<form", "<svg", "<math", 'id="maincontent"']) {
      expect(html, `${gone} removed`).not.toContain(gone);
    }
    // The page-covering style was dropped: the paragraph is in the flow.
    const followUp = narrative.getByText("Follow up in clinic.");
    await expect(followUp).toHaveCSS("position", "static");
    await expectAccessible(page);
  });

  test("the patient banner shows the CUI's values and allergy states", async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery/patient-banner");
    const banner = (title: string) =>
      gallery.main.getByRole("region", { name: title, exact: true }).getByRole("region", { name: "Patient" });
    const listed = banner("Allergies listed");
    await expect(listed).toContainText("OKAFOR, Adaeze Grace (Mrs)");
    await expect(listed).toContainText("999 000 1235");
    await expect(listed).toContainText("Penicillin, Latex");
    // Contact details wait behind a details element that opens from the keyboard.
    await expect(listed.getByText("Calder Valley Medical Practice")).toBeHidden();
    await listed.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(listed.getByText("Calder Valley Medical Practice")).toBeVisible();
    await expect(banner("No known allergies")).toContainText("No known allergies");
    await expect(banner("Missing details")).toContainText("Allergies not recorded");
    await expect(banner("Unable to assess allergies")).toContainText("Unable to assess allergies");
    await expect(banner("Deceased")).toContainText("Died 19-Nov-2026 03:40");
    await expectAccessible(page);
  });

  test("the ward list of 10,000 draws only what is in view, scrolls from the keyboard and sorts", async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery/ward-list/large");
    const list = gallery.main.locator("[data-example] .bedside-ward-list");
    const region = list.getByRole("region", { name: "Every inpatient: 10000 patients" });
    const table = region.getByRole("table");
    await expect(table).toHaveAttribute("aria-rowcount", "10001");
    const drawn = () => table.locator("tbody tr[aria-rowindex]");
    expect(await drawn().count()).toBeLessThan(60);
    // Sickest first: the first row's NEWS2 says high risk, in words.
    await expect(drawn().first()).toContainText("high risk");

    // The keyboard scrolls the region; the rows in view are drawn as it goes.
    await region.focus();
    await page.keyboard.press("End");
    await expect(table.locator('tr[aria-rowindex="10001"]')).toBeVisible();
    expect(await drawn().count()).toBeLessThan(60);
    await page.keyboard.press("Home");
    await expect(table.locator('tr[aria-rowindex="2"]')).toBeVisible();
    // Tab reaches the sort buttons in the heading, then the patients' links.
    await page.keyboard.press("Tab");
    await expect(table.getByRole("button", { name: "Bed" })).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    await expect(table.locator('tr[aria-rowindex="2"] a')).toBeFocused();

    // Sorting is a button in the heading, said by aria-sort and announced.
    const bed = table.getByRole("button", { name: "Bed" });
    await bed.click();
    await expect(table.getByRole("columnheader", { name: "Bed" })).toHaveAttribute("aria-sort", "ascending");
    await expect(list.getByRole("status")).toHaveText("Sorted by Bed (ascending)");
    await expect(drawn().first()).toContainText("Bay 1, bed 1");
    await expectAccessible(page);
  });
});

