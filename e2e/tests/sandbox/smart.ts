import { createHash, randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Where the sandbox servers are (the same configuration start.mjs reads). */
export const FHIR_BASE = `http://localhost:${process.env.SANDBOX_FHIR_PORT ?? 8103}/fhir/R4`;
export const ISSUER = `http://localhost:${process.env.SANDBOX_AUTH_PORT ?? 8104}`;
export const CLIENT_ID = "bedside";
/** The sandbox's second organisation, whose sign-in service leaves `iss` out of its answers. */
export const SECOND_FHIR_BASE = `http://localhost:${process.env.SANDBOX_SECOND_FHIR_PORT ?? 8106}/fhir/R4`;
export const SECOND_ISSUER = `http://localhost:${process.env.SANDBOX_SECOND_AUTH_PORT ?? 8105}`;

export type SandboxUser = "nurse" | "doctor" | "patient";
export const USER_BUTTON: Record<SandboxUser, RegExp> = {
  nurse: /Sign in as Staff Nurse/,
  doctor: /Sign in as Dr Joseph Lister/,
  patient: /Sign in as Patient-facing user/,
};

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  id_token?: string;
  refresh_token?: string;
  patient?: string;
  encounter?: string;
  need_patient_banner?: boolean;
  fhirContext?: { reference: string }[];
}

export const base64url = (b: Buffer) => b.toString("base64url");

/** A fresh PKCE pair (RFC 7636, S256) and state, made here as an app would. */
export function pkce() {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash("sha256").update(verifier).digest());
  return { verifier, challenge, state: base64url(randomBytes(16)), nonce: base64url(randomBytes(16)) };
}

export function authorizeUrl(redirectUri: string, scope: string, p: ReturnType<typeof pkce>, extra: Record<string, string> = {}) {
  const url = new URL(`${ISSUER}/auth`);
  const params = {
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope,
    state: p.state,
    nonce: p.nonce,
    aud: FHIR_BASE,
    code_challenge: p.challenge,
    code_challenge_method: "S256",
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/**
 * Drives the real sign-in pages in the browser: authorize → login → consent
 * (choosing a patient if asked) → redirect back with a code, which is then
 * redeemed with the PKCE verifier.
 */
export async function signIn(
  page: Page,
  request: APIRequestContext,
  opts: { user: SandboxUser; scope: string; patientLabel?: RegExp; redirectUri: string; launch?: string },
): Promise<TokenResponse & { chosenPatient?: string }> {
  const p = pkce();
  // prompt=login: each call signs in afresh, as the user it names, even
  // where the browser already has a sign-in session.
  await page.goto(authorizeUrl(opts.redirectUri, opts.scope, p, { prompt: "login", ...(opts.launch ? { launch: opts.launch } : {}) }));
  await page.getByRole("button", { name: USER_BUTTON[opts.user] }).click();
  await expect(page.getByRole("heading", { name: /Allow Bedside/ })).toBeVisible();
  let chosenPatient: string | undefined;
  if (opts.patientLabel) {
    // The last match, not the first: a server that ignored the choice and
    // took the list's first patient must not pass by chance.
    const picker = page.getByLabel("Patient");
    chosenPatient = (await picker.locator("option").filter({ hasText: opts.patientLabel }).last().getAttribute("value")) ?? "";
    expect(chosenPatient, "a patient to choose").not.toBe("");
    const first = await picker.locator("option:not([value=''])").first().getAttribute("value");
    expect(chosenPatient, "a choice other than the list's first patient").not.toBe(first);
    await picker.selectOption(chosenPatient);
  }
  const callback = page.waitForURL((url) => url.href.startsWith(opts.redirectUri));
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await callback;
  const back = new URL(page.url());
  expect(back.searchParams.get("state"), "state round-trips").toBe(p.state);
  expect(back.searchParams.get("error")).toBeNull();
  const code = back.searchParams.get("code");
  expect(code, "an authorization code").toBeTruthy();
  return { ...(await redeem(request, code!, p.verifier, opts.redirectUri)), chosenPatient };
}

export async function redeem(request: APIRequestContext, code: string, verifier: string, redirectUri: string) {
  const response = await request.post(`${ISSUER}/token`, {
    form: { grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: CLIENT_ID, code_verifier: verifier },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TokenResponse;
}

/** The claims of a JWT, unverified (the FHIR server is what verifies). */
export function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
}

export async function fhir(request: APIRequestContext, token: string | undefined, path: string, init: { method?: string; data?: unknown; headers?: Record<string, string> } = {}) {
  const url = path.startsWith("http") ? path : `${FHIR_BASE}/${path.replace(/^\//, "")}`;
  return request.fetch(url, {
    method: init.method ?? "GET",
    data: init.data === undefined ? undefined : JSON.stringify(init.data),
    headers: {
      Accept: "application/fhir+json",
      ...(init.data === undefined ? {} : { "Content-Type": "application/fhir+json" }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
}
