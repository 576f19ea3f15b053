import { test, expect, expectAccessible, expectNoSidewaysScroll, NARROWEST } from "./fixtures";
import { openTool, signInThroughApp } from "./pages/session";
import { galleryUrl } from "./gallery-origin";

// Every page of the app at 320 px wide (WCAG 1.4.10 Reflow: a phone, or a
// ward PC's browser zoomed to 400%) reads without scrolling sideways. The
// gallery's examples are checked in gallery.spec.ts.

test.describe("narrow screens", () => {
  test("the sign-in page, page not found, a failed sign-in, the launcher and the tools fit 320 px", async ({ page }) => {
    // A patient's pages read many searches from the sandbox's slow server.
    test.slow();
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

    // A patient's pages, with the banner, and a ward.
    await page.getByTestId("patient-results").getByRole("row").nth(1).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: "Stays and visits" })).toBeVisible();
    // The sandbox's FHIR server is slow to search (patients.spec.ts).
    await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 20_000 });
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: "All results, with their history" }).click();
    await expect(page.locator("caption", { hasText: "Full blood count" }).first()).toBeVisible({ timeout: 20_000 });
    await expectNoSidewaysScroll(page);
    await page.goto("/ward-list?ward=ward-7");
    await expect(page.getByTestId("ward-list").locator("tbody tr[aria-rowindex]").first()).toBeVisible({ timeout: 20_000 });
    await expectNoSidewaysScroll(page);

    await page.goto(galleryUrl("/gallery"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Component gallery");
    await expectNoSidewaysScroll(page);
  });

  test("a breadcrumb becomes a back link to the nearest page at 320 px, and back again when wide", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(galleryUrl("/gallery/breadcrumb/default"));
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
    await page.goto(galleryUrl("/gallery/tabs/patient-record"));
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

  test("the header's navigation moves what does not fit into a More menu and back as the window widens, and the menu works from the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(galleryUrl("/gallery/header/with-navigation"));
    const nav = page.locator("[data-example] nav.nhsuk-header__navigation");
    const bar = nav.locator(".nhsuk-header__navigation-list > .nhsuk-header__navigation-item");
    const more = nav.getByRole("button", { name: "Browse More" });
    const menu = nav.locator(".nhsuk-header__menu-list");
    await expect(bar).toHaveCount(7);
    await expect(more).toBeHidden();

    await page.setViewportSize({ width: NARROWEST, height: 800 });
    await expect(more).toBeVisible();
    const inBar = await bar.count();
    expect(inBar, "some sections stay in the bar, some move").toBeLessThan(7);
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expectNoSidewaysScroll(page);

    // The keyboard: Enter opens, Tab goes into the menu, Escape closes and
    // returns to the button.
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("link")).toHaveCount(7 - inBar);
    await expect(menu.getByRole("link").last()).toHaveText("Reports");
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    await expect(menu.getByRole("link").first()).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();

    // A click elsewhere closes it too.
    await more.click();
    await expect(menu).toBeVisible();
    await page.locator("main").click({ position: { x: 5, y: 5 } });
    await expect(menu).toBeHidden();

    // Wide again: every section back in the bar, no menu.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(bar).toHaveCount(7);
    await expect(more).toBeHidden();
  });
});
