import { test, expect, expectAccessible, expectNoSidewaysScroll, takeExpectedProblems } from "./fixtures";
import { type APIRequestContext, type Page } from "@playwright/test";
import { claims, fhir, FHIR_BASE, ISSUER, SECOND_FHIR_BASE, SECOND_ISSUER } from "./sandbox/smart";
import {
  approveAtSandbox,
  unlockAtSandbox,
  nextToken,
  openTool,
  ORGANISATION,
  rewriteAnswerToApp,
  sandboxSwitches,
  SECOND_ORGANISATION,
  signedInUser,
  signInThroughApp,
  USER_NAME,
} from "./pages/session";

// Tabs in different contexts: an EHR launch for another patient, or a
// sign-in to another organisation, in one tab never changes the patient,
// FHIR server or token under another tab's page. That tab says what
// happened and keeps its own until the user chooses. The sandbox has two
// organisations, the second with a sign-in service that sends no `iss`.

const APP = `http://localhost:${process.env.BEDSIDE_E2E_PORT ?? 8180}`;

/**
 * The FHIR request the page sends when it searches for `text` in "Find a
 * patient", opened from the launcher if not open already (client-side
 * navigations: a reload would renew the token).
 */
async function searchFrom(page: Page, text: string) {
  const at = new URL(page.url()).pathname;
  if (at !== "/find-patient") {
    // A launched tab is on its patient's summary: home first, in the page.
    if (at !== "/") await page.getByRole("link", { name: "NHS Bedside homepage" }).click();
    await openTool(page, "Find a patient");
  }
  await page.getByLabel("Name or NHS number").fill(text);
  const search = page.waitForRequest((r) => r.url().includes("/Patient?"));
  await page.getByRole("button", { name: "Search" }).click();
  return search;
}

const notice = (page: Page) => page.getByTestId("context-notice");

/**
 * Opens Bedside from an organisation's EHR (the sandbox's first, unless
 * `issuer` names the second) for `patient` in `page` and returns the token
 * the app received. With `user`, signs in as them; without, the browser's
 * sign-in session there is reused (consent only).
 */
async function launchFromEhr(page: Page, patient: string, { user, issuer = ISSUER }: { user?: "nurse" | "doctor"; issuer?: string } = {}) {
  const token = nextToken(page, "authorization_code");
  await page.goto(`${issuer}/launch?patient=${patient}&app=${encodeURIComponent(`${APP}/launch`)}`);
  if (user) {
    await approveAtSandbox(page, user);
  } else {
    await expect(page.getByRole("heading", { name: /Allow Bedside/ })).toBeVisible();
    await page.getByRole("button", { name: "Allow", exact: true }).click();
  }
  const received = await token;
  // A launch opens the launched patient's summary.
  await page.waitForURL((u) => u.pathname === "/summary" && u.searchParams.get("patient") === patient);
  await expect(banner(page)).toBeVisible({ timeout: 20_000 });
  return received;
}

/** The patient banner of a patient page. */
const banner = (page: Page) => page.getByRole("region", { name: "Patient", exact: true });

/** A patient's NHS number as the app shows it (3 3 4). */
async function nhsNumber(request: APIRequestContext, token: string, id: string) {
  const record = await (await fhir(request, token, `Patient/${id}`)).json();
  return String(record.identifier[0].value).replace(/(\d{3})(\d{3})(\d{4})/, "$1 $2 $3");
}

// Each test here is two or three sign-ins (EHR launches with consent) in
// tabs of their own, with axe on the way: on a busy 2-core machine one took
// 31 s, all of it spent working, not waiting on a hung page (the trace's
// steps account for every second), so 30 s is too short a budget for it.
test.describe.configure({ timeout: 60_000 });

test.describe("tabs in different contexts", () => {
  test("an EHR launch for patient B in a second tab leaves the first tab on patient A, with a notice, until the user switches", async ({ page, context, request }) => {
    // Patient A, from the EHR, in the first tab.
    const first = await launchFromEhr(page, "patient-00003", { user: "doctor" });
    const patientA = await nhsNumber(request, first.access_token, "patient-00003");
    await expect(banner(page)).toContainText(patientA);

    // The EHR opens Bedside for patient B in a second tab. The sandbox's
    // sign-in session from the first tab is reused: consent only.
    const second = await context.newPage();
    const launch = await launchFromEhr(second, "patient-00007");
    expect(launch.patient).toBe("patient-00007");
    const patientB = await nhsNumber(request, launch.access_token, "patient-00007");
    await expect(banner(second)).toContainText(patientB);

    // The first tab says what happened, and stays on patient A.
    await expect(notice(page)).toContainText("Another window was opened for a different patient");
    await expect(notice(page)).toContainText("This window still shows the patient it was opened for");
    await expect(banner(page)).toContainText(patientA);
    await expect(banner(page)).not.toContainText(patientB);
    await expect(page.getByRole("heading", { name: "This screen is locked" }), "the same person: no lock").toHaveCount(0);
    await expectAccessible(page);
    // Its requests still carry its own token, not the launch's.
    const own = await searchFrom(page, "a");
    expect(own.headers()["authorization"]).toBe(`Bearer ${first.access_token}`);

    // A reload keeps this tab on patient A (its own refresh token, not the
    // other tab's session).
    const refreshed = nextToken(page, "refresh_token");
    await page.goto("/");
    const renewed = await refreshed;
    expect(renewed.patient, "the first tab's own grant").toBe("patient-00003");
    await expect(page.getByTestId("patient-in-context")).toContainText(patientA);

    // The second tab still has patient B, and its own token.
    const theirs = await searchFrom(second, "a");
    expect(theirs.headers()["authorization"]).toBe(`Bearer ${launch.access_token}`);
  });

  test("unlocking never changes a tab's patient: launched for A, with B launched in another tab, it unlocks on A with its draft", async ({ page, context }) => {
    await launchFromEhr(page, "patient-00003", { user: "doctor" });
    await page.getByRole("navigation", { name: "This patient's pages" }).getByRole("link", { name: "Observations" }).click();
    const pulse = page.getByRole("textbox", { name: "Pulse", exact: true });
    await pulse.fill("97");
    const second = await context.newPage();
    await launchFromEhr(second, "patient-00007");

    // A sign-in service that hands an authorization without `launch` the
    // browser's newest grant, launch context and all (the second tab's,
    // for patient B), as some do.
    await sandboxSwitches(context, { inheritContext: true });
    await page.getByRole("button", { name: "Lock screen" }).click();
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    const answer = nextToken(page, "authorization_code");
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    await unlockAtSandbox(await popupOpened, "doctor");
    expect((await answer).patient, "the service answered with the other tab's patient").toBe("patient-00007");

    // Still patient A, with what was typed, and no offer to switch.
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeHidden();
    await expect(pulse).toHaveValue("97");
    expect(new URL(page.url()).searchParams.get("patient")).toBe("patient-00003");
    const kept = JSON.parse((await page.evaluate(() => sessionStorage.getItem("bedside.session"))) ?? "{}");
    expect(kept.context?.patient).toBe("patient-00003");
    await expect(banner(second)).toBeVisible();
  });

  test("a standalone tab with no patient keeps having none when another tab is launched for a patient", async ({ page, context }) => {
    const first = await signInThroughApp(page, "nurse");
    const second = await context.newPage();
    await launchFromEhr(second, "patient-00007");
    await expect(notice(page)).toContainText("This window has no patient chosen by your clinical record system");
    await expect(page.getByTestId("patient-in-context")).toHaveCount(0);
    const own = await searchFrom(page, "a");
    expect(own.headers()["authorization"]).toBe(`Bearer ${first.access_token}`);
  });

  test("switching a tab to another tab's patient is the user's choice, and visible", async ({ page, context }) => {
    await signInThroughApp(page, "nurse");
    const second = await context.newPage();
    const launch = await launchFromEhr(second, "patient-00007");

    await expect(notice(page)).toBeVisible();
    await page.getByRole("button", { name: "Switch this window to it" }).click();
    await expect(notice(page)).toHaveCount(0);
    await expect(page.getByTestId("patient-in-context")).toBeVisible();
    await expect(page.getByTestId("patient-in-context")).toContainText(/NHS number/);
    const now = await searchFrom(page, "a");
    expect(now.headers()["authorization"]).toBe(`Bearer ${launch.access_token}`);

    // "Keep" puts the notice away and changes nothing.
    const third = await context.newPage();
    await launchFromEhr(third, "patient-00003");
    await expect(notice(page)).toBeVisible();
    await page.getByRole("button", { name: "Keep this window as it is" }).click();
    await expect(notice(page)).toHaveCount(0);
    const kept = await searchFrom(page, "a");
    expect(kept.headers()["authorization"]).toBe(`Bearer ${launch.access_token}`);
  });

  test("signing in to another organisation in one tab leaves the other tab's organisation alone, locked: another user is at the computer", async ({ page, context }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill("Unsaved words");

    // The second organisation's EHR launches Bedside in another tab. Its
    // sign-in service is another issuer: whoever signs in there is another
    // user as far as Bedside can tell (a user is issuer and subject).
    const second = await context.newPage();
    await launchFromEhr(second, "patient-00007", { user: "nurse", issuer: SECOND_ISSUER });
    await second.getByRole("link", { name: "NHS Bedside homepage" }).click();
    await expect(second.getByText(`you are signed in to ${SECOND_ORGANISATION}`)).toBeVisible();
    const theirs = await searchFrom(second, "a");
    expect(theirs.url().startsWith(`${SECOND_FHIR_BASE}/`), theirs.url()).toBe(true);

    // The first tab locked, its page kept.
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    const popup = await popupOpened;
    // Unlocking at the tab's own organisation's sign-in service.
    await popup.waitForURL((u) => u.href.startsWith(`${ISSUER}/`));
    await unlockAtSandbox(popup, "nurse");
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeHidden();
    await expect(page.getByLabel("Name or NHS number")).toHaveValue("Unsaved words");
    await expect(notice(page)).toContainText(`Another window signed in to ${SECOND_ORGANISATION}`);
    await expect(notice(page)).toContainText(`This window is still signed in to ${ORGANISATION}`);
    await expectAccessible(page);
    const ours = page.waitForRequest((r) => r.url().includes("/Patient?"));
    await page.getByRole("button", { name: "Search" }).click();
    expect((await ours).url().startsWith(`${FHIR_BASE}/`)).toBe(true);
  });

  test("each context's tokens are renewed by a tab of its own, each with its own refresh token", async ({ page, context }) => {
    await context.clock.install();
    const first = await signInThroughApp(page, "nurse");
    const second = await context.newPage();
    const launch = await launchFromEhr(second, "patient-00007");
    // A third tab takes whichever context answers first, and follows that
    // context's leader.
    const third = await context.newPage();
    await third.goto("/");
    await expect(signedInUser(third)).toBeVisible();
    const kept = await third.evaluate(() => sessionStorage.getItem("bedside.session") ?? "{}");
    const thirdHasPatient = JSON.parse(kept).context?.patient === "patient-00007";

    const sent: string[] = [];
    context.on("request", (r) => {
      if (r.url() === `${ISSUER}/token` && (r.postData() ?? "").includes("grant_type=refresh_token")) {
        sent.push(new URLSearchParams(r.postData() ?? "").get("refresh_token") ?? "");
      }
    });
    const renewedFirst = nextToken(page, "refresh_token");
    const renewedSecond = nextToken(second, "refresh_token");
    await context.clock.fastForward((Math.max(first.expires_in, launch.expires_in) - 55) * 1000);
    const [a, b] = await Promise.all([renewedFirst, renewedSecond]);
    expect(a.patient, "the first context's own grant").toBeUndefined();
    expect(b.patient).toBe("patient-00007");
    // One refresh per context, each with that context's token: never one
    // refresh token used twice, and never one context's for another.
    expect(sent.sort()).toEqual([first.refresh_token!, launch.refresh_token!].sort());
    // The third tab took its context's renewed tokens.
    const its = thirdHasPatient ? b : a;
    await expect.poll(() => third.evaluate(() => sessionStorage.getItem("bedside.session") ?? "")).toContain(its.refresh_token!);
  });

  test("signing out in one organisation's tab signs out the other's too, revoking its refresh token", async ({ page, context }) => {
    const first = await signInThroughApp(page, "nurse");
    const second = await context.newPage();
    await second.goto("/");
    // A second tab signs in to the second organisation through its EHR.
    await launchFromEhr(second, "patient-00007", { user: "doctor", issuer: SECOND_ISSUER });
    await expect(signedInUser(second)).toContainText(USER_NAME.doctor);
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();

    const revoked = page.waitForRequest((r) => r.url() === `${ISSUER}/token/revocation`);
    await second.getByRole("button", { name: "Sign out" }).first().click();
    const sent = new URLSearchParams((await revoked).postData() ?? "").get("token");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
    await expect(page.getByText(`This window was also signed in to ${ORGANISATION}`)).toBeVisible();
    await expectAccessible(page);
    // The first tab's refresh token (or its rotated successor) no longer works.
    const reuse = await page.request.post(`${ISSUER}/token`, {
      form: { grant_type: "refresh_token", refresh_token: sent ?? first.refresh_token!, client_id: "bedside" },
    });
    expect(reuse.status(), "revoked").toBe(400);
  });
});

test.describe("NHS Care Identity Service 2 (the second organisation signs in as CIS2 does)", () => {
  test("sign-in asks for a smartcard's assurance and the user's role, and the start page names the role chosen", async ({ page }) => {
    await page.goto("/");
    const asked = page.waitForRequest((r) => r.url().startsWith(`${SECOND_ISSUER}/auth?`));
    await page.getByRole("button", { name: `Sign in with ${SECOND_ORGANISATION}` }).click();
    const authorize = new URL((await asked).url());
    expect(authorize.searchParams.get("acr_values")).toBe("AAL3_ANY");
    expect(authorize.searchParams.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["nationalrbacaccess", "selectedrole"]));
    const token = nextToken(page, "authorization_code");
    // CIS2 names the chosen role in the id_token and gives the user's roles
    // (with the role's name) at its userinfo endpoint only.
    const userinfo = page.waitForRequest((r) => r.url() === `${SECOND_ISSUER}/me` && r.method() === "GET");
    await approveAtSandbox(page, "nurse");
    const received = await token;
    const said = claims(received.id_token!);
    expect(said.authentication_assurance_level).toBe("3");
    expect(said.selected_roleid).toBe("555254240100");
    expect(said.nhsid_nrbac_roles, "the roles are not in CIS2's id_token").toBeUndefined();
    expect((await userinfo).headers()["authorization"]).toBe(`Bearer ${received.access_token}`);
    await expect(page.getByText(`you are signed in to ${SECOND_ORGANISATION} as Nurse Access Role (R8X00).`)).toBeVisible();
    // The header says the role on every page, and still fits a phone.
    await expect(signedInUser(page)).toHaveText(/^Signed in as .+, Nurse Access Role \(R8X00\)$/);
    await openTool(page, "Find a patient");
    await expect(signedInUser(page)).toContainText(", Nurse Access Role (R8X00)");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  test("when the userinfo endpoint does not answer, the sign-in stands and the header names the user without a role", async ({ page, pageProblems }) => {
    await page.route(`${SECOND_ISSUER}/me`, (route) => route.abort("connectionrefused"));
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${SECOND_ORGANISATION}` }).click();
    await approveAtSandbox(page, "nurse");
    await expect(page.getByText(`you are signed in to ${SECOND_ORGANISATION}`)).toBeVisible();
    await expect(signedInUser(page)).toHaveText(/^Signed in as [^,]+$/);
    await expectAccessible(page);
    // The browser's own report of the refused request.
    expect(takeExpectedProblems(pageProblems, /ERR_CONNECTION_REFUSED/)).toBe(1);
  });

  test("a sign-in below the organisation's assurance level (a password, not a smartcard) is refused", async ({ page, context }) => {
    await context.addCookies([{ name: "sandbox_password_only", value: "1", url: SECOND_ISSUER }]);
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${SECOND_ORGANISATION}` }).click();
    const token = nextToken(page, "authorization_code");
    await approveAtSandbox(page, "nurse");
    expect(claims((await token).id_token!).authentication_assurance_level).toBe("1");
    await expect(page.getByRole("alert")).toContainText("needs a stronger sign-in");
    await expect(signedInUser(page)).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("mix-up defence without iss", () => {
  test("the second organisation's service sends no iss: its answers come back to its own address and work", async ({ page }) => {
    await page.goto("/");
    const redirects: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${APP}/auth/callback`)) redirects.push(r.url());
    });
    await page.getByRole("button", { name: `Sign in with ${SECOND_ORGANISATION}` }).click();
    const token = nextToken(page, "authorization_code");
    await approveAtSandbox(page, "doctor");
    const received = await token;
    await expect(page.getByText(`you are signed in to ${SECOND_ORGANISATION}`)).toBeVisible();
    expect(redirects.length).toBe(1);
    const back = new URL(redirects[0]);
    expect(back.pathname).toBe("/auth/callback/second");
    expect(back.searchParams.get("iss"), "this service sends no iss").toBeNull();
    const sent = await searchFrom(page, "a");
    expect(sent.url().startsWith(`${SECOND_FHIR_BASE}/`), sent.url()).toBe(true);
    expect(sent.headers()["authorization"]).toBe(`Bearer ${received.access_token}`);
  });

  test("an answer arriving at another organisation's address is refused before its code goes anywhere", async ({ page }) => {
    const redeemed: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/token")) redeemed.push(r.url());
    });
    // What a mix-up attacker achieves: the second service's answer (no iss
    // to give it away) delivered to the first organisation's callback.
    await rewriteAnswerToApp(page, SECOND_ISSUER, APP, (answer) => {
      expect(answer.pathname).toBe("/auth/callback/second");
      answer.pathname = "/auth/callback/sandbox";
    });
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${SECOND_ORGANISATION}` }).click();
    await approveAtSandbox(page, "nurse");

    const problem = page.getByRole("alert");
    await expect(problem).toContainText("came from a different sign-in service");
    expect(redeemed, "no code went to any token endpoint").toEqual([]);
    await expectAccessible(page);
  });
});
