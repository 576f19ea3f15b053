import { test, expect, expectAccessible, expectStyled } from "../tests/fixtures";
import { signInThroughApp } from "../tests/pages/session";
import { fhir } from "../tests/sandbox/smart";

// The starter (templates/trust-app), as a trust builds it: outside the
// workspace, from the packaged crates, with the `bedside` command's styles
// and start-up script (scripts/starter.sh). One journey, under the
// production headers: every page axe-clean and styled by the package's own
// stylesheets, no CSP violation or console error (the fixture).

/** A patient of the sandbox's with both vital signs and a lab report. */
async function patientWithChartAndResults(request: Parameters<typeof fhir>[0], token: string) {
  const reports = await (await fhir(request, token, "DiagnosticReport?_count=30")).json();
  for (const entry of reports.entry ?? []) {
    const id = (entry.resource.subject.reference as string).replace("Patient/", "");
    const vitals = await (await fhir(request, token, `Observation?subject=Patient/${id}&category=vital-signs&_count=1`)).json();
    if ((vitals.entry ?? []).length === 0) continue;
    const patient = await (await fhir(request, token, `Patient/${id}`)).json();
    const nhs = patient.identifier.find((i: { system: string }) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value as string;
    return { id, nhs, family: (patient.name[0].family as string).toUpperCase() };
  }
  throw new Error("the sandbox has no patient with both vital signs and a lab report");
}

test("a trust's app from the packaged crates: sign in, find a patient, their banner, NEWS2 chart and results", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Ward tools" })).toBeVisible();
  await expect(page).toHaveTitle(/Ward tools/);
  // The first stylesheet is the package's: the header in NHS blue, every
  // nhsuk-frontend class on the page styled; the later one not yet fetched.
  await expect(page.locator(".nhsuk-header")).toHaveCSS("background-color", "rgb(0, 94, 184)");
  await expectStyled(page, "body");
  expect(await page.locator("link#bedside-later-css").count(), "the first page fetches only the first stylesheet").toBe(0);
  await expectAccessible(page);

  const token = await signInThroughApp(page, "nurse");
  await expect(page.getByRole("heading", { level: 1, name: "Your tools" })).toBeVisible();
  await expect(page.getByText(/, you are signed in to Bedside Sandbox NHS Trust\./)).toBeVisible();
  await expectStyled(page, "body");
  await expectAccessible(page);

  const who = await patientWithChartAndResults(request, token.access_token);
  await page.getByRole("link", { name: "Patients" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Find a patient" })).toBeVisible();
  await expect(page).toHaveTitle("Find a patient – Ward tools");
  await expectAccessible(page);
  await page.getByLabel("NHS number").first().fill(who.nhs);
  await page.getByRole("button", { name: "Search" }).click();
  const found = page.getByRole("table", { name: "Patients found" });
  await expect(found.getByRole("row")).toHaveCount(2);
  await expect(found).toContainText(`${who.nhs.slice(0, 3)} ${who.nhs.slice(3, 6)} ${who.nhs.slice(6)}`);
  await expectStyled(page, "main");
  await expectAccessible(page);

  await found.getByRole("link", { name: new RegExp(who.family) }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${who.id}$`));
  const banner = page.getByRole("region", { name: "Patient" });
  await expect(banner).toContainText(who.family);
  await expect(banner).toContainText("NHS No.");
  await expect(banner).toContainText(/Allergies/);
  await expect(page.getByRole("heading", { level: 1, name: "Vital signs" })).toBeVisible();
  // The chart: one SVG per parameter, each point named with its score.
  await expect(page.locator("svg").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  // The tool's styles came with the later stylesheet, from the package.
  await expect(page.locator("link#bedside-later-css")).toHaveCount(1);
  await expectStyled(page, "main");
  await expectAccessible(page);
});
