import { test, expect, expectAccessible, takeExpectedProblems } from "./fixtures";
import { backFromSignOut, openTool, signedInUser, signInThroughApp } from "./pages/session";
import { fhir, ISSUER } from "./sandbox/smart";
import { join } from "node:path";
import { GALLERY_SCREENSHOTS, SCREENSHOTS } from "./screenshots";

/**
 * A screenshot of a tool as the journey leaves it, for the README (copied to
 * docs/screenshots/ by hand when a tool's look changes), with `SCREENSHOTS=1`;
 * compared with nothing.
 */
async function shot(page: import("@playwright/test").Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(GALLERY_SCREENSHOTS, "..", "tools", `${name}.png`) });
}

// Finding a patient and their summary, against the sandbox: the count is
// the server's, paging walks the server's own links, a search and a patient
// page live in their addresses, and the summary's parts come from the record.

// The sandbox's in-memory FHIR server scans every resource of a type for each
// search (a patient's summary is ten searches), so pages that read a record
// get longer than the default to arrive, and the journeys longer to run.
test.describe.configure({ timeout: 90_000 });
const READ = { timeout: 20_000 };

/** What the server itself counts for a name search. */
async function serverTotal(request: import("@playwright/test").APIRequestContext, token: string, name: string) {
  const bundle = await (await fhir(request, token, `Patient?name=${encodeURIComponent(name)}&_total=accurate&_count=1`)).json();
  return bundle.total as number;
}

test.describe("finding a patient", () => {
  test("says how many match, pages through them, and keeps the search across a reload", async ({ page, request }) => {
    const token = await signInThroughApp(page, "nurse");
    const total = await serverTotal(request, token.access_token, "mr");
    expect(total, "enough matches for three pages").toBeGreaterThan(40);

    await shot(page, "launcher");
    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill("mr");
    await page.getByRole("button", { name: "Search" }).click();
    const results = page.getByTestId("patient-results");
    await expect(results.locator("caption")).toContainText(`${total} patients match: 1 to 20 shown`);
    await shot(page, "find-patient");
    await expect(results.locator("tbody tr")).toHaveCount(20);
    // Dates of birth as the CUI writes them.
    await expect(results.locator("tbody tr").first().locator("td").nth(2)).toHaveText(/\d{2}-[A-Z][a-z]{2}-\d{4}$/);
    await expectAccessible(page);

    const pages = page.getByRole("navigation", { name: "Pages of matching patients" });
    const firstName = () => results.locator("tbody tr").first().getByRole("link");
    const first = await firstName().innerText();
    await pages.getByRole("link", { name: "Page 2" }).click();
    await expect(results.locator("caption")).toContainText(`${total} patients match: 21 to 40 shown`);
    await expect(firstName()).not.toHaveText(first);
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");

    // The address holds the search: a reload (or a colleague with the link)
    // gets the same page, and the form shows what was searched for.
    const second = await firstName().innerText();
    await page.reload();
    await expect(signedInUser(page)).toBeVisible();
    await expect(results.locator("caption")).toContainText(`${total} patients match: 21 to 40 shown`);
    await expect(firstName()).toHaveText(second);
    await expect(page.getByLabel("Name or NHS number")).toHaveValue("mr");

    // The last page holds the rest.
    const last = Math.ceil(total / 20);
    await pages.getByRole("link", { name: `Page ${last}` }).click();
    await expect(results.locator("caption")).toContainText(`${total} patients match: ${(last - 1) * 20 + 1} to ${total} shown`);
    await expect(results.locator("tbody tr")).toHaveCount(total - (last - 1) * 20);
    await expect(pages.getByRole("link", { name: /Next/ })).toHaveCount(0);
  });

  test("a patient's summary shows each part of their record, and its address survives a reload", async ({ page, request }) => {
    const token = await signInThroughApp(page, "nurse");
    const id = "patient-00003";
    const patient = await (await fhir(request, token.access_token, `Patient/${id}`)).json();
    const nhs = patient.identifier.find((i: { system: string }) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value as string;

    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill(nhs);
    await page.getByRole("button", { name: "Search" }).click();
    const results = page.getByTestId("patient-results");
    await expect(results.locator("caption")).toContainText("1 patient matches");
    await results.locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
    expect(new URL(page.url()).searchParams.get("patient")).toBe(id);

    const banner = page.getByRole("region", { name: "Patient", exact: true });
    await expect(banner).toContainText(patient.name[0].family.toUpperCase(), READ);
    await expect(banner).toContainText(`${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`);
    for (const heading of ["Allergies", "Problems", "Current medicines", "Latest vital signs", "Recent results", "Stays and visits"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    // Every part has loaded; none failed.
    await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0, READ);
    await expect(page.getByText(/could not be checked/)).toHaveCount(0);
    // This patient could not be asked about allergies: their allergy List
    // is empty for the reason "unavailable", which the banner and the
    // summary's allergies section both say in words.
    const lists = (await (await fhir(request, token.access_token, `List?patient=Patient/${id}&code=http://snomed.info/sct|886921000000105`)).json()).entry;
    expect(lists[0].resource.emptyReason.coding[0].code).toBe("unavailable");
    await expect(banner).toContainText("Unable to assess allergies");
    await expect(page.locator(".bedside-allergy-list__status")).toHaveText("Unable to assess allergies");
    // The problems, medicines and results are the record's.
    const conditions = (await (await fhir(request, token.access_token, `Condition?patient=Patient/${id}`)).json()).entry;
    for (const c of conditions) await expect(page.getByText(c.resource.code.text, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/^NEWS2 \d+/).first()).toBeVisible();
    await expect(page.getByText("Haemoglobin").first()).toBeVisible();
    await expectAccessible(page);
    await shot(page, "summary");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
    await expect(banner).toContainText(patient.name[0].family.toUpperCase(), READ);
    await expect(signedInUser(page)).toBeVisible();
  });

  test("the results page lists each report with ranges, flags and the change since the last result", async ({ page, request }) => {
    const token = await signInThroughApp(page, "nurse");
    const id = "patient-00003";
    const reports = (await (await fhir(request, token.access_token, `DiagnosticReport?subject=Patient/${id}`)).json()).entry;
    expect(reports.length, "two days' reports, so there is a change to show").toBe(6);
    const patient = await (await fhir(request, token.access_token, `Patient/${id}`)).json();
    const nhs = patient.identifier.find((i: { system: string }) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value as string;
    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill(nhs);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByTestId("patient-results").locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
    await page.getByRole("link", { name: "All results, with their history" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
    // The patient's pages keep the banner; this one is marked as current.
    await expect(page.getByRole("region", { name: "Patient", exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "This patient's pages" }).locator('[aria-current="page"]')).toHaveText("Results");

    for (const report of ["Full blood count", "Urea and electrolytes", "C-reactive protein"]) {
      await expect(page.locator("caption", { hasText: report }).first()).toBeVisible(READ);
    }
    const sodium = page.locator("tr", { hasText: "Sodium" }).first();
    await expect(sodium).toContainText("mmol/L");
    await expect(sodium).toContainText("133 to 146");
    await expect(sodium.locator("td").nth(1)).toHaveText(/(Normal|Low|High|Not flagged)$/);
    // The newest report's results are compared with the one before.
    await expect(page.getByText(/(Up|Down) from|Same as/).first()).toBeVisible();
    await expectAccessible(page);
    await shot(page, "results");
  });
});

test.describe("addresses", () => {
  test("a page's address sent to a colleague asks them to sign in, then opens that page", async ({ page }) => {
    await page.goto("/ward-list?ward=ward-3");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Bedside" })).toBeVisible();
    await expectAccessible(page);
    await signInThroughApp(page, "doctor");
    await expect(page).toHaveURL(/\/ward-list\?ward=ward-3$/);
    await expect(page.getByTestId("ward-list").locator("caption")).toHaveText("Ward 3 (Cardiology): 26 patients", READ);
    // And a reload keeps them there, signed in.
    await page.reload();
    await expect(signedInUser(page)).toBeVisible();
    await expect(page.getByTestId("ward-list").locator("caption")).toHaveText("Ward 3 (Cardiology): 26 patients", READ);
  });
});

test.describe("the ward list", () => {
  test("is read again every minute without a reload, keeping the user's place and focus, and says when it was read", async ({ page }) => {
    await page.clock.install();
    await signInThroughApp(page, "nurse");
    await openTool(page, "Ward list");
    // Ward 21: no other test records observations there, so its rows stay as
    // they are unless this test's refresh changes them.
    await page.getByTestId("wards").getByRole("link", { name: "Ward 21 (Care of the Elderly)" }).click();
    const list = page.getByTestId("ward-list");
    await expect(list.locator("caption")).toHaveText(/^Ward 21 \(Care of the Elderly\): \d+ patients$/, READ);
    const readAt = page.getByTestId("ward-read-at");
    await expect(readAt).toHaveText(/^Last read \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d\. The list is read again every minute\.$/);
    const firstRead = await readAt.textContent();

    // The user has scrolled the list (it scrolls in its own region) and is
    // on a patient's link.
    const region = list.getByRole("region");
    await region.evaluate((el) => el.scrollTo(0, 120));
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBe(120);
    const link = list.locator('tbody tr[aria-rowindex="8"]').getByRole("link");
    await link.focus();
    const name = await link.textContent();
    expect(name).toBeTruthy();

    const reads: string[] = [];
    const fhirRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/Encounter?")) reads.push(r.url());
      if (r.url().includes("/fhir/R4")) fhirRequests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    let navigations = 0;
    page.on("framenavigated", (f) => {
      if (f === page.mainFrame()) navigations++;
    });
    // A minute and a second later: the list has been read again, in place.
    await page.clock.fastForward("01:01");
    await expect.poll(() => reads.length, READ).toBeGreaterThan(0);
    await expect(readAt).not.toHaveText(firstRead ?? "", READ);
    expect(navigations, "no reload").toBe(0);
    // A read is a few round trips, not one a patient (issue 33): the stays,
    // the last day's sets, and one batch for anyone not observed today.
    expect(fhirRequests.length, fhirRequests.join("\n")).toBeLessThanOrEqual(3);
    expect(fhirRequests.slice(2), "the batch goes to the FHIR base").toEqual(fhirRequests.length > 2 ? ["POST /fhir/R4"] : []);
    await expect(link).toBeFocused();
    await expect(page.locator(":focus")).toHaveText(name ?? "");
    expect(await region.evaluate((el) => el.scrollTop)).toBe(120);
    await expectAccessible(page);
  });

  test("a locked screen reads nothing clinical: the ward list is not read again while it is locked", async ({ page }) => {
    await page.clock.install();
    await signInThroughApp(page, "nurse");
    await openTool(page, "Ward list");
    await page.getByTestId("wards").getByRole("link", { name: "Ward 21 (Care of the Elderly)" }).click();
    // Read once, whole: the time of the read is shown only after all of it.
    await expect(page.getByTestId("ward-read-at")).toHaveText(/^Last read /, READ);
    const reads: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/Encounter?") || r.url().includes("/Observation?")) reads.push(r.url());
    });
    await page.getByRole("button", { name: "Lock screen" }).click();
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    // Two refreshes' worth of time, then as long again for any read to start.
    await page.clock.fastForward("01:01");
    await page.clock.fastForward("01:01");
    await page.clock.runFor(1000);
    await expect.poll(() => reads.join(" "), { timeout: 2_000 }).toBe("");
    await page.waitForLoadState("networkidle");
    expect(reads, "no clinical reads while locked").toEqual([]);
  });

  test("lists wards and beds in number order, and says when a ward address names no ward rather than show an empty ward", async ({ page, pageProblems }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Ward list");
    const wards = page.getByTestId("wards").getByRole("link");
    await expect(wards).toHaveText(["Ward 3 (Cardiology)", "Ward 7 (Respiratory)", "Ward 12 (Acute Medical Unit)", "Ward 21 (Care of the Elderly)"]);
    // The page starts at the left of the page's column, under the header's
    // logo, as every page does (it was centred, in the right half).
    const left = async (l: import("@playwright/test").Locator) => (await l.boundingBox())?.x;
    const column = await left(page.locator("header .nhsuk-width-container").first());
    expect(column).toBeDefined();
    expect(await left(page.getByRole("heading", { level: 1 }))).toBe(column);
    expect(await left(page.getByTestId("wards"))).toBe(column);
    await expectAccessible(page);

    await wards.filter({ hasText: "Ward 3 " }).click();
    const list = page.getByTestId("ward-list");
    await expect(list.locator("caption")).toHaveText("Ward 3 (Cardiology): 26 patients", READ);
    await list.getByRole("button", { name: "Bed" }).click();
    // Checked against the browser's own collator with numeric ordering, not
    // against the app's comparator.
    const beds = await list.locator("tbody tr td:first-child").allTextContents();
    expect(beds.length).toBeGreaterThan(5);
    const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
    expect(beds).toEqual([...beds].sort(collator.compare));

    await page.goto("/ward-list?ward=ward-1");
    await expect(page.getByTestId("no-such-ward")).toContainText("Ward not found");
    await expect(page.getByTestId("no-such-ward")).toContainText("no ward with the id \u2018ward-1\u2019");
    await expect(page.getByText("No patients on this ward.")).toBeHidden();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Choose a ward" }).click();
    await expect(wards).toHaveCount(4);
    // The read of Location/ward-1, answered 404 as it should be.
    expect(takeExpectedProblems(pageProblems, /status of 404/)).toBe(1);
  });
});

test.describe("a nurse's round", () => {
  test("one sign-in: find a patient by NHS number, their summary, a set of observations that moves them up the ward list, their results, sign out", async ({ page, request }) => {
    // Every sign-in the journey makes: authorization requests leaving for
    // the sign-in service, and codes redeemed.
    const signIns: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (r.isNavigationRequest() && url.pathname.endsWith("/auth")) signIns.push(`authorize ${url.origin}`);
      if (url.pathname.endsWith("/token") && (r.postData() ?? "").includes("grant_type=authorization_code")) signIns.push("code");
    });
    const token = await signInThroughApp(page, "nurse");
    await expect(page.getByTestId("launcher")).toBeVisible();
    await expectAccessible(page);
    await shot(page, "launcher");

    // A patient of Ward 3's, from the ward's current stays.
    const stays = await (await fhir(request, token.access_token, "Encounter?location=Location/ward-3&status=in-progress&_count=50")).json();
    const id = stays.entry[4].resource.subject.reference.replace("Patient/", "");
    const patient = await (await fhir(request, token.access_token, `Patient/${id}`)).json();
    const nhs = patient.identifier.find((i: { system: string }) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value as string;
    const family = (patient.name[0].family as string).toUpperCase();
    const shownNhs = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;

    // Find them by NHS number.
    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill(nhs);
    await page.getByRole("button", { name: "Search" }).click();
    const results = page.getByTestId("patient-results");
    await expect(results.locator("caption")).toContainText("1 patient matches");
    await expectAccessible(page);
    await results.locator("tbody tr").first().getByRole("link").click();

    // Their summary.
    await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
    const banner = page.getByRole("region", { name: "Patient", exact: true });
    await expect(banner).toContainText(family, READ);
    await expect(banner).toContainText(shownNhs);
    await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0, READ);
    await expectAccessible(page);

    // A set of observations scoring NEWS2 20: the score shows before saving.
    await page.getByRole("link", { name: "Record observations or see the chart" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Observations" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Record a set of observations" })).toBeVisible(READ);
    const field = (label: string) => page.getByRole("textbox", { name: label, exact: true });
    await field("Respiration rate").fill("30");
    await field("Oxygen saturation (SpO2)").fill("85");
    await page.locator("label", { hasText: /^Oxygen$/ }).click();
    await field("Systolic blood pressure").fill("85");
    await field("Diastolic blood pressure").fill("50");
    await field("Pulse").fill("135");
    await page.locator("label", { hasText: /^C: / }).click();
    await field("Temperature").fill("34.5");
    await expect(page.getByText("NEWS2 20, high risk", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "observations");
    await page.getByRole("button", { name: "Save observations" }).click();
    await expect(page.getByRole("alert")).toContainText("NEWS2 20, high risk");
    await expectAccessible(page);

    // The ward list: the patient is among the highest risk now, first unless
    // another patient also scores 20, with the new score.
    await page.getByRole("link", { name: "NHS Bedside homepage" }).click();
    await openTool(page, "Ward list");
    await page.getByTestId("wards").getByRole("link", { name: "Ward 3 (Cardiology)" }).click();
    const list = page.getByTestId("ward-list");
    await expect(list.locator("caption")).toHaveText("Ward 3 (Cardiology): 26 patients", READ);
    const rows = list.locator("tbody tr[aria-rowindex]");
    await expect(rows.first()).toBeVisible();
    // Highest risk first (RCP NEWS2: the risk band, then the total; a
    // single parameter of 3 is low–medium), unscored patients last: the
    // drawn rows never rise down the list.
    const RISKS = ["low", "low–medium", "medium", "high"];
    const rank = (text: string) => {
      const m = text.match(/NEWS2 (\d+), (low–medium|low|medium|high) risk/);
      return m ? RISKS.indexOf(m[2]) * 100 + Number(m[1]) : -1;
    };
    const ranks = (await rows.locator("td:nth-child(4)").allInnerTexts()).map(rank);
    expect(ranks.length).toBeGreaterThan(5);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const theirs = rows.filter({ hasText: shownNhs });
    await expect(theirs.locator("td:nth-child(4)")).toHaveText("NEWS2 20, high risk", READ);
    const above = (await rows.locator("td:nth-child(4)").allInnerTexts()).slice(0, Number(await theirs.getAttribute("aria-rowindex")) - 2);
    expect(above.every((t) => t === "NEWS2 20, high risk"), `only patients scoring 20 above them: ${above}`).toBe(true);
    await expectAccessible(page);
    await shot(page, "ward-list");

    // Their results, from the ward list.
    await theirs.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
    await page.getByRole("navigation", { name: "This patient's pages" }).getByRole("link", { name: "Results" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
    await expect(page.locator("caption", { hasText: "Full blood count" }).first()).toBeVisible(READ);
    await expect(banner).toContainText(family);
    await expectAccessible(page);

    // Sign out, at the sign-in service too, and back.
    const back = backFromSignOut(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await back;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    await expectAccessible(page);

    expect(signIns, "exactly one sign-in in the whole round").toEqual([`authorize ${new URL(ISSUER).origin}`, "code"]);
  });
});
