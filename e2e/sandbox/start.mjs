#!/usr/bin/env node
// Starts the sandbox: two organisations, each a FHIR R4 server and a SMART
// authorization server of its own, with synthetic UK patients loaded (one
// record store, shared). Waits until all answer, prints where they are and
// what starting cost, and stops them cleanly on SIGINT/SIGTERM.
//
// The second organisation's sign-in service does not send RFC 9207's `iss`
// with its answers (many do not), so the app's other mix-up defence, a
// callback address per organisation, is exercised too.
//
// Configuration (environment; every URL is configuration, never a constant):
//   SANDBOX_FHIR_PORT     8103    FHIR base http://localhost:8103/fhir/R4
//   SANDBOX_AUTH_PORT     8104    issuer http://localhost:8104
//   SANDBOX_SECOND_FHIR_PORT 8106 the second organisation's FHIR base
//   SANDBOX_SECOND_AUTH_PORT 8105 the second organisation's issuer
//   SANDBOX_HOST          127.0.0.1
//   SANDBOX_PUBLIC_HOST   localhost  host name in the URLs the servers advertise
//   SANDBOX_APP_ORIGINS   http://localhost:8080,http://localhost:8180,http://localhost:8090
//                         (the app, its end-to-end run, the starter's `trunk serve`)
//   SANDBOX_VENDOR_APP_PORT 8107  a third-party SMART app (vendor-app/), registered
//                         at the first organisation as client `fluid-balance`
//   SANDBOX_CDS_PORT      8108    CDS Hooks services (cds-service.mjs): /cds-services,
//                         /hostile/cds-services, /silent/cds-services
//   SANDBOX_DATA          small | large
//   SANDBOX_SEED          20261121
//   SANDBOX_TOKEN_TTL     300     access-token lifetime in seconds
//   SANDBOX_KEY_FILE      e2e/sandbox/.keys/keys.json
//
// Needs Node 22 (Medplum 5): run as `e2e/node_modules/.bin/node e2e/sandbox/start.mjs`.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRemoteJWKSet } from "jose";
import { createAuthServer, smartConfiguration } from "./auth-server.mjs";
import { generate } from "./data/synthetic.mjs";
import { createFhirServer, loadDefinitions, loadRepository } from "./fhir-server.mjs";
import { createVendorAppServer } from "./vendor-app/server.mjs";
import { createCdsServer } from "./cds-service.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const env = process.env;
const host = env.SANDBOX_HOST ?? "127.0.0.1";
const publicHost = env.SANDBOX_PUBLIC_HOST ?? "localhost";
const appOrigins = (env.SANDBOX_APP_ORIGINS ?? "http://localhost:8080,http://localhost:8180,http://localhost:8090").split(",").map((s) => s.trim()).filter(Boolean);
const size = env.SANDBOX_DATA ?? "small";
const vendorAppPort = Number(env.SANDBOX_VENDOR_APP_PORT ?? 8107);
const vendorAppOrigin = `http://${publicHost}:${vendorAppPort}`;
// Another vendor's app, registered at the first organisation only (Bedside's
// config/sandbox.json lists it there) and pre-approved, as a trust would an
// app it has bought: no consent page.
const vendorApps = [{ clientId: "fluid-balance", name: "Fluid balance chart", redirectUris: [`${vendorAppOrigin}/index.html`], preApproved: true }];

const t0 = performance.now();
loadDefinitions();
const tDefinitions = performance.now();
const resources = generate({ seed: Number(env.SANDBOX_SEED ?? 20261121), size });
const tGenerated = performance.now();
// Validating 1.3 million large-set resources adds minutes; the small set is validated in full.
const repo = await loadRepository(resources, { validate: size === "small" });
const tLoaded = performance.now();

const patients = resources
  .filter((r) => r.resourceType === "Patient")
  .map((p) => ({
    id: p.id,
    label: `${p.name[0].family.toUpperCase()}, ${p.name[0].given[0]} (${p.name[0].prefix?.[0] ?? ""}) – NHS ${p.identifier[0].value.replace(/(\d{3})(\d{3})(\d{4})/, "$1 $2 $3")} – born ${p.birthDate}`,
  }));
const encounters = new Map(resources.filter((r) => r.resourceType === "Encounter").map((e) => [e.subject.reference.slice(8), e.id]));

const organisations = [
  {
    id: "sandbox",
    fhirPort: Number(env.SANDBOX_FHIR_PORT ?? 8103),
    authPort: Number(env.SANDBOX_AUTH_PORT ?? 8104),
    keyFile: env.SANDBOX_KEY_FILE ?? join(here, ".keys/keys.json"),
    issInResponse: true,
    apps: vendorApps,
  },
  {
    id: "second",
    fhirPort: Number(env.SANDBOX_SECOND_FHIR_PORT ?? 8106),
    authPort: Number(env.SANDBOX_SECOND_AUTH_PORT ?? 8105),
    keyFile: join(dirname(env.SANDBOX_KEY_FILE ?? join(here, ".keys/keys.json")), "keys-second.json"),
    issInResponse: false,
    // Signs in as NHS Care Identity Service 2 does: assurance levels, and
    // the role chosen at sign-in (see auth-server.mjs).
    cis2: true,
  },
].map((o) => ({
  ...o,
  fhirBaseUrl: `http://${publicHost}:${o.fhirPort}/fhir/R4`,
  issuer: `http://${publicHost}:${o.authPort}`,
}));

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
const servers = [];
for (const o of organisations) {
  const config = {
    organisation: o.id,
    issuer: o.issuer,
    fhirBaseUrl: o.fhirBaseUrl,
    appOrigins,
    issInResponse: o.issInResponse,
    cis2: o.cis2 ?? false,
    apps: o.apps ?? [],
    accessTokenTtl: Number(env.SANDBOX_TOKEN_TTL ?? 300),
    keyFile: o.keyFile,
    listPatients: () => patients,
    patientEncounter: (id) => encounters.get(id),
  };
  const { server: authServer } = await createAuthServer(config);
  const fhirServer = createFhirServer({
    baseUrl: o.fhirBaseUrl,
    allowedOrigins: o.apps ? [...appOrigins, vendorAppOrigin] : appOrigins,
    issuer: o.issuer,
    keySet: createRemoteJWKSet(new URL(`${o.issuer}/jwks`)),
    smart: smartConfiguration(config),
    repo,
  });
  servers.push([authServer, o.authPort], [fhirServer, o.fhirPort]);
}
const first = organisations[0];
servers.push([createVendorAppServer({ clientId: vendorApps[0].clientId, connect: [new URL(first.fhirBaseUrl).origin, first.issuer] }), vendorAppPort]);
const cdsPort = Number(env.SANDBOX_CDS_PORT ?? 8108);
servers.push([createCdsServer({ appOrigins, vendorLaunchUrl: `${vendorAppOrigin}/launch.html` }), cdsPort]);
await Promise.all(servers.map(([server, port]) => listen(server, port)));

// Ready means answering, not just listening.
for (const url of organisations.flatMap((o) => [`${o.fhirBaseUrl}/metadata`, `${o.issuer}/.well-known/openid-configuration`])) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`sandbox: ${url} answered ${res.status}`);
}
const tReady = performance.now();
const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
const mem = process.memoryUsage();
console.log(
  [
    `sandbox ready in ${Math.round(tReady - t0)} ms (definitions ${Math.round(tDefinitions - t0)} ms, generate ${Math.round(tGenerated - tDefinitions)} ms, load ${Math.round(tLoaded - tGenerated)} ms)`,
    `  data: ${size}, ${patients.length} patients, ${resources.length} resources`,
    `  memory: rss ${mb(mem.rss)}, heap ${mb(mem.heapUsed)}`,
    ...organisations.flatMap((o) => [
      `  ${o.id}:`,
      `    FHIR R4:    ${o.fhirBaseUrl}`,
      `    sign-on:    ${o.issuer}  (client_id bedside, redirect <app>/auth/callback/${o.id}${o.issInResponse ? "" : "; answers without iss"}${o.cis2 ? "; CIS2-like" : ""})`,
      `    EHR launch: ${o.issuer}/launch?patient=patient-00001&app=<app launch URL>`,
      ...(o.apps ? [`    launch context: ${o.issuer}/launch-context (for ${o.apps.map((a) => a.clientId).join(", ")})`] : []),
    ]),
    `  third-party app: ${vendorAppOrigin}/launch.html (Fluid balance chart, fhirclient)`,
    `  CDS Hooks:  http://${publicHost}:${cdsPort}/cds-services (and /hostile, /silent)`,
  ].join("\n"),
);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const [server] of servers) server.closeAllConnections?.();
  Promise.all(servers.map(([server]) => new Promise((r) => server.close(r)))).then(() => {
    console.log("sandbox stopped");
    process.exit(0);
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
