import { expect, type Page, type Response } from "@playwright/test";
import { USER_BUTTON, type SandboxUser, type TokenResponse } from "../sandbox/smart";

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
 * Signs in through the app's own sign-in page (standalone launch) and
 * returns the token response the app received.
 */
export async function signInThroughApp(page: Page, user: Exclude<SandboxUser, "patient">) {
  if (!page.url().startsWith("http")) await page.goto("/");
  await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
  const token = nextToken(page, "authorization_code");
  await approveAtSandbox(page, user);
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
