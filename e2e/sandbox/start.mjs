#!/usr/bin/env node
// Starts the sandbox: the FHIR R4 server and the SMART authorization server,
// with synthetic UK patients loaded. Waits until both answer, prints where
// they are and what starting cost, and stops both cleanly on SIGINT/SIGTERM.
//
// Configuration (environment; every URL is configuration, never a constant):
//   SANDBOX_FHIR_PORT     8103    FHIR base http://localhost:8103/fhir/R4
//   SANDBOX_AUTH_PORT     8104    issuer http://localhost:8104
//   SANDBOX_HOST          127.0.0.1
//   SANDBOX_PUBLIC_HOST   localhost  host name in the URLs the servers advertise
//   SANDBOX_APP_ORIGINS   http://localhost:8080,http://localhost:8180
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

const here = dirname(fileURLToPath(import.meta.url));
const env = process.env;
const host = env.SANDBOX_HOST ?? "127.0.0.1";
const publicHost = env.SANDBOX_PUBLIC_HOST ?? "localhost";
const fhirPort = Number(env.SANDBOX_FHIR_PORT ?? 8103);
const authPort = Number(env.SANDBOX_AUTH_PORT ?? 8104);
const fhirBaseUrl = `http://${publicHost}:${fhirPort}/fhir/R4`;
const issuer = `http://${publicHost}:${authPort}`;
const appOrigins = (env.SANDBOX_APP_ORIGINS ?? "http://localhost:8080,http://localhost:8180").split(",").map((s) => s.trim()).filter(Boolean);
const size = env.SANDBOX_DATA ?? "small";

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

const config = {
  issuer,
  fhirBaseUrl,
  appOrigins,
  accessTokenTtl: Number(env.SANDBOX_TOKEN_TTL ?? 300),
  keyFile: env.SANDBOX_KEY_FILE ?? join(here, ".keys/keys.json"),
  listPatients: () => patients,
  patientEncounter: (id) => encounters.get(id),
};
const { server: authServer } = await createAuthServer(config);
const fhirServer = createFhirServer({
  baseUrl: fhirBaseUrl,
  allowedOrigins: appOrigins,
  issuer,
  keySet: createRemoteJWKSet(new URL(`${issuer}/jwks`)),
  smart: smartConfiguration(config),
  repo,
});

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
await Promise.all([listen(authServer, authPort), listen(fhirServer, fhirPort)]);

// Ready means answering, not just listening.
for (const url of [`${fhirBaseUrl}/metadata`, `${issuer}/.well-known/openid-configuration`]) {
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
    `  FHIR R4:   ${fhirBaseUrl}`,
    `  sign-on:   ${issuer}  (client_id bedside, redirect <app>/auth/callback)`,
    `  EHR launch: ${issuer}/launch?patient=patient-00001&app=<app launch URL>`,
  ].join("\n"),
);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  authServer.closeAllConnections?.();
  fhirServer.closeAllConnections?.();
  Promise.all([new Promise((r) => authServer.close(r)), new Promise((r) => fhirServer.close(r))]).then(() => {
    console.log("sandbox stopped");
    process.exit(0);
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
