import { test, expect, expectAccessible, takeExpectedProblems } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";
import { openTool, signInThroughApp } from "./pages/session";
import { FHIR_BASE, fhir } from "./sandbox/smart";

// The Observations tool against the sandbox: a nurse records a set of vital
// signs, sees the NEWS2 score before saving, and the saved set joins the
// chart without a reload. What was typed survives anything that stops a save.

/**
 * Opens this worker's patient (one of Ward 12's, which no other test reads
 * or writes: the sets saved here never change another test's patient or
 * ward list, nor the other worker's), found by NHS number with Find a
 * patient, then their Observations page from the patient's own links;
 * returns their name and id.
 */
async function openWorkersPatient(page: Page, request: APIRequestContext, token: string) {
  const stays = await (await fhir(request, token, "Encounter?location=Location/ward-12&status=in-progress&_count=50")).json();
  const id = (stays.entry[test.info().parallelIndex].resource.subject.reference as string).replace("Patient/", "");
  const record = await (await fhir(request, token, `Patient/${id}`)).json();
  const nhs = record.identifier.find((i: { system: string }) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value as string;
  await openTool(page, "Find a patient");
  await page.getByLabel("Name or NHS number").fill(nhs);
  await page.getByRole("button", { name: "Search" }).click();
  const link = page.getByTestId("patient-results").getByRole("row").nth(1).getByRole("link");
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Patient summary" })).toBeVisible();
  await page.getByRole("navigation", { name: "This patient's pages" }).getByRole("link", { name: "Observations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Observations" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Record a set of observations" })).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get("patient")).toBe(id);
  return { name, id };
}

// A patient's summary and their observations are many searches of the
// sandbox's in-memory FHIR server, which scans every resource of a type for
// each: the journeys get longer than the default to run.
test.describe.configure({ timeout: 90_000 });

const field = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** A set scoring NEWS2 3 on either SpO2 scale: respiration 23 (2), pulse 97 (1), the rest 0. */
async function fillSet(page: Page, pulse = "97") {
  await field(page, "Respiration rate").fill("23");
  await field(page, "Oxygen saturation (SpO2)").fill("97");
  await page.locator('label[for="vitals-inspired"]').click();
  await field(page, "Systolic blood pressure").fill("134");
  await field(page, "Diastolic blood pressure").fill("82");
  await field(page, "Pulse").fill(pulse);
  await page.locator('label[for="vitals-consciousness"]').click();
  await field(page, "Temperature").fill("37.3");
}

const atBase = (url: URL | string) => url.toString().replace(/\/$/, "") === FHIR_BASE;
const isTransaction = (url: string, method: string) => method === "POST" && atBase(url);

test.describe("observations", () => {
  test("NEWS2 shows before saving; the set is saved as one transaction and joins the chart", async ({ page, request }) => {
    const token = await signInThroughApp(page, "nurse");
    const patient = await openWorkersPatient(page, request, token.access_token);
    // The banner names the patient as the search did (the CUI's order).
    await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText(patient.name);
    const chart = page.getByTestId("vital-signs-chart");
    await chart.locator('label[for="vital-signs-chart-range-3"]').click();
    const respiration = chart.locator("figure", { hasText: "Respiration rate" });
    await expect(respiration.locator("svg")).toBeVisible();
    const before = await respiration.locator("circle").count();

    await fillSet(page);
    await expect(page.getByText("NEWS2 3, low risk", { exact: true })).toBeVisible();
    await expect(page.getByText("Observe: Minimum 4–6-hourly")).toBeVisible();
    await expectAccessible(page);

    const posted = page.waitForRequest((r) => isTransaction(r.url(), r.method()));
    await page.getByRole("button", { name: "Save observations" }).click();
    const bundle = (await posted).postDataJSON();
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("transaction");
    // Seven vital signs (blood pressure as one) and the NEWS2 total.
    expect(bundle.entry).toHaveLength(8);
    for (const entry of bundle.entry) {
      // Created only if no Observation has this draft's identifier yet.
      const id = entry.resource.identifier[0];
      expect(id.system).toBe("urn:ietf:rfc:3986");
      expect(id.value).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(entry.request).toEqual({ method: "POST", url: "Observation", ifNoneExist: `identifier=urn:ietf:rfc:3986|${id.value}` });
      expect(entry.resource.issued).toMatch(/Z$/);
      expect(entry.resource.subject.reference).toBe(`Patient/${patient.id}`);
      expect(entry.resource.performer).toEqual([{ reference: "Practitioner/nurse" }]);
      expect(entry.resource.encounter?.reference ?? "").toMatch(/^Encounter\//);
    }

    await expect(page.getByRole("alert")).toContainText(/Observations taken at \d\d:\d\d saved: NEWS2 3, low risk/);
    // The new point, without a reload; the form is ready for the next set.
    await expect(respiration.locator("circle")).toHaveCount(before + 1);
    await expect(respiration.locator("svg > title")).toContainText("23 breaths/minute, scores 2");
    await expect(field(page, "Respiration rate")).toHaveValue("");

    // The record holds it: the latest respiration rate is the one saved, with its NEWS2 total beside it.
    const search = `Observation?subject=Patient/${patient.id}&code=http://loinc.org|9279-1&_sort=-date&_count=1`;
    const latest = await (await fhir(request, token.access_token, search)).json();
    expect(latest.entry[0].resource.valueQuantity).toMatchObject({ value: 23, code: "/min" });
    const score = `Observation?subject=Patient/${patient.id}&code=http://snomed.info/sct|1104051000000101&_sort=-date&_count=1`;
    const total = await (await fhir(request, token.access_token, score)).json();
    expect(total.entry[0].resource.valueInteger).toBe(3);
    expect(total.entry[0].resource.derivedFrom).toHaveLength(7);
    expect(total.entry[0].resource.derivedFrom[0].reference).toMatch(/^Observation\//);
    await expectAccessible(page);
  });

  test("an impossible value is refused, a server without transactions saves nothing, and nothing typed is lost", async ({ page, request, pageProblems }) => {
    const token = await signInThroughApp(page, "nurse");
    await openWorkersPatient(page, request, token.access_token);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (isTransaction(r.url(), r.method())) posts.push(r.url());
    });

    await fillSet(page, "720");
    await page.getByRole("button", { name: "Save observations" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Pulse must be between 20 and 300 beats/minute" })).toHaveAttribute("href", "#vitals-pulse");
    await expect(page.getByText("NEWS2 not scored yet: 6 of 7 parameters entered")).toBeVisible();
    expect(posts, "nothing is sent").toEqual([]);
    await expectAccessible(page);

    // A server that cannot do transactions.
    await page.route(
      atBase,
      (route) =>
        route.request().method() === "POST"
          ? route.fulfill({
              status: 405,
              contentType: "application/fhir+json",
              body: JSON.stringify({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-supported", diagnostics: "transactions are not supported" }] }),
            })
          : route.continue(),
    );
    await field(page, "Pulse").fill("97");
    await page.getByRole("button", { name: "Save observations" }).click();
    const problem = page.locator(".nhsuk-error-summary", { hasText: "The observations were not saved" });
    await expect(problem).toContainText("cannot save a set of observations in one go, so none of them was saved");
    await expect(problem).toBeFocused();
    expect(takeExpectedProblems(pageProblems, /status of 405/)).toBe(1);
    for (const [label, value] of [["Respiration rate", "23"], ["Temperature", "37.3"], ["Diastolic blood pressure", "82"]]) {
      await expect(field(page, label)).toHaveValue(value);
    }
    await expect(page.locator("#vitals-inspired")).toBeChecked();
    await expect(page.getByText("NEWS2 3, low risk", { exact: true })).toBeVisible();

    // The same values save once the server takes them.
    await page.unroute(atBase);
    await page.getByRole("button", { name: "Save observations" }).click();
    await expect(page.getByRole("alert")).toContainText(/Observations taken at \d\d:\d\d saved/);
    await expect(problem).toHaveCount(0);
  });

  test("the SpO2 scale changes only when confirmed, and the time taken is never the future and questioned past a day", async ({ page, request }) => {
    const token = await signInThroughApp(page, "nurse");
    const patient = await openWorkersPatient(page, request, token.access_token);
    // The scale in force, from the record: the newest SpO2 reading that records one.
    const readings = await (await fhir(request, token.access_token, `Observation?subject=Patient/${patient.id}&code=http://loinc.org|59408-5&_sort=-date&_count=100`)).json();
    type Component = { code: { coding: { code: string }[] }; valueInteger?: number };
    const recorded = (readings.entry ?? [])
      .map((e: { resource: { component?: Component[] } }) => e.resource.component?.find((c) => c.code.coding.some((k) => k.code === "spo2-scale"))?.valueInteger)
      .find((v: number | undefined) => v === 1 || v === 2);
    const inForce = recorded === 2 ? 2 : 1;
    const other = inForce === 1 ? 2 : 1;
    // 90% on air scores 3 on Scale 1 and 0 on Scale 2; the rest of the set scores 3.
    const scored = (scale: number) => (scale === 1 ? "NEWS2 6, medium risk" : "NEWS2 3, low risk");
    const spo2 = field(page, "Oxygen saturation (SpO2)");
    await fillSet(page);
    await spo2.fill("90");
    await expect(page.getByText(`Scored on SpO2 Scale ${inForce}`)).toBeVisible();
    await expect(page.getByText(scored(inForce), { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Change SpO2 scale" }).click();
    const confirm = page.getByTestId("scale-confirm");
    await expect(confirm).toContainText(`Change this patient's SpO2 scale from Scale ${inForce} to Scale ${other}?`);
    await expectAccessible(page);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText(`Scored on SpO2 Scale ${inForce}`)).toBeVisible();
    await expect(page.getByText(scored(inForce), { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Change SpO2 scale" }).click();
    await confirm.getByRole("button", { name: `Yes, change to Scale ${other}` }).click();
    await expect(page.getByText(`Scored on SpO2 Scale ${other}`)).toBeVisible();
    await expect(page.getByText(scored(other), { exact: true })).toBeVisible();

    // A time later than now is refused; one more than a day ago is questioned.
    const when = (ms: number, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", ...options }).format(new Date(ms));
    const day = { day: "2-digit", month: "2-digit", year: "numeric" } as const;
    const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    const later = Date.now() + 2 * 3_600_000;
    await field(page, "Date").fill(when(later, day));
    await field(page, "Time").fill(when(later, time));
    await page.getByRole("button", { name: "Save observations" }).click();
    await expect(page.locator(".nhsuk-error-summary").getByRole("link", { name: "Time taken must be now or in the past" })).toHaveAttribute("href", "#vitals-taken-time");
    const warning = page.getByTestId("taken-warning");
    await expect(warning).toBeHidden();
    const dayAndAHalfAgo = Date.now() - 36 * 3_600_000;
    await field(page, "Date").fill(when(dayAndAHalfAgo, day));
    await field(page, "Time").fill(when(dayAndAHalfAgo, time));
    await expect(warning).toBeVisible();
    await expect(warning).toHaveText("Taken more than 24 hours ago. Check the date and time are right before you save.");
    await expectAccessible(page);
  });

  test("a save committed but answered 504 is checked on the record and shown as saved; sent again, it is still one set", async ({ page, request, pageProblems }) => {
    const token = await signInThroughApp(page, "nurse");
    const patient = await openWorkersPatient(page, request, token.access_token);
    // The sandbox commits this patient's next transaction, then answers 504.
    const armed = await request.post(new URL("/_sandbox/fault", FHIR_BASE).toString(), { data: { patient: patient.id, answer: 504 } });
    expect(armed.status()).toBe(204);

    // Taken an hour ago: charted then, not now.
    const hourAgo = new Date(Date.now() - 3_600_000);
    const london = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", ...options }).format(hourAgo);
    await field(page, "Date").fill(london({ day: "2-digit", month: "2-digit", year: "numeric" }));
    await field(page, "Time").fill(london({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
    await fillSet(page, "88");
    const posted = page.waitForRequest((r) => isTransaction(r.url(), r.method()));
    await page.getByRole("button", { name: "Save observations" }).click();
    const bundle = (await posted).postDataJSON();
    // The app checks the record by the draft's identifiers, finds the set
    // and says it was saved: the nurse is never told to send it again.
    const taken = london({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    await expect(page.getByRole("alert")).toContainText(`Observations taken at ${taken} saved: NEWS2 2, low risk`, { timeout: 20_000 });
    await expect(page.locator(".nhsuk-error-summary")).toHaveCount(0);
    expect(takeExpectedProblems(pageProblems, /status of 504/)).toBe(1);

    // A retry of the very same transaction (what a browser or a proxy may
    // resend) creates nothing new: each entry finds its identifier.
    const again = await fhir(request, token.access_token, "", { method: "POST", data: bundle });
    expect(again.status()).toBe(200);
    const answer = await again.json();
    expect(answer.entry.map((e: { response: { status: string } }) => e.response.status.split(" ")[0])).toEqual(bundle.entry.map(() => "200"));

    // Exactly one of each on the record, at the time taken.
    for (const entry of bundle.entry) {
      const id = entry.resource.identifier[0].value;
      const found = await (await fhir(request, token.access_token, `Observation?identifier=urn:ietf:rfc:3986|${id}&_total=accurate`)).json();
      expect(found.total, id).toBe(1);
      expect(Date.parse(found.entry[0].resource.effectiveDateTime)).toBe(Math.floor(hourAgo.getTime() / 60_000) * 60_000);
    }
    await expectAccessible(page);

    // The other switch: committed, then the connection dropped with no
    // answer at all. The same transaction, resent, still finds its own.
    const dropped = await request.post(new URL("/_sandbox/fault", FHIR_BASE).toString(), { data: { patient: patient.id, answer: "drop" } });
    expect(dropped.status()).toBe(204);
    await expect(fhir(request, token.access_token, "", { method: "POST", data: bundle })).rejects.toThrow(/socket hang up|ECONNRESET/);
    const resent = await (await fhir(request, token.access_token, "", { method: "POST", data: bundle })).json();
    expect(resent.entry.map((e: { response: { status: string } }) => e.response.status.split(" ")[0])).toEqual(bundle.entry.map(() => "200"));
  });
});
