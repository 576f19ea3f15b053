import { test, expect, watchForProblems } from "./fixtures";
import { FHIR_BASE, fhir, signIn } from "./sandbox/smart";

// A FHIR R4 conformance battery against the sandbox server: what the Bedside
// FHIR client relies on. What the router does not support is listed in the
// book ("The sandbox", docs/sandbox.md), not hidden here.
const REDIRECT = `http://localhost:${process.env.BEDSIDE_E2E_PORT ?? 8180}/sandbox-test/callback`;
let token = "";

test.describe.configure({ mode: "serial" });

test.describe("FHIR conformance (sandbox)", () => {
  test.beforeAll(async ({ browser, request }) => {
    // A context of its own (test fixtures do not reach beforeAll), watched
    // like every test's.
    const context = await browser.newContext();
    const problems = await watchForProblems(context);
    const page = await context.newPage();
    token = (await signIn(page, request, { user: "doctor", scope: "openid fhirUser user/*.cruds", redirectUri: REDIRECT })).access_token;
    await context.close();
    expect(problems, "problems reported by the sign-in pages").toEqual([]);
  });

  test("CapabilityStatement advertises SMART, and discovery needs no token", async ({ request }) => {
    const cs = await (await fhir(request, undefined, "metadata")).json();
    expect(cs.resourceType).toBe("CapabilityStatement");
    expect(cs.fhirVersion).toBe("4.0.1");
    const oauth = cs.rest[0].security.extension.find((e: { url: string }) => e.url.endsWith("oauth-uris"));
    const uris = Object.fromEntries(oauth.extension.map((e: { url: string; valueUri: string }) => [e.url, e.valueUri]));
    expect(uris.authorize).toMatch(/\/auth$/);
    expect(uris.token).toMatch(/\/token$/);
    const smart = await (await fhir(request, undefined, ".well-known/smart-configuration")).json();
    expect(smart.code_challenge_methods_supported).toEqual(["S256"]);
    expect(smart.capabilities).toEqual(expect.arrayContaining(["launch-ehr", "launch-standalone", "client-public", "permission-v2"]));
  });

  test("search pages through more than three pages with next links", async ({ request }) => {
    let url: string | undefined = "Observation?patient=patient-00001&_count=10";
    const seen = new Set<string>();
    let pages = 0;
    let total = 0;
    while (url && pages < 50) {
      const bundle = await (await fhir(request, token, url)).json();
      expect(bundle.type).toBe("searchset");
      total = bundle.total;
      for (const e of bundle.entry ?? []) seen.add(e.resource.id);
      const self = bundle.link.find((l: { relation: string }) => l.relation === "self");
      expect(self.url.startsWith(FHIR_BASE)).toBe(true);
      if (pages > 0) expect(bundle.link.some((l: { relation: string }) => l.relation === "previous")).toBe(true);
      url = bundle.link.find((l: { relation: string }) => l.relation === "next")?.url;
      pages += 1;
    }
    expect(pages).toBeGreaterThan(3);
    expect(seen.size, "every match once, none repeated or lost").toBe(total);
  });

  test("the default page size applies when _count is absent", async ({ request }) => {
    const bundle = await (await fhir(request, token, "Observation?patient=patient-00002")).json();
    expect(bundle.entry.length).toBe(20);
    expect(bundle.link.some((l: { relation: string }) => l.relation === "next")).toBe(true);
  });

  test("_include brings the referenced patients", async ({ request }) => {
    const bundle = await (await fhir(request, token, "Encounter?_count=5&_include=Encounter:subject")).json();
    const matches = bundle.entry.filter((e: { search: { mode: string } }) => e.search.mode === "match");
    const included = bundle.entry.filter((e: { search: { mode: string } }) => e.search.mode === "include");
    expect(matches.length).toBe(5);
    const wanted = new Set(matches.map((e: { resource: { subject: { reference: string } } }) => e.resource.subject.reference));
    const got = new Set(included.map((e: { resource: { resourceType: string; id: string } }) => `${e.resource.resourceType}/${e.resource.id}`));
    expect(got).toEqual(wanted);
  });

  // Other tests create patients without a birth date; the filter keeps them out.
  test("_sort orders results, descending with a minus", async ({ request }) => {
    const dates = async (sort: string) =>
      (await (await fhir(request, token, `Patient?_count=500&birthdate=gt1900-01-01&_sort=${sort}`)).json()).entry.map((e: { resource: { birthDate: string } }) => e.resource.birthDate);
    const asc = await dates("birthdate");
    const desc = await dates("-birthdate");
    // Every patient on one page, so the two orders hold the same patients.
    expect(asc.length).toBeGreaterThanOrEqual(104);
    expect(asc).toEqual([...asc].sort());
    expect(desc).toEqual([...asc].reverse());
  });

  test("a transaction creates resources together and resolves urn:uuid references", async ({ request }) => {
    const response = await fhir(request, token, "", {
      method: "POST",
      data: {
        resourceType: "Bundle",
        type: "transaction",
        entry: [
          {
            fullUrl: "urn:uuid:6d7c0ea4-84e1-4a5d-9f55-2a7a8c2e9b01",
            request: { method: "POST", url: "Patient" },
            resource: { resourceType: "Patient", name: [{ family: "Transaction", given: ["Test"] }], gender: "unknown" },
          },
          {
            request: { method: "POST", url: "Observation" },
            resource: {
              resourceType: "Observation",
              status: "final",
              code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] },
              subject: { reference: "urn:uuid:6d7c0ea4-84e1-4a5d-9f55-2a7a8c2e9b01" },
              valueQuantity: { value: 72, unit: "beats/minute", system: "http://unitsofmeasure.org", code: "/min" },
            },
          },
        ],
      },
    });
    expect(response.status()).toBe(200);
    const bundle = await response.json();
    expect(bundle.type).toBe("transaction-response");
    expect(bundle.entry.map((e: { response: { status: string } }) => e.response.status)).toEqual(["201", "201"]);
    const patientLocation = bundle.entry[0].response.location as string;
    const observationLocation = bundle.entry[1].response.location as string;
    const observation = await (await fhir(request, token, observationLocation.replace(/\/_history\/.*$/, ""))).json();
    expect(patientLocation).toContain(observation.subject.reference);
  });

  test("create answers 201 with Location and ETag; update with a stale If-Match gets 412", async ({ request }) => {
    const created = await fhir(request, token, "Patient", { method: "POST", data: { resourceType: "Patient", name: [{ family: "Version" }] } });
    expect(created.status()).toBe(201);
    const patient = await created.json();
    expect(created.headers()["location"]).toBe(`${FHIR_BASE}/Patient/${patient.id}/_history/${patient.meta.versionId}`);
    expect(created.headers()["etag"]).toBe(`W/"${patient.meta.versionId}"`);

    const first = await fhir(request, token, `Patient/${patient.id}`, {
      method: "PUT",
      data: { ...patient, gender: "female" },
      headers: { "If-Match": `W/"${patient.meta.versionId}"` },
    });
    expect(first.status()).toBe(200);
    const stale = await fhir(request, token, `Patient/${patient.id}`, {
      method: "PUT",
      data: { ...patient, gender: "male" },
      headers: { "If-Match": `W/"${patient.meta.versionId}"` },
    });
    expect(stale.status()).toBe(412);
    expect((await stale.json()).resourceType).toBe("OperationOutcome");
  });

  test("an invalid resource gets 400 with an OperationOutcome", async ({ request }) => {
    const response = await fhir(request, token, "Patient", {
      method: "POST",
      data: { resourceType: "Patient", birthDate: "21/11/2026", gender: "sometimes" },
    });
    expect(response.status()).toBe(400);
    const outcome = await response.json();
    expect(outcome.resourceType).toBe("OperationOutcome");
    expect(outcome.issue.length).toBeGreaterThan(0);
    expect(outcome.issue.every((i: { severity: string }) => ["error", "fatal"].includes(i.severity))).toBe(true);

    const notJson = await fhir(request, token, "Patient", { method: "POST", headers: { "Content-Type": "application/fhir+json" }, data: undefined });
    expect([400, 422]).toContain(notJson.status());
  });

  test("CORS: the app's origin may call, with preflight", async ({ request }) => {
    const origin = `http://localhost:${process.env.BEDSIDE_E2E_PORT ?? 8180}`;
    const preflight = await request.fetch(`${FHIR_BASE}/Patient`, {
      method: "OPTIONS",
      headers: { Origin: origin, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "authorization, if-match, content-type" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe(origin);
    expect(preflight.headers()["access-control-allow-headers"]).toMatch(/If-Match/i);
    const stranger = await request.fetch(`${FHIR_BASE}/metadata`, { headers: { Origin: "http://evil.example" } });
    expect(stranger.headers()["access-control-allow-origin"]).toBeUndefined();
  });
});
