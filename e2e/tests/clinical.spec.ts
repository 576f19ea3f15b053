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
});
