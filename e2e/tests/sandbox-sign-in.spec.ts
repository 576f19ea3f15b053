import { test, expect, expectAccessible, takeExpectedProblems } from "./fixtures";
import { authorizeUrl, claims, CLIENT_ID, FHIR_BASE, fhir, ISSUER, pkce, signIn } from "./sandbox/smart";

// The sandbox's sign-on server (oidc-provider) and FHIR server, end to end:
// a real browser through authorization code + PKCE, then FHIR with the token.
const APP = `http://localhost:${process.env.BEDSIDE_E2E_PORT ?? 8180}`;
// Not the app's own /auth/callback: the app would take the code itself.
const REDIRECT = `${APP}/sandbox-test/callback`;
/** How the browser reports the sign-on server refusing an authorization request. */
const REFUSED_AT_AUTH = /^console error \(\/auth\): Failed to load resource: the server responded with a status of 400/;

test.describe("sandbox sign-on", () => {
  test("standalone launch: a nurse signs in, picks a patient and reads them with the token", async ({ page, request }) => {
    const token = await signIn(page, request, {
      user: "nurse",
      scope: "openid fhirUser offline_access launch/patient patient/*.rs",
      patientLabel: /NHS 999/,
      redirectUri: REDIRECT,
    });

    expect(token.token_type).toBe("Bearer");
    expect(token.refresh_token, "offline_access gives a refresh token").toBeTruthy();
    expect(token.patient, "the patient chosen on the consent page").toBe(token.chosenPatient);
    expect(token.need_patient_banner).toBe(true);
    expect(token.scope.split(" ")).toEqual(expect.arrayContaining(["patient/*.rs", "launch/patient", "openid", "fhirUser"]));

    const access = claims(token.access_token);
    expect(access.aud).toBe(FHIR_BASE);
    expect(access.iss).toBe(ISSUER);
    expect(access.patient).toBe(token.patient);
    expect(access.fhirUser).toBe(`${FHIR_BASE}/Practitioner/nurse`);
    const id = claims(token.id_token!);
    expect(id.aud).toBe(CLIENT_ID);
    expect(id.fhirUser).toBe(`${FHIR_BASE}/Practitioner/nurse`);

    const read = await fhir(request, token.access_token, `Patient/${token.patient}`);
    expect(read.status()).toBe(200);
    const patient = await read.json();
    expect(patient.identifier[0].system).toBe("https://fhir.nhs.uk/Id/nhs-number");
    expect(read.headers()["etag"]).toMatch(/^W\/"/);

    // Patient scopes stop at the patient in context.
    const other = token.patient === "patient-00002" ? "patient-00003" : "patient-00002";
    expect((await fhir(request, token.access_token, `Patient/${other}`)).status()).toBe(403);
    expect((await fhir(request, token.access_token, `Observation?patient=${other}`)).status()).toBe(403);
    expect((await fhir(request, token.access_token, `Observation?patient=${token.patient}&_count=5`)).status()).toBe(200);
    expect((await fhir(request, token.access_token, "Observation?_count=5")).status(), "unfiltered search").toBe(403);
  });

  test("EHR launch binds the patient and encounter chosen by the EHR", async ({ page, request }) => {
    const launchUrl = `${APP}/sandbox-test/launch`;
    await page.goto(`${ISSUER}/launch?patient=patient-00007&app=${encodeURIComponent(launchUrl)}`);
    await page.waitForURL((u) => u.href.startsWith(launchUrl));
    const at = new URL(page.url());
    expect(at.searchParams.get("iss")).toBe(FHIR_BASE);
    const launch = at.searchParams.get("launch")!;
    expect(launch).toBeTruthy();

    const token = await signIn(page, request, { user: "doctor", scope: "openid fhirUser launch patient/*.rs", redirectUri: REDIRECT, launch });
    expect(token.patient).toBe("patient-00007");
    expect(token.encounter).toBe("patient-00007-enc");
    expect(token.fhirContext).toEqual([{ reference: "Encounter/patient-00007-enc" }]);
    expect((await fhir(request, token.access_token, `Encounter/${token.encounter}`)).status()).toBe(200);
  });

  test("a launch value is used once, and only by the user it was made for", async ({ page, request, pageProblems }) => {
    const launchUrl = `${APP}/sandbox-test/launch`;
    const launchFor = async (user: string) => {
      await page.goto(`${ISSUER}/launch?patient=patient-00007&user=${user}&app=${encodeURIComponent(launchUrl)}`);
      await page.waitForURL((u) => u.href.startsWith(launchUrl));
      return new URL(page.url()).searchParams.get("launch")!;
    };
    // Made for the doctor, tried by the nurse: refused.
    const forDoctor = await launchFor("doctor");
    const p = pkce();
    await page.goto(authorizeUrl(REDIRECT, "openid fhirUser launch patient/*.rs", p, { launch: forDoctor }));
    await page.getByRole("button", { name: /Sign in as Staff Nurse/ }).click();
    await page.waitForURL((u) => u.href.startsWith(REDIRECT));
    expect(new URL(page.url()).searchParams.get("error")).toBe("invalid_request");
    expect(new URL(page.url()).searchParams.get("error_description")).toContain("another user");

    // Used by the doctor once: fine; a second time: refused.
    const launch = await launchFor("doctor");
    const token = await signIn(page, request, { user: "doctor", scope: "openid fhirUser launch patient/*.rs", redirectUri: REDIRECT, launch });
    expect(token.patient).toBe("patient-00007");
    const again = await page.goto(authorizeUrl(REDIRECT, "openid fhirUser launch patient/*.rs", pkce(), { launch }));
    expect(again?.status(), "a used launch value").toBe(400);
    await expect(page.getByText("has been used already")).toBeVisible();
    expect(takeExpectedProblems(pageProblems, REFUSED_AT_AUTH)).toBe(1);
  });

  test("an authorization request for another FHIR server (aud) is refused", async ({ page, pageProblems }) => {
    const audiences = ["https://evil.example/fhir/R4", `${FHIR_BASE}/../other`, ""];
    for (const aud of audiences) {
      const response = await page.goto(authorizeUrl(REDIRECT, "openid user/*.rs", pkce(), { aud }));
      expect(response?.status(), aud).toBe(400);
      await expect(page.getByRole("heading", { name: "There is a problem signing in" })).toBeVisible();
    }
    // The refusals themselves, as the browser reports them: expected here.
    expect(takeExpectedProblems(pageProblems, REFUSED_AT_AUTH)).toBe(audiences.length);
  });

  test("a patient-scoped write cannot move another patient's record into the patient in context", async ({ page, request }) => {
    const staff = await signIn(page, request, { user: "doctor", scope: "openid fhirUser user/*.rs", redirectUri: REDIRECT });
    const ehr = await signIn(page, request, {
      user: "nurse",
      scope: "openid fhirUser launch/patient patient/*.cruds",
      patientLabel: /NHS 999/,
      redirectUri: REDIRECT,
    });
    const other = ehr.patient === "patient-00002" ? "patient-00003" : "patient-00002";
    const theirs = (await (await fhir(request, staff.access_token, `Observation?patient=${other}&_count=1`)).json()).entry[0].resource;
    const moved = { ...theirs, subject: { reference: `Patient/${ehr.patient}` } };
    const response = await fhir(request, ehr.access_token, `Observation/${theirs.id}`, { method: "PUT", data: moved });
    expect(response.status()).toBe(403);
    // Untouched.
    const after = await (await fhir(request, staff.access_token, `Observation/${theirs.id}`)).json();
    expect(after.subject.reference).toBe(`Patient/${other}`);
  });

  test("refresh tokens rotate: the old one stops working", async ({ page, request }) => {
    const token = await signIn(page, request, { user: "doctor", scope: "openid fhirUser offline_access user/*.rs", redirectUri: REDIRECT });
    const refresh = (rt: string) => request.post(`${ISSUER}/token`, { form: { grant_type: "refresh_token", refresh_token: rt, client_id: CLIENT_ID } });
    const first = await refresh(token.refresh_token!);
    expect(first.status()).toBe(200);
    const next = await first.json();
    expect(next.refresh_token).toBeTruthy();
    expect(next.refresh_token).not.toBe(token.refresh_token);
    expect((await fhir(request, next.access_token, "Patient?_count=1")).status()).toBe(200);
    // Reusing a rotated refresh token is refused.
    expect((await refresh(token.refresh_token!)).status()).toBe(400);
  });

  test("a missing or tampered token gets 401", async ({ page, request }) => {
    expect((await fhir(request, undefined, "Patient/patient-00001")).status()).toBe(401);
    expect((await fhir(request, "not-a-jwt", "Patient/patient-00001")).status()).toBe(401);

    const token = await signIn(page, request, { user: "doctor", scope: "openid fhirUser user/*.rs", redirectUri: REDIRECT });
    const [header, , signature] = token.access_token.split(".");
    const widened = Buffer.from(JSON.stringify({ ...claims(token.access_token), scope: "user/*.cruds" })).toString("base64url");
    const tampered = `${header}.${widened}.${signature}`;
    const response = await fhir(request, tampered, "Patient/patient-00001");
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toContain("invalid_token");
    expect((await response.json()).resourceType).toBe("OperationOutcome");
    // The untouched token still works, so the 401 was the tampering.
    expect((await fhir(request, token.access_token, "Patient/patient-00001")).status()).toBe(200);
  });

  test("PKCE is required and only S256 is accepted", async ({ page }) => {
    const p = pkce();
    for (const [name, override] of [
      ["plain", { code_challenge: p.verifier, code_challenge_method: "plain" }],
      ["missing", { code_challenge: "", code_challenge_method: "" }],
    ] as const) {
      const url = new URL(authorizeUrl(REDIRECT, "openid", p));
      for (const [k, v] of Object.entries(override)) v ? url.searchParams.set(k, v) : url.searchParams.delete(k);
      await page.goto(url.href);
      await page.waitForURL((u) => u.href.startsWith(REDIRECT));
      const back = new URL(page.url());
      expect(back.searchParams.get("error"), name).toBe("invalid_request");
      expect(back.searchParams.get("code"), name).toBeNull();
    }
  });

  test("a code cannot be redeemed with the wrong verifier", async ({ page, request }) => {
    const p = pkce();
    await page.goto(authorizeUrl(REDIRECT, "openid user/*.rs", p));
    await page.getByRole("button", { name: /Sign in as Dr/ }).click();
    const callback = page.waitForURL((u) => u.href.startsWith(REDIRECT));
    await page.getByRole("button", { name: "Allow", exact: true }).click();
    await callback;
    const code = new URL(page.url()).searchParams.get("code")!;
    const response = await request.post(`${ISSUER}/token`, {
      form: { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: CLIENT_ID, code_verifier: pkce().verifier },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe("invalid_grant");
  });

  test("end-session with the app's id_token as hint signs the user out without asking: the next sign-in asks who they are again", async ({ page, request }) => {
    const token = await signIn(page, request, { user: "nurse", scope: "openid fhirUser user/*.rs", redirectUri: REDIRECT });
    // Still signed in at the provider, with the grant given: a second
    // authorization comes straight back with a code (single sign-on).
    await page.goto(authorizeUrl(REDIRECT, "openid user/*.rs", pkce()));
    await page.waitForURL((u) => u.href.startsWith(REDIRECT));
    expect(new URL(page.url()).searchParams.get("code")).toBeTruthy();

    const end = new URL(`${ISSUER}/session/end`);
    end.searchParams.set("id_token_hint", token.id_token!);
    end.searchParams.set("post_logout_redirect_uri", `${APP}/`);
    end.searchParams.set("client_id", CLIENT_ID);
    const back = page.waitForURL(`${APP}/`);
    await page.goto(end.href);
    await back;

    await page.goto(authorizeUrl(REDIRECT, "openid user/*.rs", pkce()));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("end-session without a hint asks first: anyone's link could otherwise sign the user out", async ({ page, request }) => {
    await signIn(page, request, { user: "nurse", scope: "openid fhirUser user/*.rs", redirectUri: REDIRECT });
    await page.goto(`${ISSUER}/session/end?client_id=${CLIENT_ID}`);
    await expect(page.getByRole("heading", { name: "Sign out of the sandbox?" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the sign-in and consent pages pass axe", async ({ page }) => {
    await page.goto(authorizeUrl(REDIRECT, "openid launch/patient patient/*.rs", pkce()));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: /Sign in as Dr/ }).click();
    await expect(page.getByLabel("Patient")).toBeVisible();
    await expectAccessible(page);
  });

  test("consent can be refused", async ({ page }) => {
    const p = pkce();
    await page.goto(authorizeUrl(REDIRECT, "openid user/*.rs", p));
    await page.getByRole("button", { name: /Sign in as Staff Nurse/ }).click();
    const callback = page.waitForURL((u) => u.href.startsWith(REDIRECT));
    await page.getByRole("button", { name: "Do not allow" }).click();
    await callback;
    expect(new URL(page.url()).searchParams.get("error")).toBe("access_denied");
  });
});
