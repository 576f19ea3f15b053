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
    // Any handler that slipped through would fire on an image's load or
    // error (or be refused by the CSP, which the fixture hears of): wait for
    // every image on the page to have fired one, then a turn of the event
    // loop for the handlers, rather than for a fixed time.
    await page.evaluate(async () => {
      const settled = (img: HTMLImageElement) =>
        img.complete ? null : new Promise((done) => ["load", "error"].forEach((e) => img.addEventListener(e, done, { once: true })));
      await Promise.all(Array.from(document.images, settled));
      await new Promise((done) => setTimeout(done, 0));
    });
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
  test("patient search asks for an NHS number, or a name with a date of birth, and says what is missing", async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery/patient-search/default");
    const example = gallery.main.locator("[data-example]");
    const search = example.getByRole("button", { name: "Search" });
    const summary = example.locator(".nhsuk-error-summary");
    const asked = example.getByText(/^Would search:/);

    await search.click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter an NHS number, or a family name and date of birth");
    await expect(asked).toHaveCount(0);

    // A mistyped number is the number's problem, never a search by name.
    await example.getByLabel("NHS number").fill("943 476 5918");
    await example.getByLabel("Family name").fill("Okafor");
    await search.click();
    await expect(summary).toContainText("943 476 5918 is not a valid NHS number: check the digits");
    await expect(asked).toHaveCount(0);

    // A name needs a date of birth; the summary's link goes to its day.
    await example.getByLabel("NHS number").fill("");
    await search.click();
    await summary.getByRole("link", { name: "Enter the date of birth to search by name" }).click();
    await expect(example.getByLabel("Day")).toBeFocused();
    await example.getByLabel("Day").fill("9");
    await example.getByLabel("Month").fill("3");
    await example.getByLabel("Year").fill("1948");
    await search.click();
    await expect(asked).toHaveText("Would search: Patient?family=Okafor&birthdate=1948-03-09");
    await expect(summary).toHaveCount(0);

    // An NHS number names the patient: the rest is not needed.
    await example.getByLabel("NHS number").fill("943-476-5919");
    await search.click();
    await expect(asked).toHaveText("Would search: Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919");
    await expectAccessible(page);
  });

  test("results, allergies, problems and encounters read in words, and a failed fetch never reads as none", async ({ page }) => {
    const gallery = new GalleryPage(page);
    const region = (title: string) => gallery.main.getByRole("region", { name: title, exact: true });
    await gallery.open("/gallery/results-table");
    const bloods = region("Blood tests with flags and trends");
    const potassium = bloods.getByRole("row").filter({ hasText: "Potassium" });
    await expect(potassium).toContainText("6.4 mmol/L");
    await expect(potassium).toContainText("Critically high");
    await expect(potassium).toContainText("Up from 5.1 mmol/L on 20-Nov-2026 07:05");
    await expect(region("A preliminary report with gaps")).toContainText("1 result in this report could not be shown");
    await expect(region("Could not be read")).toContainText("Results could not be checked");
    await expect(region("None recorded")).toHaveText(/No results recorded\./);
    await expectAccessible(page);

    await gallery.open("/gallery/allergy-list");
    await expect(region("Allergies listed").getByRole("listitem").first()).toContainText("Penicillin");
    await expect(region("Not recorded")).toContainText("Allergies not recorded");
    await expect(region("Could not be read")).toContainText("Allergies could not be checked");
    await expect(region("Could not be read")).not.toContainText("not recorded");

    await gallery.open("/gallery/problem-list");
    await expect(region("Current and past problems").getByRole("heading", { name: "Past problems", exact: true })).toBeVisible();
    await gallery.open("/gallery/encounter-timeline");
    await expect(region("An admission and earlier encounters").getByRole("listitem").nth(1)).toContainText("Inpatient stay");
  });
});

