import type { BrowserContext, Page } from "@playwright/test";
import { test, expect, expectAccessible, expectStyled, takeExpectedProblems } from "./fixtures";
import { fhir, FHIR_BASE, ISSUER, SECOND_ISSUER } from "./sandbox/smart";
import {
  approveAtSandbox,
  backFromSignOut,
  nextToken,
  openTool,
  ORGANISATION,
  rewriteAnswerToApp,
  sandboxSwitches,
  serviceSignsStraightIn,
  signedInUser,
  signInThroughApp,
  storedText,
  unlockAtSandbox,
  USER_NAME,
} from "./pages/session";

// The sign-on broker in the real app, against the sandbox's oidc-provider
// and FHIR server: one sign-in shared by every tab, refreshed silently,
// locked when idle and signed out everywhere at once.

const APP = `http://localhost:${process.env.BEDSIDE_E2E_PORT ?? 8180}`;

test.describe("single sign-on", () => {
  test("standalone launch: sign in once, read FHIR with the token, nothing secret in storage", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
    await expectAccessible(page);
    await expectStyled(page, "body");

    const token = await signInThroughApp(page, "nurse");

    // Back where we started, with the code and state gone from the address.
    expect(page.url()).toBe(`${APP}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedside");
    await expect(page.getByText(`you are signed in to ${ORGANISATION}`)).toBeVisible();
    await expectAccessible(page);

    // The access token is in memory only; the refresh token survives a reload in sessionStorage only.
    const stored = await storedText(page);
    expect(stored).not.toContain(token.access_token);
    expect(stored).toContain(token.refresh_token!);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // A FHIR tool works with the session's token.
    const someone = await (await fhir(request, token.access_token, "Patient?_count=1")).json();
    const family: string = someone.entry[0].resource.name[0].family;
    await openTool(page, "Find a patient");
    expect(page.url()).toBe(`${APP}/find-patient`);
    await page.getByLabel("Name or NHS number").fill(family);
    const search = page.waitForRequest((r) => r.url().includes("/Patient?") && r.url().includes("name="));
    await page.getByRole("button", { name: "Search" }).click();
    expect((await search).headers()["authorization"]).toBe(`Bearer ${token.access_token}`);
    await expect(page.getByRole("table")).toContainText(family.toUpperCase());
    await expectAccessible(page);
    // The app's own markup is styled too, not just the gallery's (the
    // results table was not: nhsuk-frontend's table Sass was not compiled).
    await expectStyled(page, "body");
  });

  test("no address in the tab's history holds the authorization code", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    // Every entry of this tab's history, the sign-in service's pages
    // included, as Back would show them: the callback's address was
    // replaced before anything else could keep it.
    const cdp = await page.context().newCDPSession(page);
    const { entries } = await cdp.send("Page.getNavigationHistory");
    const urls = entries.map((e) => e.url).filter((u) => u.startsWith("http"));
    expect(urls.filter((u) => u.startsWith(ISSUER)).length, "the sign-in service's pages are in the history").toBeGreaterThan(0);
    // The callback's entry, after the sign-in service's: now the start page.
    expect(urls.at(-1)).toBe(`${APP}/`);
    for (const url of urls) {
      const params = new URL(url).searchParams;
      expect(params.get("code"), url).toBeNull();
      expect(params.get("state"), url).toBeNull();
    }
  });

  test("a reload keeps the session without signing in again", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    const refreshed = nextToken(page, "refresh_token");
    await page.reload();
    await refreshed;
    await expect(signedInUser(page)).toContainText(USER_NAME.nurse);
    expect(page.url().startsWith(ISSUER)).toBe(false);
  });

  test("EHR launch: the doctor lands on the launched patient's summary, which a reload keeps", async ({ page, request }) => {
    await page.goto(`${ISSUER}/launch?patient=patient-00007&app=${encodeURIComponent(`${APP}/launch`)}`);
    const token = nextToken(page, "authorization_code");
    await approveAtSandbox(page, "doctor");
    const received = await token;
    expect(received.patient).toBe("patient-00007");

    await expect(signedInUser(page)).toContainText(USER_NAME.doctor);
    // Straight to the summary: no launcher, no search.
    await page.waitForURL(`${APP}/summary?patient=patient-00007`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Patient summary");
    const record = await (await fhir(request, received.access_token, "Patient/patient-00007")).json();
    const nhs = String(record.identifier[0].value).replace(/(\d{3})(\d{3})(\d{4})/, "$1 $2 $3");
    // The sandbox's launches ask for the banner (need_patient_banner).
    const banner = page.getByRole("region", { name: "Patient", exact: true });
    await expect(banner).toContainText(nhs, { timeout: 20_000 });
    await expect(banner).toContainText(String(record.name[0].family).toUpperCase());
    await expect(page.getByRole("heading", { name: "Allergies" })).toBeVisible();
    await expectAccessible(page);

    // A reload keeps the launch context; the patient is read once the session is restored.
    const refreshes: number[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/token") && (r.request().postData() ?? "").includes("refresh_token")) refreshes.push(r.status());
    });
    await page.reload();
    await expect(banner).toContainText(nhs, { timeout: 20_000 });
    expect(page.url()).toBe(`${APP}/summary?patient=patient-00007`);
    // The launcher still shows who is in context.
    await page.getByRole("link", { name: "NHS Bedside homepage" }).click();
    await expect(page.getByTestId("patient-in-context")).toContainText(nhs);
    expect(refreshes, "one refresh, never a replayed refresh token").toEqual([200]);
  });

  test("an EHR launch from a server this site does not know is refused", async ({ page }) => {
    await page.goto(`/launch?iss=${encodeURIComponent("https://evil.example/fhir Call 0800 000 000 to unlock your account")}&launch=abc`);
    await expect(page.getByRole("alert")).toContainText("a clinical record system this site is not set up to use");
    // The link's text is never said on Bedside's page.
    await expect(page.getByRole("alert")).not.toContainText("0800");
    await expect(page.getByRole("alert")).not.toContainText("evil.example");
    expect(page.url().startsWith(APP)).toBe(true);
    await expectAccessible(page);
  });

  test("a second tab is signed in without signing in again", async ({ page, context }) => {
    await signInThroughApp(page, "nurse");

    const second = await context.newPage();
    const authorizeRequests: string[] = [];
    second.on("request", (r) => {
      if (r.url().startsWith(`${ISSUER}/auth`)) authorizeRequests.push(r.url());
    });
    await second.goto("/");
    await expect(signedInUser(second)).toContainText(USER_NAME.nurse);
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Bedside");
    expect(authorizeRequests).toEqual([]);
  });

  test("signing out in one tab signs out every tab and leaves no tokens in any storage", async ({ page, context }) => {
    const token = await signInThroughApp(page, "nurse");
    const second = await context.newPage();
    await second.goto("/");
    await expect(signedInUser(second)).toContainText(USER_NAME.nurse);

    const back = backFromSignOut(second);
    await second.getByRole("button", { name: "Sign out" }).click();
    // The sign-on server's own session ends too (RP-initiated logout),
    // without a "Sign out?" question (the id_token is the hint), back on a
    // Bedside page that says so.
    await back;
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
    await expect(second.getByRole("status")).toHaveText("You have signed out.");

    // The first tab was signed out without a reload.
    await expect(page.getByText("You have been signed out in another window.")).toBeVisible();
    await expect(signedInUser(page)).toHaveCount(0);
    for (const tab of [page, second]) {
      const stored = await storedText(tab);
      expect(stored).not.toContain(token.access_token);
      expect(stored).not.toContain(token.refresh_token!);
      expect(await tab.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    }
    // The refresh token was revoked.
    const reuse = await page.request.post(`${ISSUER}/token`, {
      form: { grant_type: "refresh_token", refresh_token: token.refresh_token!, client_id: "bedside" },
    });
    expect(reuse.status()).toBe(400);

    // The provider's session is over: even a request that does not ask who
    // is at the computer meets its login page.
    expect(await serviceSignsStraightIn(page)).toBe(false);
  });

  test("an expiring access token is refreshed silently while in use", async ({ page }) => {
    await page.clock.install();
    const first = await signInThroughApp(page, "nurse");
    expect(first.expires_in).toBeLessThanOrEqual(300);

    // The leader refreshes a minute before expiry; nothing is shown to the user.
    const refreshed = nextToken(page, "refresh_token");
    await page.clock.fastForward((first.expires_in - 55) * 1000);
    const second = await refreshed;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token, "rotated").not.toBe(first.refresh_token);
    await expect(signedInUser(page)).toContainText(USER_NAME.nurse);

    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill("a");
    const search = page.waitForRequest((r) => r.url().includes("/Patient?"));
    await page.getByRole("button", { name: "Search" }).click();
    expect((await search).headers()["authorization"]).toBe(`Bearer ${second.access_token}`);
    // The answer is in (rows, not "Searching…"), and it is not a problem.
    await expect(page.getByTestId("patient-results").getByRole("row").nth(1)).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
    // The rotated refresh token is what a reload would use.
    expect(await storedText(page)).toContain(second.refresh_token!);
  });

  test("a renewal while the sign-in service's keys cannot be fetched keeps the session, with the keys fetched at sign-in", async ({ page, pageProblems }) => {
    await page.clock.install();
    const first = await signInThroughApp(page, "nurse");
    let keyFetches = 0;
    await page.route(/\/jwks$/, (route) => {
      keyFetches += 1;
      return route.abort("internetdisconnected");
    });
    const refreshed = nextToken(page, "refresh_token");
    await page.clock.fastForward((first.expires_in - 55) * 1000);
    const second = await refreshed;
    expect(second.id_token, "the renewal brings an id_token to check").toBeTruthy();
    await expect.poll(() => storedText(page)).toContain(second.refresh_token!);
    await expect(page.getByRole("heading", { name: "Your session has ended" })).toHaveCount(0);
    await expect(signedInUser(page)).toContainText(USER_NAME.nurse);
    expect(keyFetches, "the keys from the sign-in served").toBe(0);
    takeExpectedProblems(pageProblems, /jwks/);
  });

  test("after signing in, an address that would leave the site (//host) returns to the start page, never to the other host", async ({ page }) => {
    // The app reads `//ward-list` as the ward list, but a browser reads it
    // as the host `ward-list`: a crafted link leaves it as the address to
    // come back to after signing in.
    const origin = new URL(test.info().project.use.baseURL ?? "").origin;
    await page.goto(`${origin}//ward-list`);
    await signInThroughApp(page, "nurse");
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("a tampered callback state is refused with a clear page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
    await page.waitForURL((u) => u.href.startsWith(ISSUER));
    await page.goto("/auth/callback/sandbox?code=stolen-code&state=tampered");

    const problem = page.getByRole("alert");
    await expect(problem).toContainText("There is a problem signing in");
    await expect(problem).toContainText("did not come from this browser");
    expect(page.url(), "the code is removed from the address").toBe(`${APP}/auth/callback`);
    await expect(page.getByRole("button", { name: "Start signing in again" })).toHaveAttribute("href", "/");
    await expectAccessible(page);
  });

  test("an answer naming another sign-in service is refused before its code goes anywhere (mix-up)", async ({ page }) => {
    const redeemed: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/token")) redeemed.push(r.url());
    });
    // The answer comes back with the `iss` of the other organisation's
    // sign-in service (RFC 9207), also configured: what a mix-up attacker's
    // server would hand over.
    const other = SECOND_ISSUER;
    await rewriteAnswerToApp(page, ISSUER, APP, (answer) => {
      expect(answer.pathname, "the organisation's own callback address").toBe("/auth/callback/sandbox");
      expect(answer.searchParams.get("iss"), "the sandbox names itself").toBe(ISSUER);
      answer.searchParams.set("iss", other);
    });
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
    await approveAtSandbox(page, "nurse");

    const problem = page.getByRole("alert");
    await expect(problem).toContainText("came from a different sign-in service");
    expect(page.url(), "the code is removed from the address").toBe(`${APP}/auth/callback`);
    expect(redeemed, "no code went to any token endpoint").toEqual([]);
    await expectAccessible(page);
  });

  test("a FHIR server that names the right issuer with another sign-in page is refused before the browser goes there", async ({ page }) => {
    // What a FHIR server (or someone between it and the browser) could
    // publish: the pinned issuer, and a look-alike sign-in page.
    const phishing = "http://127.0.0.1:8104/auth";
    await page.route(`${FHIR_BASE}/.well-known/smart-configuration`, async (route) => {
      const real = await (await route.fetch()).json();
      await route.fulfill({ json: { ...real, authorization_endpoint: phishing } });
    });
    const visited: string[] = [];
    page.on("request", (r) => visited.push(r.url()));
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
    const problem = page.getByRole("alert");
    await expect(problem).toContainText("does not list as its own");
    expect(visited.filter((u) => u.startsWith(phishing)), "the browser never went there").toEqual([]);
    expect(visited).toContain(`${ISSUER}/.well-known/openid-configuration`);
    await expectAccessible(page);
  });

  test("refusing consent is explained", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
    await page.getByRole("button", { name: /Sign in as Staff Nurse/ }).click();
    await page.getByRole("button", { name: "Do not allow" }).click();
    await expect(page.getByRole("alert")).toContainText("access was not allowed");
  });
});

/**
 * What a browser does when it reopens a closed tab: a new tab (first given
 * to `watch`) with the same `sessionStorage`, at the start page.
 */
async function reopen(context: BrowserContext, kept: Record<string, string>, watch: (tab: Page) => unknown = () => {}) {
  const tab = await context.newPage();
  watch(tab);
  await tab.addInitScript((saved) => {
    if (sessionStorage.length === 0) for (const [k, v] of Object.entries(saved)) sessionStorage.setItem(k, v);
  }, kept);
  await tab.goto("/");
  return tab;
}

/**
 * Nurse A signs in and closes the tab; the sign-in service will then ignore
 * `prompt=login`; a moment later the next person opens Bedside and selects
 * Sign in. Returns their page.
 */
async function nextPersonWhereTheServiceIgnoresTheQuestion(page: Page, context: BrowserContext) {
  await signInThroughApp(page, "nurse", { consent: false });
  await page.close();
  await sandboxSwitches(context, { ignoreReauth: true });
  // Whole seconds on the service's clock: A's sign-in is then clearly before
  // the next click.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const next = await context.newPage();
  await next.goto("/");
  await next.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
  return next;
}

test.describe("the next person at a shared PC", () => {
  // Remembered consent: the sandbox's sign-in service signs a live session
  // straight back in, as real single sign-on does.
  test.beforeEach(({ context }) => sandboxSwitches(context, { rememberConsent: true }));

  test("nurse A signs in and closes the tab; nurse B opening Bedside is asked who they are", async ({ page, context }) => {
    await signInThroughApp(page, "nurse", { consent: false });
    await page.close();

    const next = await context.newPage();
    await next.goto("/");
    await next.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
    await expect(next.getByRole("heading", { name: "Sign in", exact: true }), "the login page, not A's session").toBeVisible();
    expect(new URL(next.url()).origin).toBe(new URL(ISSUER).origin);
    // A's session was still alive there: a request that does not ask who is
    // at the computer would have signed B in as A.
    const probe = await context.newPage();
    expect(await serviceSignsStraightIn(probe)).toBe(true);
    await probe.close();

    const token = nextToken(next, "authorization_code");
    await next.getByRole("button", { name: /Sign in as Dr/ }).click();
    await token;
    await expect(signedInUser(next)).toContainText(USER_NAME.doctor);
  });

  test("a service that ignores the question: Bedside asks 'Continue as …?', and 'I am not' ends that session", async ({ page, context }) => {
    const next = await nextPersonWhereTheServiceIgnoresTheQuestion(page, context);
    const question = next.getByRole("heading", { name: /Continue as .*Florence Nightingale\?/ });
    await expect(question).toBeVisible();
    await expect(question).toBeFocused();
    await expect(signedInUser(next)).toHaveCount(0);
    await expectAccessible(next);

    await next.getByRole("button", { name: /I am not/ }).click();
    await expect(next.getByRole("status")).toContainText("Sign in with your own account");
    await expect(signedInUser(next)).toHaveCount(0);
    expect(await serviceSignsStraightIn(next), "the left-behind session was ended").toBe(false);
  });

  test("'Continue as' is the same person's choice to carry on", async ({ page, context }) => {
    const next = await nextPersonWhereTheServiceIgnoresTheQuestion(page, context);
    await next.getByRole("button", { name: /Continue as .*Florence Nightingale/ }).click();
    await expect(signedInUser(next)).toContainText(USER_NAME.nurse);
    await expect(next.getByTestId("launcher")).toBeVisible();
  });
});

test.describe("idle lock on shared PCs", () => {
  // A sign-in, a re-authentication in a popup and axe on three screens:
  // like the multi-tab journeys in contexts.spec.ts, longer than 30 s on a
  // busy 2-core machine.
  test.describe.configure({ timeout: 60_000 });

  test("the idle lock keeps an unsaved form value through re-authentication", async ({ page }) => {
    await page.clock.install();
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    const field = page.getByLabel("Name or NHS number");
    await field.fill("Unsaved words");

    // Ten minutes idle (config/sandbox.json): a warning a minute before, then the lock.
    await page.clock.fastForward("09:10");
    const warning = page.getByRole("alertdialog");
    await expect(warning).toContainText("This screen is about to lock");
    await expect(warning).toBeFocused();
    await expectAccessible(page);
    // A warning callout, styled (its deprecated classes had no rules).
    await expect(warning).toHaveClass(/nhsuk-card--warning/);
    await expectStyled(page, "body");
    await page.clock.fastForward("01:00");
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    await expect(field, "clinical content is hidden").toBeHidden();
    await expectAccessible(page);
    await expectStyled(page, "body");

    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    const popup = await popupOpened;
    // Re-authentication asks who you are again (prompt=login).
    await unlockAtSandbox(popup, "nurse");

    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeHidden();
    await expect(field).toBeVisible();
    await expect(field).toHaveValue("Unsaved words");
  });

  test("a different person unlocking gets a fresh session without the previous user's drafts", async ({ page }) => {
    const nurse = await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill("Nurse's draft");
    await page.getByRole("button", { name: "Lock screen" }).click();
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();

    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    // The pop-up proves who is here, no more: the doctor's own session
    // comes from a sign-in of their own, which the proof just given lets
    // through without asking again who they are (consent only).
    const revoked = page.waitForRequest((r) => r.url().endsWith("/token/revocation"));
    await unlockAtSandbox(await popupOpened, "doctor");
    await revoked;
    await expect(page.getByRole("heading", { name: /Allow Bedside/ })).toBeVisible();
    await page.getByRole("button", { name: "Allow", exact: true }).click();

    await expect(signedInUser(page)).toContainText(USER_NAME.doctor);
    // The nurse's pages are gone: the doctor starts at the launcher, and the tool opens empty.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedside");
    await openTool(page, "Find a patient");
    await expect(page.getByLabel("Name or NHS number")).toHaveValue("");
    // The nurse's refresh token (as a refresh may have rotated it: the last
    // one this tab kept before the doctor) no longer works at the server.
    const nurseRefresh = nurse.refresh_token!;
    const reuse = await page.request.post(`${ISSUER}/token`, {
      form: { grant_type: "refresh_token", refresh_token: nurseRefresh, client_id: "bedside" },
    });
    expect(reuse.status(), "the previous user's refresh token was revoked").toBe(400);
  });

  test("a locked screen stays locked through a reload, with nothing clinical in the page", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    await page.getByRole("button", { name: "Lock screen" }).click();
    const locked = page.getByRole("heading", { name: "This screen is locked" });
    await expect(locked).toBeVisible();

    await page.reload();
    await expect(locked).toBeVisible();
    await expect(locked).toBeFocused();
    // Not hidden: absent. A reload has no drafts to keep.
    await expect(page.getByLabel("Name or NHS number")).toHaveCount(0);
    await expect(page.getByTestId("launcher")).toHaveCount(0);
    await expectAccessible(page);

    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    await unlockAtSandbox(await popupOpened, "nurse");
    await expect(locked).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "Find a patient" })).toBeVisible();
  });

  test("a tab the browser restores opens locked if it was, or if its idle limit has passed", async ({ page, context }) => {
    await signInThroughApp(page, "nurse");
    await page.getByRole("button", { name: "Lock screen" }).click();
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    const storage = await page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
    await page.close();

    // What a browser does when it reopens a closed tab: the same address,
    // the same sessionStorage.
    const refreshes: string[] = [];
    context.on("request", (r) => {
      if (r.url().endsWith("/token") && (r.postData() ?? "").includes("grant_type=refresh_token")) refreshes.push(r.url());
    });
    const restore = (entries: Record<string, string>) => reopen(context, entries);
    // A tab that opens locked waits, locked, for someone to prove they are
    // here: it never renews its kept refresh token on its own (another tab
    // may have rotated it meanwhile). Once the lock screen is up, its start
    // is over: had it renewed, the request would have left by then.
    const lockedAndQuiet = async (tab: import("@playwright/test").Page) => {
      await expect(tab.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
      await expect(tab.getByTestId("launcher")).toHaveCount(0);
      await expect.poll(() => tab.evaluate(() => document.readyState)).toBe("complete");
      await tab.waitForTimeout(1_000);
      expect(refreshes, "no refresh from a tab that opened locked").toEqual([]);
      await tab.close();
    };
    const { ["bedside.lock"]: _, ["bedside.lock-since"]: __, ...unlocked } = storage;
    await lockedAndQuiet(await restore(storage));

    // Not locked when it closed, but unused for longer than the idle limit
    // (10 minutes, config/sandbox.json): locked when it comes back.
    await lockedAndQuiet(await restore({ ...unlocked, "bedside.activity": String(Date.now() - 11 * 60_000) }));

    // Used a minute ago: not locked, and it renews its session as a reload does.
    const recent = await restore({ ...unlocked, "bedside.activity": String(Date.now() - 60_000) });
    await expect(recent.getByTestId("launcher")).toBeVisible();
    expect(refreshes).toHaveLength(1);
    const kept = await recent.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
    await recent.close();

    // Used nine and a half minutes ago: the idle time counts from then, not
    // from the reopening, so the warning is up at once.
    const idle = await restore({ ...kept, "bedside.activity": String(Date.now() - 9.5 * 60_000) });
    await expect(idle.getByTestId("launcher")).toBeVisible();
    await expect(idle.getByRole("alertdialog")).toContainText("This screen is about to lock");
  });

  test("a restored locked tab never renews alone: the working tab's refresh, after the other tab unlocks, still succeeds", async ({ page, context }) => {
    await context.clock.install();
    const first = await signInThroughApp(page, "nurse");
    const second = await context.newPage();
    await second.goto("/");
    await expect(signedInUser(second)).toContainText(USER_NAME.nurse);
    const refreshesFrom = new Map<import("@playwright/test").Page, number>();
    const count = (tab: import("@playwright/test").Page) =>
      tab.on("request", (r) => {
        if (r.url().endsWith("/token") && (r.postData() ?? "").includes("grant_type=refresh_token")) refreshesFrom.set(tab, (refreshesFrom.get(tab) ?? 0) + 1);
      });

    // Both lock; the second tab is closed, keeping its storage as a browser does.
    await page.getByRole("button", { name: "Lock screen" }).click();
    for (const tab of [page, second]) await expect(tab.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    const kept = await second.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
    await second.close();

    // Later it is restored: locked, with the session of the tab still open.
    const restored = await reopen(context, kept, count);
    await expect(restored.getByRole("heading", { name: "This screen is locked" })).toBeVisible();

    // The other tab is unlocked, and the token's lifetime passes.
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    await unlockAtSandbox(await popupOpened, "nurse");
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeHidden();
    await expect(restored.getByRole("heading", { name: "This screen is locked" }), "the proof unlocks the same context's tabs").toBeHidden();
    const renewed = nextToken(page, "refresh_token");
    await context.clock.fastForward(first.expires_in * 1000);
    const next = await renewed;
    expect(next.refresh_token, "the working tab's refresh succeeded, with a rotated token").not.toBe(first.refresh_token);
    expect(refreshesFrom.get(restored) ?? 0, "no refresh from the restored tab").toBe(0);
    await expect.poll(() => storedText(restored)).toContain(next.refresh_token!);

    // Restored again, now that the refresh token it kept has been rotated
    // (the review's case): it takes the working tab's session instead of
    // replaying its own, and the working tab's next refresh still succeeds.
    await restored.close();
    const late = await reopen(context, kept, count);
    await expect.poll(() => storedText(late)).toContain(next.refresh_token!);
    const again = nextToken(page, "refresh_token");
    await context.clock.fastForward(next.expires_in * 1000);
    expect((await again).refresh_token).not.toBe(next.refresh_token);
    expect(refreshesFrom.get(late) ?? 0, "no refresh from the tab restored with a spent token").toBe(0);
    await expect(page.getByRole("heading", { name: "Your session has ended" })).toHaveCount(0);
  });

  test("unlocking against a sign-in service that does not ask for the password again is refused", async ({ page, context }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    await page.getByRole("button", { name: "Lock screen" }).click();
    const locked = page.getByRole("heading", { name: "This screen is locked" });
    await expect(locked).toBeVisible();

    // The sandbox's switch: this browser's sign-in service ignores
    // prompt=login and max_age=0 and hands back the session it has.
    await context.addCookies([{ name: "sandbox_ignore_reauth", value: "1", url: ISSUER }]);
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    const popup = await popupOpened;
    // Straight back: nobody was asked who they are.
    await popup.waitForEvent("close");

    const problem = page.getByRole("alert");
    await expect(problem).toContainText("did not ask for your password again");
    await expect(locked).toBeVisible();
    await expect(page.getByLabel("Name or NHS number")).toBeHidden();
    await expectAccessible(page);
  });

  test("forged tab messages from a page of this origin change nothing", async ({ page }) => {
    const token = await signInThroughApp(page, "nurse");
    const stored = JSON.parse((await page.evaluate(() => sessionStorage.getItem("bedside.session")))!);

    // Another page on this origin posts a session for a FHIR server the
    // deployment does not have: ignored.
    const forge = (message: unknown) =>
      page.evaluate((m) => new BroadcastChannel("bedside-session").postMessage(JSON.stringify(m)), message);
    await forge({ Session: { session: { ...stored, fhir_base_url: "https://evil.example/fhir", access_token: "stolen" }, locked: false } });
    await openTool(page, "Find a patient");
    await page.getByLabel("Name or NHS number").fill("a");
    const search = page.waitForRequest((r) => r.url().includes("/Patient?"));
    await page.getByRole("button", { name: "Search" }).click();
    const sent = await search;
    expect(sent.url().startsWith(`${FHIR_BASE}/`), sent.url()).toBe(true);
    expect(sent.headers()["authorization"]).toBe(`Bearer ${token.access_token}`);

    // Locked, then "unlocked" by a message carrying the session's own
    // (old) id_token: no fresh sign-in, so still locked.
    await page.getByRole("button", { name: "Lock screen" }).click();
    const locked = page.getByRole("heading", { name: "This screen is locked" });
    await expect(locked).toBeVisible();
    await forge({ Session: { session: { ...stored, access_token: token.access_token, id_token: token.id_token }, locked: false } });
    // The id_token is checked with the keys held since sign-in (no request
    // to wait for): a moment is ample, and it is found old.
    await page.waitForTimeout(1_000);
    await expect(locked).toBeVisible();
    await expect(page.getByLabel("Name or NHS number")).toBeHidden();
  });

  test("a tab that took its session from a message sends the refresh token only to the endpoints it discovered itself", async ({ page, context }) => {
    await context.clock.install();
    const first = await signInThroughApp(page, "nurse");
    // The second tab hears every session with another token endpoint (a
    // page of this origin posting on the channel could say anything).
    const evil = `${ISSUER}/not-the-token-endpoint`;
    const second = await context.newPage();
    await second.addInitScript((endpoint) => {
      const slot = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, "onmessage")!;
      Object.defineProperty(BroadcastChannel.prototype, "onmessage", {
        get() {
          return slot.get!.call(this);
        },
        set(handler: (e: MessageEvent) => void) {
          slot.set!.call(this, (event: MessageEvent) => {
            let data = event.data;
            try {
              const message = JSON.parse(data);
              if (message.Session) {
                message.Session.session.server.token_endpoint = endpoint;
                message.Session.session.server.revocation_endpoint = endpoint;
                data = JSON.stringify(message);
              }
            } catch {
              // not ours
            }
            handler({ data } as MessageEvent);
          });
        },
      });
    }, evil);
    const sent: string[] = [];
    second.on("request", (r) => {
      if (r.method() === "POST" && r.url().startsWith(ISSUER)) sent.push(r.url());
    });
    await second.goto("/");
    await expect(signedInUser(second)).toContainText(USER_NAME.nurse);

    // The first tab closes: the second leads, and renews.
    await page.close();
    const renewed = nextToken(second, "refresh_token");
    await context.clock.fastForward(first.expires_in * 1000);
    await renewed;
    expect(sent.filter((u) => u.startsWith(evil)), "nothing to the message's endpoint").toEqual([]);
    expect(sent).toContain(`${ISSUER}/token`);
  });

  test("a screen left locked longer than the deployment allows is signed out, its refresh token revoked", async ({ page }) => {
    await page.clock.install();
    await signInThroughApp(page, "nurse");
    await page.getByRole("button", { name: "Lock screen" }).click();
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();

    // lockSignOutMinutes defaults to 60.
    const revocation = page.waitForRequest((r) => r.url().endsWith("/token/revocation"));
    const back = backFromSignOut(page);
    await page.clock.fastForward("59:00");
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
    await page.clock.fastForward("01:00");
    const revoked = new URLSearchParams((await revocation).postData() ?? "").get("token");
    expect(revoked, "the refresh token was sent for revocation").toBeTruthy();
    // Then the sign-on server's own session ends too (RP-initiated logout),
    // with nobody at the computer to answer a question, and Bedside says why.
    await back;
    await expect(page.getByRole("status")).toContainText("the screen stayed locked for too long", { timeout: 15_000 });
    const reuse = await page.request.post(`${ISSUER}/token`, {
      form: { grant_type: "refresh_token", refresh_token: revoked!, client_id: "bedside" },
    });
    expect(reuse.status()).toBe(400);
    expect(await serviceSignsStraightIn(page), "the sign-in service's session ended").toBe(false);
  });

  test("two tabs: locking one while the leader's refresh is held up leaves both locked", async ({ page, context }) => {
    await context.clock.install();
    const first = await signInThroughApp(page, "nurse"); // the leader: it signed in first
    const second = await context.newPage();
    await second.goto("/");
    await expect(signedInUser(second)).toContainText(USER_NAME.nurse);

    // The leader's refresh leaves, and is held on the way.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/token$/, async (route) => {
      if ((route.request().postData() ?? "").includes("grant_type=refresh_token")) await held;
      return route.continue();
    });
    const leaving = page.waitForRequest((r) => r.url().endsWith("/token") && (r.postData() ?? "").includes("grant_type=refresh_token"));
    await context.clock.fastForward((first.expires_in - 55) * 1000);
    await leaving;

    // Meanwhile the other tab is locked.
    await second.getByRole("button", { name: "Lock screen" }).click();
    for (const tab of [page, second]) await expect(tab.getByRole("heading", { name: "This screen is locked" })).toBeVisible();

    // The refresh lands, and its news reaches both tabs: neither unlocks.
    const landed = nextToken(page, "refresh_token");
    release();
    const renewed = await landed;
    // Both tabs have taken the renewed tokens (so the news has gone round)...
    for (const tab of [page, second]) {
      await expect.poll(() => storedText(tab)).toContain(renewed.refresh_token!);
    }
    // ...and both are still locked.
    for (const tab of [page, second]) {
      await expect(tab.getByRole("heading", { name: "This screen is locked" })).toBeVisible();
      await expect(tab.getByTestId("launcher")).toBeHidden();
    }
  });
});
