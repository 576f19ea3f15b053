import type { BrowserContext, Page, Response } from "@playwright/test";
import { test, expect, expectAccessible, takeExpectedProblems } from "./fixtures";
import { backFromSignOut, signInThroughApp } from "./pages/session";
import { fhir, FHIR_BASE, ISSUER } from "./sandbox/smart";

// Other vendors' SMART apps opened from Bedside (docs/apps.md): the
// sandbox's "Fluid balance chart" (e2e/sandbox/vendor-app, npm fhirclient,
// its own origin and client id) launched for a patient through the sign-in
// service's launch-context endpoint, with no second sign-in.

test.describe.configure({ timeout: 90_000 });
const READ = { timeout: 20_000 };
const VENDOR_ORIGIN = `http://localhost:${process.env.SANDBOX_VENDOR_APP_PORT ?? 8107}`;
const APP = "Fluid balance chart";

/**
 * Every page of the sign-in service the browser shows (a navigation it
 * answers with a page, not a redirect): a sign-in or consent page.
 */
function signInPagesShown(context: BrowserContext) {
  const shown: string[] = [];
  context.on("response", (r: Response) => {
    if (r.request().isNavigationRequest() && r.url().startsWith(ISSUER) && r.status() === 200) shown.push(r.url());
  });
  return shown;
}

/** The vendor app's own access token, from fhirclient's state in its tab. */
async function vendorToken(vendor: Page) {
  return vendor.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? "null");
    return JSON.parse(sessionStorage.getItem(key) ?? "{}").tokenResponse as { access_token: string; patient: string; scope: string };
  });
}

test.describe("other vendors' apps", () => {
  test("one sign-in: the nurse opens a patient's fluid balance chart from their summary, no sign-in page anywhere, patient-scoped, and Bedside's sign-out ends it", async ({ page, context, request, pageProblems }) => {
    const shown = signInPagesShown(context);
    const token = await signInThroughApp(page, "nurse");
    const signedInPages = shown.length;

    // The launcher lists the app beside the tools, and says where it opens from.
    const launcherApps = page.getByTestId("other-apps");
    await expect(launcherApps.getByRole("heading", { name: APP })).toBeVisible();
    await expect(launcherApps).toContainText("Open it from a patient's pages");

    const id = "patient-00003";
    const patient = await (await fhir(request, token.access_token, `Patient/${id}`)).json();
    const family = patient.name[0].family as string;
    const nhs = patient.identifier.find((i: { system: string }) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value as string;
    await page.goto(`/summary?patient=${id}`);
    await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText(family.toUpperCase(), READ);
    const apps = page.getByTestId("other-apps");
    await expect(page.getByRole("heading", { level: 2, name: "Open this patient in another app" })).toBeVisible();
    await apps.getByText(`What ${APP} can do with your sign-in`).click();
    await expect(apps).toContainText("read and search this patient's Observation records");
    await expectAccessible(page);

    // Nothing of Bedside's goes into the app's address: the FHIR base and the handle only.
    const launched = context.waitForEvent("request", (r) => r.url().startsWith(`${VENDOR_ORIGIN}/launch.html`));
    const tab = context.waitForEvent("page");
    await apps.getByRole("button", { name: `Open in ${APP}` }).click();
    const vendor = await tab;
    const launch = new URL((await launched).url());
    expect([...launch.searchParams.keys()].sort()).toEqual(["iss", "launch"]);
    expect(launch.searchParams.get("iss")).toBe(FHIR_BASE);
    expect(launch.searchParams.get("launch")).not.toContain(token.access_token.slice(0, 20));
    await expect(apps.getByRole("status")).toContainText(`${APP} opened in a new tab.`);

    // The app shows the same patient, signed in through the live session.
    await expect(vendor.locator("#patient-name")).toContainText(family.toUpperCase(), READ);
    await expect(vendor.locator("#patient-nhs-number")).toHaveText(`${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`);
    expect(shown.slice(signedInPages), "no sign-in or consent page after Bedside's sign-in").toEqual([]);
    expect(await vendor.evaluate(() => window.opener), "no handle on Bedside").toBeNull();

    // Its token is its own and patient-scoped: this patient, and no other.
    const theirs = await vendorToken(vendor);
    expect(theirs.access_token).not.toBe(token.access_token);
    expect(theirs.patient).toBe(id);
    expect((await fhir(request, theirs.access_token, `Patient/${id}`)).status()).toBe(200);
    expect((await fhir(request, theirs.access_token, "Patient/patient-00004")).status()).toBe(403);
    expect((await fhir(request, theirs.access_token, "Observation?patient=Patient/patient-00004")).status()).toBe(403);

    // What the nurse records there is on the record.
    await vendor.getByLabel("Volume (mL)").fill("250");
    await vendor.getByRole("button", { name: "Record" }).click();
    await expect(vendor.getByRole("status")).toHaveText("Recorded 250 mL.", READ);
    await expect(vendor.locator("#entries")).toContainText("250");

    // While the nurse is signed in, the app's reload refreshes its token
    // (SMART online_access) and carries on, still asking nobody anything.
    await vendor.reload();
    await expect(vendor.locator("#patient-name")).toContainText(family.toUpperCase(), READ);
    expect(shown.slice(signedInPages)).toEqual([]);

    // Bedside's sign-out ends the sign-on session: the app cannot get new
    // tokens, and starting again asks who is there.
    await page.bringToFront();
    const back = backFromSignOut(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await back;
    await vendor.reload();
    await expect(vendor.getByRole("heading", { name: "Sign in" })).toBeVisible(READ);
    expect(new URL(vendor.url()).origin).toBe(ISSUER);
    // The refresh the sign-in service refused on the way (invalid_grant).
    expect(takeExpectedProblems(pageProblems, /\(\/index\.html\).*status of 400/)).toBe(1);
  });

  test("apps that cannot load or a launch the sign-in service refuses leave the patient's page as it was, and say so quietly", async ({ page, context, pageProblems }) => {
    await signInThroughApp(page, "nurse");
    // The apps' code does not arrive: a line at the foot of the page, not
    // an error summary that takes focus from the patient.
    await page.route(/\/split_apps-[0-9a-f]+\.wasm$/, (route) => route.abort());
    await page.goto("/summary?patient=patient-00003");
    const part = page.locator("[data-on-demand=apps]");
    await expect(part).toContainText("Could not load the other apps.", READ);
    await expect(page.getByRole("heading", { level: 2, name: "Allergies" })).toBeVisible();
    await expect(page.locator(".nhsuk-error-summary")).toHaveCount(0);
    await page.unroute(/\/split_apps-[0-9a-f]+\.wasm$/);
    await part.getByRole("button", { name: "Try again" }).click();
    const apps = page.getByTestId("other-apps");
    await expect(apps.getByRole("button", { name: `Open in ${APP}` })).toBeVisible();

    await page.route(`${ISSUER}/launch-context`, (route) =>
      route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify({ error: "invalid_client", error_description: "This app is not registered here" }) }),
    );
    const tab = context.waitForEvent("page");
    await apps.getByRole("button", { name: `Open in ${APP}` }).click();
    const blank = await tab;
    await expect.poll(() => blank.isClosed(), READ).toBe(true);
    await expect(apps.locator(".nhsuk-error-message")).toHaveText(
      `Error: ${APP} could not be opened with your sign-in: This app is not registered here. Try again, or contact your IT service desk if it keeps happening.`,
    );
    await expect(apps.getByRole("button", { name: `Open in ${APP}` })).toBeEnabled();
    expect(takeExpectedProblems(pageProblems, /status of 400/)).toBe(1);
    expect(takeExpectedProblems(pageProblems, /split_apps|ERR_FAILED|Failed to fetch/), "the refused code").toBeGreaterThan(0);
  });
});
