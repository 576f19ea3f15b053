// The sandbox SMART authorization server: panva's oidc-provider (a certified
// OpenID provider) configured as SMART App Launch 2.x asks:
//
//   - authorization code with PKCE S256 only: PKCE is required for every
//     client, and oidc-provider refuses `plain` and a missing challenge;
//   - refresh tokens (offline_access) with rotation;
//   - JWT access tokens signed RS256 with `aud` = the FHIR base URL, carrying
//     `scope`, `patient`, `encounter` and `fhirUser`;
//   - a token response with the SMART launch context (patient, encounter,
//     fhirContext, need_patient_banner);
//   - id_tokens carrying `fhirUser`;
//   - end-session (RP-initiated logout), revocation, JWKS, discovery.
//
// Its own pages: a login page with sandbox users (a nurse, a doctor and a
// patient-facing user, no passwords), a consent page with a patient picker
// for standalone launch, and /launch, an EHR-launch helper that binds a
// `launch` value to a patient and encounter and sends the browser to the
// app. Signing keys live in a file, so a restart does not invalidate tokens.
//
// Other vendors' apps (`config.apps`) are registered beside Bedside, each
// with its own client id, and launched from Bedside through the
// launch-context endpoint, `POST /launch-context` (the contract is in
// docs/apps.md): Bedside, with the user's token, asks for a `launch` handle
// bound to that user, that client and a patient; the app's authorization
// then finds the user's sign-on session and, for a pre-approved app, asks
// nothing. `online_access` gives such an app a refresh token that ends with
// the sign-on session, so after Bedside's sign-out it cannot get new tokens.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname } from "node:path";
import { createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify } from "jose";
import Provider, { errors } from "oidc-provider";
import { RESOURCE_TYPES } from "./fhir-server.mjs";

/** Sandbox users. The patient-facing user is the patient `patient-00001`. */
export const USERS = {
  nurse: { name: "Staff Nurse Florence Nightingale", role: "Nurse", fhirUser: "Practitioner/nurse", roleId: "555254240100", roleName: '"Clinical":"Clinical Provision":"Nurse Access Role"' },
  doctor: { name: "Dr Joseph Lister", role: "Doctor", fhirUser: "Practitioner/doctor", roleId: "555254240200", roleName: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"' },
  patient: { name: "Patient-facing user (sees only their own record)", role: "Patient", fhirUser: "Patient/patient-00001" },
};

/**
 * NHS Care Identity Service 2's own scopes and claims (`cis2: true`): every
 * id_token carries `id_assurance_level` and `authentication_assurance_level`
 * ("3": a smartcard; "1" when the browser holds `sandbox_password_only=1`,
 * a password sign-in); `selectedrole` gives `selected_roleid` in the
 * id_token, and `nationalrbacaccess` the user's roles (`nhsid_nrbac_roles`)
 * at the userinfo endpoint only, as CIS2 gives them (`cis2Userinfo` below).
 */
const CIS2_SCOPES = ["nationalrbacaccess", "selectedrole"];
const CIS2_ORG_CODE = "R8X00";

const OIDC_SCOPES = ["openid", "profile", "fhirUser", "offline_access", "online_access", "launch", "launch/patient", "launch/encounter"];

/** Every SMART resource scope the sandbox grants, v1 and v2 forms. */
export function resourceScopes() {
  const perms = ["c", "r", "u", "d", "s", "rs", "cu", "cud", "cruds", "crus", "read", "write", "*"];
  const out = [];
  for (const context of ["patient", "user"]) {
    for (const type of ["*", ...RESOURCE_TYPES]) for (const p of perms) out.push(`${context}/${type}.${p}`);
  }
  return out;
}

/** Loads the signing key and cookie secret, creating them on first start. */
async function loadKeys(file) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), kid: `sandbox-${Date.now()}`, alg: "RS256", use: "sig" };
  const keys = { jwks: { keys: [jwk] }, cookieSecret: randomBytes(32).toString("base64url") };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(title, body) {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Bedside sandbox sign-in</title>
<style>
body{font-family:arial,"Liberation Sans",sans-serif;margin:0;color:#212b32;background:#f0f4f5}
header{background:#005eb8;color:#fff;padding:16px 24px;font-size:20px;font-weight:bold}
main{max-width:640px;margin:24px auto;padding:0 16px}
h1{font-size:32px}
.warning{border-left:8px solid #ffeb3b;background:#fff;padding:12px 16px}
button{font:inherit;font-size:19px;font-weight:bold;padding:10px 16px;margin:8px 8px 8px 0;border:0;border-radius:4px;background:#007f3b;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#005eb8;border:2px solid #005eb8}
button:focus,select:focus,input:focus{outline:4px solid #ffeb3b;box-shadow:0 4px 0 #212b32}
label{display:block;font-weight:bold;margin-top:16px}
select{font:inherit;font-size:19px;padding:6px;min-width:320px}
ul{padding-left:20px}
</style></head><body><header>Bedside sandbox sign-in</header><main>${body}</main></body></html>`;
}

/**
 * Creates the provider and its HTTP server. `config`: { organisation,
 * issuer, fhirBaseUrl, appOrigins, issInResponse, keyFile, accessTokenTtl,
 * listPatients(), patientEncounter(id) }. `issInResponse: false` makes a
 * service that leaves RFC 9207's `iss` out of its answers, as many do.
 */
export async function createAuthServer(config) {
  const keys = await loadKeys(config.keyFile);
  const cis2 = config.cis2 ?? false;
  const scopes = cis2 ? [...OIDC_SCOPES, ...CIS2_SCOPES] : OIDC_SCOPES;
  const launches = new Map(); // launch id → { patient, encounter, appContext, user, clientId, expires }
  const launchContexts = new Map(); // grant id → { patient, encounter, appContext }
  const userinfoScopes = new Map(); // access token jti → the grant's OpenID scopes (CIS2 mode)
  const clientId = config.clientId ?? "bedside";
  // The app's own callback for this organisation; one the app does not
  // handle, for tests that drive the protocol by hand (the app would take
  // over its own callback); and the bare /auth/callback test-token.mjs
  // names (it never follows the redirect).
  const redirectUris = config.appOrigins.flatMap((o) => [
    `${o}/auth/callback/${config.organisation}`,
    `${o}/sandbox-test/callback`,
    `${o}/auth/callback`,
  ]);
  const issInResponse = config.issInResponse ?? true;
  // Other vendors' apps: { clientId, name, redirectUris, preApproved }.
  const apps = config.apps ?? [];
  const preApproved = new Set(apps.filter((a) => a.preApproved).map((a) => a.clientId));
  // Each client's own origins (its redirect addresses'): the only ones its
  // browser calls to the token endpoint are answered for.
  const clientOrigins = new Map([
    [clientId, new Set(config.appOrigins)],
    ...apps.map((a) => [a.clientId, new Set(a.redirectUris.map((u) => new URL(u).origin))]),
  ]);

  /** The sandbox's users as oidc-provider accounts, with their claims. */
  const findAccount = async (ctx, sub) => {
    const user = USERS[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      claims: async () => {
        const claims = { sub, name: user.name, fhirUser: `${config.fhirBaseUrl}/${user.fhirUser}` };
        if (!cis2) return claims;
        // The level of the sign-in behind this token, as its login recorded it.
        const acr = ctx.oidc?.entities?.AuthorizationCode?.acr ?? ctx.oidc?.entities?.RefreshToken?.acr ?? ctx.oidc?.session?.acr;
        Object.assign(claims, {
          id_assurance_level: "3",
          authentication_assurance_level: acr === "AAL1_USERPASS" ? "1" : "3",
          ...(user.roleId ? { selected_roleid: user.roleId } : {}),
        });
        return claims;
      },
    };
  };

  const provider = new Provider(config.issuer, {
    clients: [
      {
        client_id: clientId,
        client_name: "Bedside",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: config.appOrigins.map((o) => `${o}/`),
      },
      ...apps.map((a) => ({
        client_id: a.clientId,
        client_name: a.name,
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: a.redirectUris,
      })),
    ],
    responseTypes: ["code"],
    clientBasedCORS: (_ctx, origin, client) => clientOrigins.get(client?.clientId)?.has(origin) ?? false,
    // SMART's `online_access`: a refresh token that lives only as long as
    // the user's sign-on session (oidc-provider binds a token without
    // offline_access to the session), as well as offline_access's.
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed("refresh_token") && (code.scopes.has("offline_access") || code.scopes.has("online_access")),
    pkce: { required: () => true },
    scopes,
    claims: {
      openid: cis2 ? ["sub", "id_assurance_level", "authentication_assurance_level"] : ["sub"],
      fhirUser: ["fhirUser"],
      profile: ["name"],
      ...(cis2 ? { selectedrole: ["selected_roleid"] } : {}),
    },
    ...(cis2 ? { acrValues: ["AAL3_ANY", "AAL1_USERPASS"] } : {}),
    conformIdTokenClaims: false,
    extraParams: ["launch", "aud"],
    findAccount,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Our own pages: oidc-provider's defaults load resources from the internet.
        logoutSource: async (ctx, form) => {
          ctx.type = "html";
          // With a valid id_token_hint (oidc-provider has checked it by now)
          // the app vouches for the request, and the session ends without a
          // question, as most services do: an automatic sign-out has nobody
          // there to answer it. Without one, anyone's link could sign the
          // user out, so the user is asked.
          if (ctx.oidc.params.id_token_hint) {
            const confirmed = form.replace("</form>", '<input type="hidden" name="logout" value="yes"/></form>');
            ctx.body = page("Signing out", `<h1>Signing out…</h1>${confirmed}
<noscript><button form="op.logoutForm">Continue</button></noscript>
<script>document.getElementById("op.logoutForm").submit();</script>`);
            return;
          }
          ctx.body = page("Sign out", `<h1>Sign out of the sandbox?</h1>${form}
<button autofocus form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button class="secondary" form="op.logoutForm">No, stay signed in</button>`);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = "html";
          ctx.body = page("Signed out", "<h1>You have signed out</h1>");
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.fhirBaseUrl,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== config.fhirBaseUrl) throw new errors.InvalidTarget();
          return {
            scope: resourceScopes().join(" "),
            audience: config.fhirBaseUrl,
            accessTokenTTL: config.accessTokenTtl,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const context = launchContexts.get(token.grantId);
      const user = USERS[token.accountId];
      return {
        ...(context?.patient ? { patient: context.patient } : {}),
        ...(context?.encounter ? { encounter: context.encounter } : {}),
        ...(user ? { fhirUser: `${config.fhirBaseUrl}/${user.fhirUser}` } : {}),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    jwks: keys.jwks,
    cookies: { keys: [keys.cookieSecret] },
    rotateRefreshToken: true,
    ttl: {
      AccessToken: config.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Grant: 12 * 3600,
      Session: 12 * 3600,
      RefreshToken: 12 * 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = page("Sign-in problem", `<h1>There is a problem signing in</h1><p>${escape(out.error)}: ${escape(out.error_description ?? "")}</p>`);
    },
  });
  provider.proxy = false;

  // SMART apps ask for offline_access without prompt=consent; OpenID Connect
  // (and so oidc-provider) only honours it with that prompt. The sandbox
  // always asks for consent anyway, so it adds the prompt. (In a browser
  // with remembered consent, see `rememberedConsent`, that consent is given
  // without a page, as for an app the trust has approved.)
  provider.use(async (ctx, next) => {
    if (ctx.path === "/auth" && ctx.method === "GET") {
      const query = new URLSearchParams(ctx.querystring);
      const scopes = (query.get("scope") ?? "").split(" ");
      if (scopes.includes("offline_access") && !(query.get("prompt") ?? "").split(" ").includes("consent")) {
        query.set("prompt", [query.get("prompt"), "consent"].filter(Boolean).join(" "));
        ctx.querystring = query.toString();
      }
    }
    await next();
  });

  // SMART launch context in the token response, read from the access token we just issued.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === "/token" && ctx.status === 200 && ctx.body?.access_token) {
      // With resource indicators oidc-provider reports only the FHIR scopes;
      // SMART apps read every granted scope (openid, launch/patient, …) here.
      const grant = ctx.oidc?.entities?.Grant;
      if (grant) {
        const all = [...grant.getOIDCScope().split(" "), ...String(ctx.body.scope ?? "").split(" ")];
        ctx.body.scope = [...new Set(all.filter(Boolean))].join(" ");
      }
      // A JWT for the FHIR server; an identity-only answer may carry an
      // opaque token for userinfo instead, whose context is the grant's.
      let claims;
      try {
        claims = decodeJwt(ctx.body.access_token);
        if (cis2 && grant && claims.jti) userinfoScopes.set(claims.jti, grant.getOIDCScope().split(" "));
      } catch {
        claims = grant ? launchContexts.get(grant.jti) ?? {} : {};
      }
      if (claims.patient) {
        ctx.body.patient = claims.patient;
        ctx.body.need_patient_banner = true;
      }
      if (claims.encounter) {
        ctx.body.encounter = claims.encounter;
        ctx.body.fhirContext = [{ reference: `Encounter/${claims.encounter}` }];
      }
      const appContext = grant ? launchContexts.get(grant.jti)?.appContext : undefined;
      if (appContext) ctx.body.appContext = appContext;
    }
  });

  // The public half of the signing key: the endpoints here that take the
  // FHIR server's tokens (CIS2 userinfo, launch context) check them as it does.
  const publicKeys = createLocalJWKSet({
    keys: keys.jwks.keys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use })),
  });
  if (cis2) provider.use(cis2Userinfo(config, publicKeys, userinfoScopes));

  async function interaction(req, res, url) {
    const [, , uid, asked] = url.pathname.split("/");
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound("interaction mismatch");
    const { prompt, params, session } = details;
    let form = req.method === "POST" ? new URLSearchParams(await readBody(req)) : null;
    let action = asked;
    // Remembered consent: no consent page where nothing needs choosing,
    // so a live sign-on session takes a sign-in straight back to the app,
    // as real single sign-on does. Tests see then whether the app asked
    // who is at the computer.
    // An app the organisation pre-approved is not asked about either.
    if (prompt.name === "consent" && (rememberedConsent(req) || preApproved.has(String(params.client_id)))) {
      const wantsPicker = String(params.scope ?? "").split(" ").includes("launch/patient") && !params.launch;
      if (!wantsPicker) {
        action = "confirm";
        form = new URLSearchParams({ decision: "allow" });
      }
    }

    if (prompt.name === "login") {
      if (action === "login" && form && USERS[form.get("user")]) {
        const login = { accountId: form.get("user") };
        if (cis2) login.acr = cookie(req, "sandbox_password_only") ? "AAL1_USERPASS" : "AAL3_ANY";
        return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
      }
      const buttons = Object.entries(USERS)
        .map(([id, u]) => `<button name="user" value="${id}">Sign in as ${escape(u.name)}</button>`)
        .join("<br>");
      return html(res, page("Sign in", `<h1>Sign in</h1>
<p class="warning">Sandbox: synthetic data only. Choose a user; there are no passwords.</p>
<form method="post" action="/interaction/${uid}/login">${buttons}</form>`));
    }

    // Consent, with the launch context settled here.
    const scope = String(params.scope ?? "");
    const wantsPatient = scope.split(" ").includes("launch/patient");
    const user = USERS[session.accountId];
    let context;
    if (params.launch) {
      const launch = launches.get(String(params.launch));
      if (!launch || launch.expires < Date.now()) {
        return provider.interactionFinished(req, res, { error: "invalid_request", error_description: "Unknown, used or expired launch value" }, { mergeWithLastSubmission: false });
      }
      if (launch.user && launch.user !== session.accountId) {
        return provider.interactionFinished(req, res, { error: "invalid_request", error_description: "This launch belongs to another user" }, { mergeWithLastSubmission: false });
      }
      if (launch.clientId && launch.clientId !== params.client_id) {
        return provider.interactionFinished(req, res, { error: "invalid_request", error_description: "This launch is for another app" }, { mergeWithLastSubmission: false });
      }
      context = { patient: launch.patient, encounter: launch.encounter, appContext: launch.appContext };
      if (action === "confirm") launches.delete(String(params.launch));
    } else if (user?.fhirUser.startsWith("Patient/")) {
      const patient = user.fhirUser.slice("Patient/".length);
      context = { patient, encounter: config.patientEncounter(patient) };
    }

    if (action === "confirm" && form) {
      if (form.get("decision") !== "allow") {
        return provider.interactionFinished(req, res, { error: "access_denied", error_description: "The user did not allow access" }, { mergeWithLastSubmission: true });
      }
      if (!context && wantsPatient) {
        const chosen = form.get("patient");
        if (!chosen || !config.listPatients().some((p) => p.id === chosen)) {
          return html(res, page("Choose a patient", `<h1>Choose a patient</h1><p>Select a patient to continue.</p><p><a href="/interaction/${uid}">Back</a></p>`), 400);
        }
        context = { patient: chosen, encounter: config.patientEncounter(chosen) };
      }
      // A launch context belongs to this authorisation alone: it gets a
      // grant of its own (with everything asked for), or the context would
      // also reach the tokens of the earlier grant this browser holds (say,
      // a standalone sign-in in another tab) when they are refreshed. And a
      // sign-in without one never inherits the launch context of the grant
      // it would reuse (a colleague's EHR launch), unless this browser asks
      // for a service that does so (`sandbox_inherit_context`).
      const inherits = details.grantId && launchContexts.has(details.grantId);
      const fresh = !details.grantId || context !== undefined || (inherits && !cookie(req, "sandbox_inherit_context"));
      const grant = fresh
        ? new provider.Grant({ accountId: session.accountId, clientId: params.client_id })
        : await provider.Grant.find(details.grantId);
      const missing = prompt.details;
      if (fresh) {
        const requested = scope.split(" ").filter(Boolean);
        grant.addOIDCScope(requested.filter((s) => scopes.includes(s)).join(" "));
        const resource = requested.filter((s) => !scopes.includes(s));
        if (resource.length > 0) grant.addResourceScope(config.fhirBaseUrl, resource.join(" "));
      } else {
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
          grant.addResourceScope(indicator, scopes.join(" "));
        }
      }
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      if (context) launchContexts.set(grantId, context);
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }

    const requested = scope
      .split(" ")
      .filter(Boolean)
      .map((s) => `<li><code>${escape(s)}</code></li>`)
      .join("");
    const picker =
      !context && wantsPatient
        ? `<label for="patient">Patient</label><select id="patient" name="patient" required><option value="">Choose a patient</option>${config
            .listPatients()
            .map((p) => `<option value="${escape(p.id)}">${escape(p.label)}</option>`)
            .join("")}</select>`
        : context
          ? `<p>Patient in context: <strong>${escape(config.listPatients().find((p) => p.id === context.patient)?.label ?? context.patient)}</strong></p>`
          : "";
    const appName = params.client_id === clientId ? "Bedside" : apps.find((a) => a.clientId === params.client_id)?.name ?? "this app";
    return html(res, page("Allow access", `<h1>Allow ${escape(appName)} to use your sign-in?</h1>
<p>Signed in as <strong>${escape(user?.name ?? session.accountId)}</strong>.</p>
<p>${escape(appName)} asks for:</p><ul>${requested}</ul>
<form method="post" action="/interaction/${uid}/confirm">${picker}
<p><button name="decision" value="allow">Allow</button><button class="secondary" name="decision" value="deny" formnovalidate>Do not allow</button></p></form>`));
  }

  /** EHR launch: /launch?patient=…&encounter=…&app=<launch URL>. */
  function ehrLaunch(res, url) {
    const patient = url.searchParams.get("patient");
    const app = url.searchParams.get("app");
    const encounter = url.searchParams.get("encounter") ?? (patient ? config.patientEncounter(patient) : undefined);
    if (!patient || !config.listPatients().some((p) => p.id === patient)) return html(res, page("Launch", "<h1>Unknown patient</h1>"), 400);
    if (!app || !config.appOrigins.includes(new URL(app).origin)) return html(res, page("Launch", "<h1>Unknown app</h1>"), 400);
    const launch = randomBytes(16).toString("base64url");
    // Bound to the EHR's user when it names one (`user=`), and used once.
    launches.set(launch, { patient, encounter, user: url.searchParams.get("user"), expires: Date.now() + 10 * 60_000 });
    const target = new URL(app);
    target.searchParams.set("iss", config.fhirBaseUrl);
    target.searchParams.set("launch", launch);
    res.writeHead(302, { Location: target.href }).end();
  }

  /**
   * The launch-context endpoint (docs/apps.md): `POST /launch-context` with
   * the user's access token and `{ client_id, patient, encounter?,
   * app_context? }` gives `{ launch, expires_in }`, a handle for that
   * client, bound to the token's user, used once, for five minutes. Only
   * Bedside's origins may call it from a browser.
   */
  async function launchContext(req, res) {
    const origin = req.headers.origin;
    const cors = origin && config.appOrigins.includes(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {};
    const answer = (status, body) => {
      res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...cors });
      res.end(JSON.stringify(body));
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept", "Access-Control-Max-Age": "600" });
      return res.end();
    }
    if (req.method !== "POST") return answer(405, { error: "invalid_request", error_description: "POST only" });
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(token, publicKeys, { issuer: config.issuer, audience: config.fhirBaseUrl }));
    } catch {
      res.setHeader("WWW-Authenticate", 'Bearer error="invalid_token"');
      return answer(401, { error: "invalid_token" });
    }
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return answer(400, { error: "invalid_request", error_description: "The request is not JSON" });
    }
    const { client_id: client, patient, encounter, app_context: appContext } = body ?? {};
    if (!apps.some((a) => a.clientId === client)) return answer(400, { error: "invalid_client", error_description: "This app is not registered here" });
    if (typeof patient !== "string" || !config.listPatients().some((p) => p.id === patient)) {
      return answer(400, { error: "invalid_request", error_description: "Unknown patient" });
    }
    // A session launched for one patient cannot launch apps for another.
    if (claims.patient && claims.patient !== patient) return answer(403, { error: "access_denied", error_description: "Your sign-in is for another patient" });
    if (encounter !== undefined && (typeof encounter !== "string" || config.patientEncounter(patient) !== encounter)) {
      return answer(400, { error: "invalid_request", error_description: "That admission is not this patient's" });
    }
    const launch = randomBytes(16).toString("base64url");
    const ttl = 300;
    launches.set(launch, { patient, encounter, appContext: typeof appContext === "string" ? appContext : undefined, user: claims.sub, clientId: client, expires: Date.now() + ttl * 1000 });
    return answer(200, { launch, expires_in: ttl });
  }

  /**
   * RFC 6749 §6 asks a public client for no client_id when it refreshes
   * (fhirclient sends none); oidc-provider wants one, so a refresh without
   * one is given the client its refresh token was issued to.
   */
  async function nameRefreshingClient(req) {
    if (req.headers.authorization) return;
    const body = new URLSearchParams(await readBody(req));
    const token = body.get("refresh_token");
    if (body.get("grant_type") === "refresh_token" && token && !body.has("client_id")) {
      const issued = await provider.RefreshToken.find(token);
      if (issued?.clientId) body.set("client_id", issued.clientId);
    }
    // Read here, so handed on parsed (oidc-provider takes `req.body` then).
    req.body = body.toString();
  }

  const callback = provider.callback();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, config.issuer);
    if (!issInResponse) withoutIssInRedirects(res, config.appOrigins);
    try {
      // Test switch: a browser holding this cookie meets a sign-in service
      // that ignores `prompt=login` and `max_age` (waves an existing session
      // through), so Bedside's refusal to unlock on it can be tested. Per
      // browser, so tests running side by side do not see each other's.
      if (url.pathname === "/auth" && cookie(req, "sandbox_ignore_reauth")) {
        url.searchParams.delete("prompt");
        url.searchParams.delete("max_age");
        req.url = url.pathname + url.search;
      }
      // SMART's `aud`: the FHIR server the token is for. A request for any
      // other server is refused, so no token is ever minted for one.
      if (url.pathname === "/auth" && req.method === "GET") {
        const aud = (url.searchParams.get("aud") ?? "").replace(/\/$/, "");
        if (aud !== config.fhirBaseUrl.replace(/\/$/, "")) {
          return html(res, page("Sign-in problem", `<h1>There is a problem signing in</h1><p>The app asked for access to ${escape(aud || "no FHIR server")}, which this sign-in service does not serve.</p>`), 400);
        }
        // An EHR launch value must be live (known, unused, unexpired), and
        // its context is bound at the consent step, which must therefore
        // run even where an earlier grant would let it be skipped.
        const launch = url.searchParams.get("launch");
        if (launch !== null) {
          const live = launches.get(launch);
          if (!live || live.expires < Date.now() || (live.clientId && live.clientId !== url.searchParams.get("client_id"))) {
            return html(res, page("Sign-in problem", "<h1>There is a problem signing in</h1><p>This launch is unknown, has been used already, or has expired. Open the app again from the clinical record system.</p>"), 400);
          }
          if (!url.searchParams.has("prompt")) {
            url.searchParams.set("prompt", "consent");
            req.url = url.pathname + url.search;
          }
        }
      }
      if (url.pathname.startsWith("/interaction/")) return await interaction(req, res, url);
      if (url.pathname === "/launch" && req.method === "GET") return ehrLaunch(res, url);
      if (url.pathname === "/launch-context") return await launchContext(req, res);
      if (url.pathname === "/token" && req.method === "POST") await nameRefreshingClient(req);
      if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
      if (url.pathname === "/.well-known/smart-configuration") {
        res.writeHead(200, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" });
        return res.end(JSON.stringify(smartConfiguration(config)));
      }
      return callback(req, res);
    } catch (e) {
      const status = e.statusCode ?? 500;
      if (status >= 500) console.error("auth-server:", e);
      return html(res, page("Sign-in problem", `<h1>There is a problem signing in</h1><p>${escape(e.error_description ?? e.message)}</p>`), status);
    }
  });
  return { provider, server };
}

/**
 * Takes RFC 9207's `iss` out of redirects back to the app (oidc-provider 9
 * always adds it), for a sign-in service that does not send it.
 */
function withoutIssInRedirects(res, appOrigins) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    if (String(name).toLowerCase() === "location" && typeof value === "string" && appOrigins.some((o) => value.startsWith(`${o}/`))) {
      const target = new URL(value);
      target.searchParams.delete("iss");
      value = target.href;
    }
    return setHeader(name, value);
  };
}

/**
 * NHS CIS2 gives the user's roles at its userinfo endpoint, not in the
 * id_token; in CIS2 mode so does the sandbox, at `GET /me`. oidc-provider's
 * own userinfo takes only tokens issued for itself, and an app's token here
 * is the FHIR server's (a resource indicator), so this answers for those:
 * after the checks a resource server makes (signature, issuer, expiry), with
 * the roles only for a grant that asked for `nationalrbacaccess`. Preflight
 * requests stay oidc-provider's, whose CORS allows the app's origins.
 */
function cis2Userinfo(config, publicKeys, userinfoScopes) {
  return async (ctx, next) => {
    if (ctx.path !== "/me" || ctx.method !== "GET") return next();
    const origin = ctx.get("origin");
    if (config.appOrigins.includes(origin)) {
      ctx.set("Access-Control-Allow-Origin", origin);
      ctx.set("Vary", "Origin");
    }
    ctx.set("Cache-Control", "no-store");
    const token = /^Bearer (\S+)$/.exec(ctx.get("authorization"))?.[1] ?? "";
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(token, publicKeys, { issuer: config.issuer }));
    } catch {
      ctx.status = 401;
      ctx.set("WWW-Authenticate", 'Bearer error="invalid_token"');
      ctx.body = { error: "invalid_token" };
      return;
    }
    const user = USERS[claims.sub];
    const scopes = userinfoScopes.get(claims.jti) ?? [];
    ctx.type = "application/json";
    ctx.body = {
      sub: claims.sub,
      ...(user && scopes.includes("profile") ? { name: user.name } : {}),
      ...(user?.roleId && scopes.includes("nationalrbacaccess")
        ? { nhsid_nrbac_roles: [{ person_roleid: user.roleId, role_name: user.roleName, org_code: CIS2_ORG_CODE }] }
        : {}),
    };
  };
}

/** The SMART configuration document (served at the FHIR base and the issuer). */
export function smartConfiguration(config) {
  const issuer = config.issuer.replace(/\/$/, "");
  return {
    issuer,
    jwks_uri: `${issuer}/jwks`,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    revocation_endpoint: `${issuer}/token/revocation`,
    userinfo_endpoint: `${issuer}/me`,
    end_session_endpoint: `${issuer}/session/end`,
    // oidc-provider puts `iss` in every authorization response (RFC 9207),
    // unless this sandbox takes it out (`issInResponse: false`).
    authorization_response_iss_parameter_supported: config.issInResponse ?? true,
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    token_endpoint_auth_methods_supported: ["none"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: [...OIDC_SCOPES, "patient/*.rs", "user/*.rs", "user/*.cruds", "patient/*.cruds"],
    capabilities: [
      "launch-ehr",
      "launch-standalone",
      "client-public",
      "sso-openid-connect",
      "context-banner",
      "context-ehr-patient",
      "context-ehr-encounter",
      "context-standalone-patient",
      "permission-offline",
      "permission-online",
      "permission-patient",
      "permission-user",
      "permission-v1",
      "permission-v2",
    ],
  };
}

/**
 * Whether this browser set a sandbox test switch (`name=1`). Per browser, so
 * tests running side by side do not see each other's:
 *   - `sandbox_ignore_reauth`: `prompt=login` and `max_age` are ignored;
 *   - `sandbox_remember_consent`: see `rememberedConsent`;
 *   - `sandbox_inherit_context`: a sign-in without `launch` reuses the
 *     browser's newest grant with its launch context, as some services do.
 */
function cookie(req, name) {
  return new RegExp(`(?:^|;\\s*)${name}=1(?:;|$)`).test(req.headers.cookie ?? "");
}

/**
 * Remembered consent: consent given without a page where the app asks for
 * nothing to choose, as services do for apps an organisation pre-approves,
 * so that a live sign-on session signs the browser straight in. The
 * sandbox's default asks every time, which hides single sign-on from tests.
 */
function rememberedConsent(req) {
  return cookie(req, "sandbox_remember_consent");
}

function html(res, body, status = 200) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}
