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
});
