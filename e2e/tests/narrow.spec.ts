import { test, expect, expectNoSidewaysScroll } from "./fixtures";
import { openTool, signInThroughApp } from "./pages/session";

// Every page of the app at 320 px wide (WCAG 1.4.10 Reflow: a phone, or a
// ward PC's browser zoomed to 400%) reads without scrolling sideways. The
// gallery's examples are checked in gallery.spec.ts.

test.describe("narrow screens", () => {
  test("the sign-in page, page not found, a failed sign-in, the launcher and the tools fit 320 px", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
    await expectNoSidewaysScroll(page);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expectNoSidewaysScroll(page);
    await page.goto("/auth/callback/sandbox?code=c&state=s");
    await expect(page.getByRole("alert")).toContainText("There is a problem signing in");
    await expectNoSidewaysScroll(page);

    await page.goto("/");
    await signInThroughApp(page, "nurse");
    await expect(page.getByTestId("launcher")).toBeVisible();
    await expectNoSidewaysScroll(page);

    await openTool(page, "Find a patient");
    await expectNoSidewaysScroll(page);
    // With its errors, and with results.
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
    await expectNoSidewaysScroll(page);
    await page.getByLabel("Name or NHS number").fill("a");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("patient-results").getByRole("row").nth(1)).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.goto("/gallery");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Component gallery");
    await expectNoSidewaysScroll(page);
  });

  test("a breadcrumb becomes a back link to the nearest page at 320 px, and back again when wide", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto("/gallery/breadcrumb/default");
    const trail = page.locator("[data-example] nav.nhsuk-breadcrumb");
    const back = trail.getByRole("link", { name: "Back to Hospitals" });
    await expect(trail.getByRole("list")).toBeVisible();
    await expect(back).toBeHidden();

    await page.setViewportSize({ width: 320, height: 800 });
    await expect(back).toBeVisible();
    await expect(trail.getByRole("list")).toBeHidden();
    await expectNoSidewaysScroll(page);

    await page.setViewportSize({ width: 1024, height: 800 });
    await expect(trail.getByRole("list")).toBeVisible();
    await expect(back).toBeHidden();
  });

  test("tabs are a list of links to every panel at 320 px, and tabs again when wide", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto("/gallery/tabs/patient-record");
    const tabs = page.locator("[data-example] .nhsuk-tabs");
    await expect(tabs.getByRole("tablist")).toBeVisible();
    await tabs.getByRole("tab", { name: "Results" }).click();
    await expect(tabs.getByRole("tabpanel")).toHaveText("Haemoglobin 128 g/L (normal) on 20-Nov-2026.");
    await expect(tabs.getByText("NEWS2 score 3")).toBeHidden();

    await page.setViewportSize({ width: 320, height: 800 });
    await expect(tabs.getByRole("tablist")).toHaveCount(0);
    await expect(tabs.getByRole("heading", { name: "Sections of the record" })).toBeVisible();
    for (const text of ["NEWS2 score 3", "Haemoglobin 128", "Paracetamol 1 g"]) await expect(tabs.getByText(text)).toBeVisible();
    await expectNoSidewaysScroll(page);

    // Wide again, on the tab last chosen.
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect(tabs.getByRole("tab", { name: "Results", selected: true })).toBeVisible();
    await expect(tabs.getByText("NEWS2 score 3")).toBeHidden();
  });
});
