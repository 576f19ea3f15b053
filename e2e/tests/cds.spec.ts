import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./fixtures";
import { approveAtSandbox, SECOND_ORGANISATION, signedInUser, signInThroughApp } from "./pages/session";
import { fhir } from "./sandbox/smart";

// Decision support (CDS Hooks 2.0) on a patient's pages, against the
// sandbox's services (e2e/sandbox/cds-service.mjs): the deterioration
// service at the first organisation (trusted), a hostile and a silent one
// at the second (config/sandbox.json).

test.describe.configure({ timeout: 90_000 });
const READ = { timeout: 20_000 };
const CDS = `http://localhost:${process.env.SANDBOX_CDS_PORT ?? 8108}`;
/** SNOMED CT 1104051000000101: Royal College of Physicians NEWS2 total score. */
const NEWS2_TOTAL = { system: "http://snomed.info/sct", code: "1104051000000101" };

/** Records a NEWS2 total for `patient`, as Bedside's Observations tool does with each set. */
async function recordNews2(request: APIRequestContext, token: string, patient: string, score: number) {
  const created = await fhir(request, token, "Observation", {
    method: "POST",
    data: {
      resourceType: "Observation",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey" }] }],
      code: { coding: [{ ...NEWS2_TOTAL, display: "Royal College of Physicians NEWS2 (National Early Warning Score 2) total score" }] },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: new Date().toISOString(),
      valueInteger: score,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
}

async function feedbackFor(request: APIRequestContext, patient: string) {
  const all = (await (await request.get(`${CDS}/_sandbox/cds-feedback`)).json()) as { feedback: { card: string; outcome: string; overrideReason?: { reason: { code: string } } }[] }[];
  return all.flatMap((f) => f.feedback).filter((f) => f.card.startsWith(`news2-${patient}-`));
}

const card = (page: Page) => page.getByTestId("cds-card");

test.describe("decision support cards", () => {
  test("a NEWS2 of 5 or more shows the service's critical card; accepting its suggestion creates the Task, and a dismissal with a reason is fed back", async ({ page, request, context }) => {
    const token = (await signInThroughApp(page, "nurse")).access_token;
    const patient = "patient-00010";
    await recordNews2(request, token, patient, 7);
    await page.goto(`/summary?patient=${patient}`);
    const critical = card(page).filter({ hasText: "NEWS2 7: no medical review requested in the last hour" });
    await expect(critical).toBeVisible(READ);
    await expect(critical.locator(".nhsuk-card--care--emergency")).toBeVisible();
    await expect(critical.getByRole("heading", { level: 2 })).toContainText("Immediate action required:");
    await expect(critical).toContainText("Source: Sandbox deterioration service");
    await expect(critical.locator("strong")).toHaveText("7");
    await expectAccessible(page);
    // The call carried Bedside's own read of the latest NEWS2 and, for this
    // trusted service, the user's token.
    const calls = (await (await request.get(`${CDS}/_sandbox/cds-calls`)).json()) as { service: string; context: { patientId: string; userId: string }; prefetch: string[]; fhirAuthorization: boolean }[];
    const ours = calls.find((c) => c.service === "news2-escalation" && c.context.patientId === patient);
    expect(ours).toMatchObject({ prefetch: ["news2"], fhirAuthorization: true, context: { userId: "Practitioner/nurse" } });

    // Its SMART link opens the registered app, for this patient.
    const tab = context.waitForEvent("page");
    await critical.getByRole("button", { name: "Open the fluid balance chart" }).click();
    const vendor = await tab;
    await expect(vendor.locator("#patient-name")).not.toBeEmpty(READ);
    await vendor.close();

    // Accepting: the Task is on the server, and the service heard.
    await critical.getByRole("button", { name: "Request a medical review" }).click();
    await expect(critical.getByRole("status").filter({ hasText: /^Done: Task .+ created\.$/ })).toBeVisible(READ);
    const tasks = (await (await fhir(request, token, `Task?patient=Patient/${patient}`)).json()).entry ?? [];
    expect(tasks).toHaveLength(1);
    expect(tasks[0].resource).toMatchObject({ status: "requested", for: { reference: `Patient/${patient}` }, code: { coding: [{ code: "medical-review" }] } });
    await expect.poll(async () => (await feedbackFor(request, patient)).map((f) => f.outcome)).toEqual(["accepted"]);
    // Escalated: the next page of the patient's has no card.
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "Allergies" })).toBeVisible(READ);
    await expect.poll(async () => (await (await request.get(`${CDS}/_sandbox/cds-calls`)).json()).filter((c: { context: { patientId: string } }) => c.context.patientId === patient).length).toBe(2);
    await expect(card(page)).toHaveCount(0);

    // Another patient: dismissed with a reason, which is fed back, and the
    // card stays dismissed on their other pages in this tab.
    const other = "patient-00011";
    await recordNews2(request, token, other, 5);
    await page.goto(`/summary?patient=${other}`);
    const second = card(page).filter({ hasText: "NEWS2 5" });
    await expect(second).toBeVisible(READ);
    await second.getByLabel("Already escalated by phone").check();
    await second.getByRole("button", { name: "Dismiss" }).click();
    await expect(page.getByText("Dismissed: NEWS2 5: no medical review requested in the last hour")).toBeVisible();
    await expect(second).toBeHidden();
    await expect.poll(async () => (await feedbackFor(request, other)).map((f) => [f.outcome, f.overrideReason?.reason.code])).toEqual([["overridden", "already-escalated"]]);
    // The tab remembers the services it discovered: the next page asks
    // the service, not discovery again.
    const discoveries: string[] = [];
    page.on("request", (r) => {
      if (r.url() === `${CDS}/cds-services`) discoveries.push(r.url());
    });
    await page.getByRole("link", { name: "Results", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
    await expect.poll(async () => (await (await request.get(`${CDS}/_sandbox/cds-calls`)).json()).filter((c: { context: { patientId: string } }) => c.context.patientId === other).length).toBe(2);
    await expect(card(page)).toHaveCount(0);
    expect(discoveries).toEqual([]);
  });

  test("a hostile service's card shows text only, runs and loads nothing; a silent one leaves the page usable and says so after the timeout", async ({ page, context }) => {
    const elsewhere: string[] = [];
    context.on("request", (r) => {
      if (r.url().includes("evil.example")) elsewhere.push(r.url());
    });
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${SECOND_ORGANISATION}` }).click();
    await approveAtSandbox(page, "nurse");
    await expect(signedInUser(page)).toBeVisible(READ);
    await page.goto("/summary?patient=patient-00003");

    const hostile = card(page).filter({ hasText: "Hostile" });
    await expect(hostile).toBeVisible(READ);
    // The summary is its markup as text; the markdown's script, image and
    // iframe are text too, its javascript: and data: links their words.
    await expect(hostile.getByRole("heading", { level: 2 })).toContainText("<b>Hostile</b> card <script>");
    await expect(hostile).toContainText("<script>window.__cdsHostile = 'detail'</script>");
    await expect(hostile).toContainText("Image: tracking pixel");
    await expect(hostile).toContainText("Run this (an address Bedside does not open)");
    await expect(hostile).toContainText("An app nobody registered (an app your organisation has not registered, so Bedside does not open it)");
    for (const tag of ["script", "img", "iframe", "b", "i"]) await expect(hostile.locator(tag)).toHaveCount(0);
    await expect(hostile.locator("a")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __cdsHostile?: string }).__cdsHostile)).toBeUndefined();

    // The silent service: nothing until the organisation's 3 seconds pass,
    // then a line; the page was usable all along.
    await expect(page.getByRole("heading", { level: 2, name: "Allergies" })).toBeVisible(READ);
    const note = page.getByTestId("cds-note").filter({ hasText: "A silent service did not answer within 3 seconds, so its advice (if any) is not shown." });
    await expect(note).toBeVisible(READ);
    await expect(page.locator(".nhsuk-error-summary")).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Results", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
    expect(elsewhere, "nothing fetched from elsewhere").toEqual([]);
  });
});
