#!/usr/bin/env node
// Prints an access token from the running sandbox, obtained the way an app
// does: authorization code with PKCE S256 through the real login and consent
// pages, driven over HTTP (no browser). For tests that need a token but
// cannot click (the browser-side FHIR client tests).
//
//   node test-token.mjs [--user doctor] [--scope "openid user/*.cruds"] [--redirect <uri>]
//
// SANDBOX_AUTH_PORT selects the server; the redirect URI must be one the
// sandbox was started with (<app origin>/auth/callback).
import { createHash, randomBytes } from "node:crypto";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const issuer = `http://localhost:${process.env.SANDBOX_AUTH_PORT ?? 8104}`;
// SMART's `aud`: the sandbox refuses a request for any other FHIR server.
const fhirBase = `http://localhost:${process.env.SANDBOX_FHIR_PORT ?? 8103}/fhir/R4`;
const user = args.user ?? "doctor";
const scope = args.scope ?? "openid user/*.cruds";
const redirect = args.redirect ?? "http://localhost:8180/auth/callback";

const cookies = new Map();
async function go(url, init = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [k, ...v] = pair.split("=");
    cookies.set(k.trim(), v.join("="));
  }
  return response;
}
const post = (url, form) =>
  go(url, { method: "POST", body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded" } });
const fail = (message) => {
  console.error(`test-token: ${message}`);
  process.exit(1);
};

const verifier = randomBytes(32).toString("base64url");
const authorize = new URL(`${issuer}/auth`);
for (const [k, v] of Object.entries({
  response_type: "code",
  client_id: "bedside",
  redirect_uri: redirect,
  scope,
  state: randomBytes(16).toString("base64url"),
  code_challenge: createHash("sha256").update(verifier).digest("base64url"),
  code_challenge_method: "S256",
  aud: fhirBase,
})) {
  authorize.searchParams.set(k, v);
}

let response = await go(authorize.href);
let code;
for (let hops = 0; hops < 12 && !code; hops++) {
  const location = response.headers.get("location");
  if (location) {
    const next = new URL(location, issuer);
    if (next.href.startsWith(redirect)) {
      code = next.searchParams.get("code");
      if (!code) fail(`sign-in refused: ${next.searchParams.get("error")} ${next.searchParams.get("error_description") ?? ""}`);
      break;
    }
    response = await go(next.href);
    continue;
  }
  const page = await response.text();
  const uid = /\/interaction\/([\w-]+)\/(login|confirm)/.exec(page);
  if (!uid) fail(`unexpected page (${response.status}): ${page.slice(0, 200)}`);
  response =
    uid[2] === "login"
      ? await post(`${issuer}/interaction/${uid[1]}/login`, { user })
      : await post(`${issuer}/interaction/${uid[1]}/confirm`, { decision: "allow", patient: args.patient ?? "patient-00001" });
}
if (!code) fail("no authorization code after following the sign-in pages");

const token = await fetch(`${issuer}/token`, {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirect, client_id: "bedside", code_verifier: verifier }),
});
if (!token.ok) fail(`token endpoint answered ${token.status}: ${await token.text()}`);
process.stdout.write((await token.json()).access_token);
