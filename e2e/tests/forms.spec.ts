import { test, expect, expectAccessible } from "./fixtures";
import { openTool, signInThroughApp } from "./pages/session";

// Forms in the app, as NHS.UK's error pattern has them: nothing wrong is
// shown until the form is submitted; then an error summary at the top takes
// focus and links to each field, the field says what is wrong, and the
// messages follow the user's corrections.

test.describe("forms", () => {
  test("an empty search says what to enter; the summary's link leads to the field; a corrected search runs", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    const field = page.getByLabel("Name or NHS number");
    const summary = page.locator(".nhsuk-error-summary");
    await expect(summary, "no error before the form is submitted").toHaveCount(0);

    const searches: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/Patient?")) searches.push(r.url());
    });
    await page.getByRole("button", { name: "Search" }).click();

    // The summary takes focus and names the problem; the field says it too.
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("alert")).toContainText("There is a problem");
    const link = summary.getByRole("link", { name: "Enter a name or NHS number to search for" });
    await expect(link).toHaveAttribute("href", "#find-patient");
    await expect(page.locator("#find-patient-error")).toHaveText("Error: Enter a name or NHS number to search for");
    await expect(field).toHaveAttribute("aria-describedby", "find-patient-hint find-patient-error");
    expect(searches, "nothing is searched for").toEqual([]);
    await expectAccessible(page);

    // The link moves focus to the field, without leaving the page.
    await link.click();
    await expect(field).toBeFocused();
    expect(new URL(page.url()).pathname).toBe("/find-patient");

    // Correcting the answer clears the error at once; the search runs.
    await field.fill("a");
    await expect(page.locator("#find-patient-error")).toHaveCount(0);
    await expect(summary).toBeHidden();
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("patient-results").getByRole("row").nth(1)).toBeVisible();
    expect(searches.length).toBe(1);

    // Emptied and submitted again: the summary comes back, and takes focus again.
    await field.fill("   ");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(summary).toBeFocused();
    await expect(page.locator("#find-patient-error")).toBeVisible();
  });

  test("a search with mistakes: the summary links to each field and to the date's first part; corrected, it finds the patient", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    const query = page.getByLabel("Name or NHS number");
    const search = page.getByRole("button", { name: "Search" });
    const results = page.getByTestId("patient-results");

    // A patient to look for: the first that a name search lists.
    await query.fill("a");
    await search.click();
    const first = results.getByRole("row").nth(1).getByRole("cell");
    await expect(first.first()).not.toBeEmpty();
    const nhs = (await first.nth(1).innerText()).trim();
    // The date of birth as the CUI shows it: 07-Feb-1989.
    const born = (await first.nth(2).innerText()).match(/(\d{2})-([A-Z][a-z]{2})-(\d{4})/);
    expect(born).not.toBeNull();
    const [, dd, mon, year] = born ?? [];
    const day = String(Number(dd));
    const month = String(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].indexOf(mon) + 1);
    expect(nhs).toMatch(/^\d{3} \d{3} \d{4}$/);

    // Mistakes: the NHS number's last digit mistyped, and the 31st of February.
    const last = Number(nhs.at(-1));
    const mistyped = `${nhs.slice(0, -1)}${(last + 1) % 10}`;
    const invalid = `${mistyped} is not a valid NHS number: check the digits, one may be wrong or swapped`;
    await query.fill(mistyped);
    const dob = page.getByRole("group", { name: "Date of birth (optional)" });
    await dob.getByLabel("Day").fill("31");
    await dob.getByLabel("Month").fill("2");
    await dob.getByLabel("Year").fill(year);
    const searches: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/Patient?")) searches.push(decodeURIComponent(r.url()));
    });
    await search.click();

    // The summary takes focus and lists each problem in page order.
    const summary = page.locator(".nhsuk-error-summary");
    await expect(summary).toBeFocused();
    const links = summary.getByRole("link");
    await expect(links).toHaveText([invalid, "Date of birth must be a real date"]);
    await expect(links.nth(0)).toHaveAttribute("href", "#find-patient");
    await expect(links.nth(1)).toHaveAttribute("href", "#find-patient-dob-day");
    // Each field says what is wrong, and is described by it.
    await expect(page.locator("#find-patient-error")).toHaveText(`Error: ${invalid}`);
    await expect(page.locator("#find-patient-dob-error")).toHaveText("Error: Date of birth must be a real date");
    await expect(dob).toHaveAttribute("aria-describedby", "find-patient-dob-hint find-patient-dob-error");
    for (const part of ["Day", "Month", "Year"]) await expect(dob.getByLabel(part)).toHaveClass(/nhsuk-input--error/);
    await expect(results, "the last results are not shown beside errors").toHaveCount(0);
    expect(searches, "nothing is searched for").toEqual([]);
    await expectAccessible(page);

    // The date's link leads to its first part to correct.
    await links.nth(1).click();
    await expect(dob.getByLabel("Day")).toBeFocused();

    // Corrections clear each error as it is made.
    await dob.getByLabel("Day").fill(day);
    await dob.getByLabel("Month").fill(month);
    await expect(page.locator("#find-patient-dob-error")).toHaveCount(0);
    await expect(links).toHaveText([invalid]);
    await query.fill(nhs);
    await expect(summary).toBeHidden();
    await search.click();
    // innerText: the stacked layout's copy of each heading is not shown at this width.
    await expect(results.getByRole("row").nth(1).getByRole("cell").nth(1)).toHaveText(nhs, { useInnerText: true });
    expect(searches).toHaveLength(1);
    expect(searches[0]).toContain(`identifier=https://fhir.nhs.uk/Id/nhs-number|${nhs.replace(/ /g, "")}`);
    expect(searches[0]).toContain(`birthdate=${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`);

    // Nothing found is an answer, said as one: not a blank, not an error.
    await query.fill("Zzyzx");
    for (const part of ["Day", "Month", "Year"]) await dob.getByLabel(part).fill("");
    await search.click();
    await expect(results.getByRole("heading", { name: "No patients match" })).toBeVisible();
    await expect(results.getByRole("status")).toContainText("Check the spelling");
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
});
