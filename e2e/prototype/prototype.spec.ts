import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, takeExpectedProblems } from "../tests/fixtures";

// Prototype mode against the static folder alone (playwright.prototype.config.ts):
// Python's static server, no FHIR server, no sign-in service. A designer's
// journeys: choose a scenario and a persona, walk the nurse's round, see a
// failing server's error states, add a scenario with a text editor.

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every request the page makes: all of them must be for the folder's own files. */
function recordRequests(page: Page) {
  const seen: string[] = [];
  page.on("request", (r) => seen.push(`${r.method()} ${r.url()}`));
  return seen;
}

async function signIn(page: Page, scenario: string, persona: string) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the prototype" })).toBeVisible();
  await page.getByRole("radio", { name: scenario }).check();
  await page.getByRole("radio", { name: persona }).check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

const banner = (page: Page) => page.getByRole("region", { name: "Prototype" });
const field = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

test("a nurse's round in the ward scenario, with no server running", async ({ page }) => {
  // Nothing is listening where the sandbox's FHIR and sign-in servers would be.
  for (const port of [8103, 8104]) {
    await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
  }
  const requests = recordRequests(page);
  await page.goto("/");
  await expect(banner(page)).toContainText("Prototype");
  await expect(banner(page)).toContainText("Not a real service");
  await expect(page).toHaveTitle(/Bedside prototype/);
  await expect(page.getByRole("radio", { name: "A ward of 26" })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, "A ward of 26", "Staff Nurse Florence Nightingale");
  await expect(page).toHaveURL(/\/ward-list\?ward=ward-7$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ward list" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table).toContainText("26 patients");
  await expect(banner(page)).toContainText("Scenario: ward");
  await expect(page.getByRole("banner")).toContainText("Staff Nurse Florence Nightingale, Registered Nurse");
  await expectAccessible(page);

  // The eighth patient down, scoring less than the top: their new set will
  // put them first.
  const rows = table.getByRole("row");
  const topBefore = await rows.nth(1).getByRole("link").innerText();
  const patient = rows.nth(8).getByRole("link");
  const name = (await patient.innerText()).trim();
  expect(name).not.toBe(topBefore);
  await patient.click();
  await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText(name);
  await expect(page.getByRole("heading", { level: 2, name: "Latest vital signs" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "This patient's pages" }).getByRole("link", { name: "Observations" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Record a set of observations" })).toBeVisible();
  const chart = page.getByTestId("vital-signs-chart");
  const respiration = chart.locator("figure", { hasText: "Respiration rate" });
  await expect(respiration.locator("circle").first()).toBeVisible();
  const before = await respiration.locator("circle").count();

  // Respiration 26 (3), SpO2 91 (3) on air, systolic 95 (2), pulse 125 (2),
  // alert, temperature 39.2 (2): NEWS2 12 (RCP NEWS2 2017, Chart 1).
  await field(page, "Respiration rate").fill("26");
  await field(page, "Oxygen saturation (SpO2)").fill("91");
  await page.locator('label[for="vitals-inspired"]').click();
  await field(page, "Systolic blood pressure").fill("95");
  await field(page, "Diastolic blood pressure").fill("60");
  await field(page, "Pulse").fill("125");
  await page.locator('label[for="vitals-consciousness"]').click();
  await field(page, "Temperature").fill("39.2");
  await expect(page.getByText("NEWS2 12, high risk", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save observations" }).click();
  await expect(page.getByRole("alert")).toContainText(/Observations taken at \d\d:\d\d saved: NEWS2 12, high risk/);
  await expect(respiration.locator("circle")).toHaveCount(before + 1);
  await expect(respiration.locator("svg > title")).toContainText("26 breaths/minute, scores 3");

  // Back to the ward by the app's own links (a reload would start the
  // scenario afresh): the patient now heads the list.
  await page.getByRole("link", { name: "Bedside prototype" }).click();
  await page.getByRole("link", { name: "Ward list" }).click();
  await page.getByRole("link", { name: "Ward 7 (Respiratory)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ward list" })).toBeVisible();
  const first = page.getByRole("table").getByRole("row").nth(1);
  await expect(first).toContainText(name);
  await expect(first).toContainText("NEWS2 12, high risk");
  await expectAccessible(page);

  // The account area, the lock screen and signing out behave as the real
  // app's; unlocking a persona asks for no password.
  await page.getByRole("button", { name: "Lock screen" }).click();
  await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
  await expect(banner(page)).toBeVisible();
  await page.getByRole("button", { name: /Sign in to unlock/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ward list" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(name);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the prototype" })).toBeVisible();
  await expect(page.getByText("You have signed out.")).toBeVisible();

  // Only the folder's own files were fetched: no request for a record left the page.
  const elsewhere = requests.filter((r) => !r.startsWith("GET http://127.0.0.1:"));
  expect(elsewhere).toEqual([]);
  expect(requests.filter((r) => r.includes("/prototype-fhir"))).toEqual([]);
});

test("the failing server's scenario shows the tools' error states", async ({ page, pageProblems }) => {
  await signIn(page, "A slow and failing server", "Dr Joseph Lister");
  await expect(page.getByRole("heading", { level: 1, name: "Ward list" })).toBeVisible();
  // Vital signs take four seconds: the list says it is loading meanwhile.
  await expect(page.getByText(/Loading|Reading/).first()).toBeVisible();
  const patient = page.getByRole("table").getByRole("row").nth(1).getByRole("link");
  await expect(patient).toBeVisible({ timeout: 15_000 });
  await patient.click();
  await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
  // Every medicines request fails (503, retried by the client, then said).
  const medicines = page.getByText("Medicines could not be checked");
  await expect(medicines).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("The clinical record system has a problem").first()).toBeVisible();
  // The rest of the summary still reads.
  await expect(page.getByRole("heading", { level: 2, name: "Allergies" })).toBeVisible();
  await expectAccessible(page);
  // The browser logs each failed answer it never saw (none: no request left
  // the page), so nothing is expected in the console either.
  expect(takeExpectedProblems(pageProblems, /503/)).toBe(0);
});

test("a link to the medicines scenario: every step of the reducing course and the prescriber's note", async ({ page }) => {
  await page.goto("/?scenario=medicines&persona=doctor");
  await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
  await expect(page).toHaveURL(/\/summary\?patient=/);
  const medicines = page.locator(".bedside-medication-list");
  for (const step of ["DOSE 40 mg", "Then DOSE 30 mg", "Then DOSE 20 mg", "Then DOSE 10 mg", "Step 4 as written: 10 mg once a day for 3 days"]) {
    await expect(medicines).toContainText(step);
  }
  await expect(medicines).toContainText("Prescriber's note: Reducing course for the COPD exacerbation: stop after the 10 mg days.");
  await expect(medicines).toContainText("DOSE 2.5 mg to 5 mg");
  await expect(medicines).toContainText("maximum 30 mg in 24 hours");
  await expectAccessible(page);
});

test("a scenario file added to prototypes/scenarios appears after the assets step alone", async ({ page }) => {
  const name = `added-${test.info().workerIndex}-${Date.now()}`;
  const broken = `broken-${test.info().workerIndex}-${Date.now()}`;
  const file = `${root}/prototypes/scenarios/${name}.json`;
  const brokenFile = `${root}/prototypes/scenarios/${broken}.json`;
  const badDates = `bad-dates-${test.info().workerIndex}-${Date.now()}`;
  const badDatesFile = `${root}/prototypes/scenarios/${badDates}.json`;
  const assets = () => execFileSync("node", [`${root}/scripts/prototype-assets.mjs`, "dist-prototype"], { cwd: root, stdio: "pipe" });
  writeFileSync(
    file,
    JSON.stringify({
      title: `Added by a designer ${name}`,
      description: "One patient, written by hand.",
      personas: [{ id: "sister", name: "Sister Mary Seacole", role: "Ward Sister" }],
      bundle: {
        resourceType: "Bundle",
        type: "collection",
        entry: [
          {
            resource: {
              resourceType: "Patient",
              id: "hand-1",
              identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9434765919" }],
              name: [{ family: "Handwritten", given: ["Ada"] }],
              gender: "female",
              birthDate: "1950-01-01",
            },
          },
        ],
      },
    }),
  );
  writeFileSync(brokenFile, '{ "title": "Broken", "personas": [] ');
  // Usable for the chooser; its "today" is wrong, which the app finds on opening it.
  writeFileSync(
    badDatesFile,
    JSON.stringify({
      title: `Dates written by hand ${badDates}`,
      today: "14/03/2026",
      personas: [{ id: "nurse", name: "Staff Nurse Test" }],
      bundle: { resourceType: "Bundle", type: "collection", entry: [] },
    }),
  );
  try {
    assets();
    await page.goto("/");
    await expect(page.getByRole("radio", { name: `Added by a designer ${name}` })).toBeVisible();
    await expect(page.getByTestId("scenario-problems")).toContainText(`${broken}.json: it is not JSON`);
    // Nothing chosen: the NHS error pattern, at the question.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("Choose a scenario");
    await expectAccessible(page);
    // A scenario the app cannot open is said before anyone is signed in.
    await page.getByRole("radio", { name: `Dates written by hand ${badDates}` }).check();
    await page.getByRole("radio", { name: "Staff Nurse Test" }).check();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(`The scenario "${badDates}" could not be opened: The scenario's "today" (14/03/2026) is not a date and time`);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to the prototype" })).toBeVisible();
    // A link names the scenario, the person and the page: signed in there at once.
    await page.goto(`/summary?patient=hand-1&scenario=${name}&persona=sister`);
    await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText("HANDWRITTEN, Ada");
    await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText("943 476 5919");
    await expect(page).toHaveURL(/\/summary\/?\?patient=hand-1$/);
    await expect(page.getByRole("banner")).toContainText("Sister Mary Seacole");
    await expectAccessible(page);
  } finally {
    rmSync(file, { force: true });
    rmSync(brokenFile, { force: true });
    rmSync(badDatesFile, { force: true });
    assets();
  }
});
