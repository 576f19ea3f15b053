import { expect, type BrowserContext, type Page, type Response } from "@playwright/test";
import { authorizeUrl, ISSUER, pkce, USER_BUTTON, type SandboxUser, type TokenResponse } from "../sandbox/smart";

/** The app's origin, which the sandbox's test callback is on. */
const APP_ORIGIN = `http://localhost:${process.env.BEDSIDE_E2E_PORT ?? 8180}`;

/** The organisations config/sandbox.json offers. */
export const ORGANISATION = "Bedside Sandbox NHS Trust";
export const SECOND_ORGANISATION = "Bedside Second Sandbox Hospital";

/** Display names, as the sandbox's Practitioner records give them. */
export const USER_NAME: Record<Exclude<SandboxUser, "patient">, RegExp> = {
  nurse: /Florence Nightingale/,
  doctor: /Joseph Lister/,
};

/** The signed-in user in the app's header. */
export const signedInUser = (page: Page) => page.getByTestId("signed-in-user");

/** Resolves with the next token endpoint answer of `grant` the page receives. */
export function nextToken(page: Page, grant: "authorization_code" | "refresh_token"): Promise<TokenResponse> {
  return page
    .waitForResponse(
      (r: Response) => r.url().endsWith("/token") && r.request().method() === "POST" && (r.request().postData() ?? "").includes(`grant_type=${grant}`),
      { timeout: 20_000 },
    )
    .then(async (r) => {
      expect(r.status(), await r.text()).toBe(200);
      return (await r.json()) as TokenResponse;
    });
}

/** On the sandbox's sign-in pages: choose the user and allow access. */
export async function approveAtSandbox(page: Page, user: SandboxUser) {
  await page.getByRole("button", { name: USER_BUTTON[user] }).click();
  await expect(page.getByRole("heading", { name: /Allow Bedside/ })).toBeVisible();
  await page.getByRole("button", { name: "Allow", exact: true }).click();
}

/**
 * In an unlock pop-up: proves who is at the computer as `user`. An unlock
 * asks only who they are, so a person whose grant covers that sees no
 * consent page and the pop-up closes; anyone else allows access first.
 */
export async function unlockAtSandbox(popup: Page, user: SandboxUser) {
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: USER_BUTTON[user] }).click();
  const consent = popup.getByRole("heading", { name: /Allow Bedside/ });
  const asked = await Promise.race([closed.then(() => false), consent.waitFor().then(() => true, () => false)]);
  if (asked) await popup.getByRole("button", { name: "Allow", exact: true }).click();
  await closed;
}

/**
 * Makes this browser's sandbox sign-in service remember consent (and so
 * sign a live session straight back in, as single sign-on does) and, with
 * `ignoreReauth`, ignore `prompt=login` and `max_age`.
 */
export async function sandboxSwitches(context: BrowserContext, switches: { rememberConsent?: boolean; ignoreReauth?: boolean; inheritContext?: boolean }) {
  const cookies = [
    ["sandbox_remember_consent", switches.rememberConsent],
    ["sandbox_ignore_reauth", switches.ignoreReauth],
    ["sandbox_inherit_context", switches.inheritContext],
  ]
    .filter(([, on]) => on)
    .map(([name]) => ({ name: name as string, value: "1", url: ISSUER }));
  await context.addCookies(cookies);
}

/**
 * Resolves once a sign-out has ended the sign-in service's session (its
 * confirmation, sent by the page itself with the app's id_token as hint)
 * and the browser is back on the app's start page, not while the old page
 * still shows its notice on the way out.
 */
export async function backFromSignOut(page: Page) {
  await page.waitForRequest((r) => r.url().startsWith(`${ISSUER}/session/end/confirm`), { timeout: 20_000 });
  await page.waitForURL(`${APP_ORIGIN}/`);
}

/**
 * Whether the sandbox's sign-in service would sign this browser straight in:
 * an authorization request without `prompt`, as an app that does not ask
 * who is at the computer sends, either comes back with a code (a live
 * session, consent remembered) or shows the login page (no session).
 */
export async function serviceSignsStraightIn(page: Page) {
  await page.goto(authorizeUrl(`${APP_ORIGIN}/sandbox-test/callback`, "openid fhirUser", pkce()));
  const login = page.getByRole("heading", { name: "Sign in", exact: true });
  const back = page.waitForURL((u) => u.href.startsWith(`${APP_ORIGIN}/sandbox-test/callback`)).then(() => true);
  return Promise.race([back, login.waitFor().then(() => false)]);
}

/**
 * Signs in through the app's own sign-in page (standalone launch) and
 * returns the token response the app received.
 */
export async function signInThroughApp(page: Page, user: Exclude<SandboxUser, "patient">, { consent = true } = {}) {
  if (!page.url().startsWith("http")) await page.goto("/");
  await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
  const token = nextToken(page, "authorization_code");
  if (consent) await approveAtSandbox(page, user);
  else await page.getByRole("button", { name: USER_BUTTON[user] }).click();
  const received = await token;
  await expect(signedInUser(page)).toContainText(USER_NAME[user]);
  return received;
}

/** Everything the page keeps in Web Storage, as text. */
export async function storedText(page: Page) {
  return page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));
}

/**
 * Opens a clinical tool from the launcher (a client-side navigation; the
 * tool's code arrives on first use) and waits for the tool's own heading.
 */
export async function openTool(page: Page, name: string) {
  await page.getByTestId("launcher").getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
}

/**
 * Rewrites a sign-in service's answer on its way back to the app, as a
 * mix-up attacker would: the browser follows redirects itself, so the
 * service's hops after its consent form are followed here (relative to
 * `issuer`), and `rewrite` changes the last one, back to `app`.
 */
export async function rewriteAnswerToApp(page: Page, issuer: string, app: string, rewrite: (answer: URL) => void) {
  await page.route(/\/interaction\/[^/]+\/confirm$/, async (route) => {
    let response = await route.fetch({ maxRedirects: 0 });
    let location = response.headers()["location"] ?? "";
    while (location && !location.startsWith(`${app}/`)) {
      response = await page.request.get(new URL(location, issuer).href, { maxRedirects: 0 });
      location = response.headers()["location"] ?? "";
    }
    const answer = new URL(location);
    rewrite(answer);
    return route.fulfill({ status: 303, headers: { location: answer.href } });
  });
}
