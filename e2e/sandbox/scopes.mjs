// Coarse SMART scope enforcement for the sandbox FHIR server.
//
// SMART App Launch 2.x scopes are `<context>/<type>.<permissions>`, where
// context is patient, user or system, type a resource type or `*`, and
// permissions any of c r u d s (v2) or read / write / * (v1, still sent by
// older apps). See https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
//
// "Coarse" means: the resource type and interaction must be granted, and with
// only patient-context scopes the request must stay inside the launch
// patient's compartment (reads are checked against the resource returned;
// searches must name the patient). Finer rules (v2 query-string constraints
// such as `?category=`) are not enforced.

const V1 = { read: "rs", write: "cud", "*": "cruds" };

/** Parses a space-separated scope string into resource scopes. */
export function parseScopes(scope) {
  const out = [];
  for (const token of scope.split(/\s+/).filter(Boolean)) {
    const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(token);
    if (!m) continue;
    const [, context, type, perms] = m;
    const letters = V1[perms] ?? (/^c?r?u?d?s?$/.test(perms) ? perms : "");
    if (letters) out.push({ context, type, perms: new Set(letters) });
  }
  return out;
}

/** The SMART permission letter for an interaction, and the resource type it touches. */
export function interactionOf(method, path) {
  const parts = path.split("/").filter(Boolean);
  const [type, id, op] = parts;
  if (!type) return method === "POST" ? { kind: "bundle" } : { kind: "system-search", letter: "s", type: "*" };
  if (type.startsWith("$")) return { kind: "operation", letter: "r", type: "*" };
  if (method === "GET" || method === "HEAD") return { kind: id ? "read" : "search", letter: id ? "r" : "s", type, id, history: op === "_history" };
  if (method === "POST") return id === "_search" ? { kind: "search", letter: "s", type } : { kind: "create", letter: "c", type };
  if (method === "PUT" || method === "PATCH") return { kind: "update", letter: "u", type, id };
  if (method === "DELETE") return { kind: "delete", letter: "d", type, id };
  return { kind: "unknown" };
}

const grants = (scopes, context, type, letter) =>
  scopes.some((s) => s.context === context && (s.type === "*" || s.type === type) && s.perms.has(letter));

/** The patient a resource belongs to, as `Patient/<id>`, or undefined. */
export function patientOf(resource) {
  if (!resource || typeof resource !== "object") return undefined;
  if (resource.resourceType === "Patient") return resource.id ? `Patient/${resource.id}` : undefined;
  for (const field of ["subject", "patient", "beneficiary"]) {
    const ref = resource[field]?.reference;
    if (typeof ref === "string" && ref.startsWith("Patient/")) return ref;
  }
  return undefined;
}

/**
 * Decides whether a request may go ahead. Returns { allowed, reason,
 * patient } where `patient` (as `Patient/<id>`) means the response must still
 * be checked to belong to that patient.
 */
export function canAccess(auth, { method, path, query, body }) {
  const { scopes, token } = auth;
  const action = interactionOf(method, path);
  if (action.kind === "bundle") {
    for (const entry of body?.entry ?? []) {
      const url = String(entry.request?.url ?? "");
      const [entryPath, entryQuery = ""] = url.split("?");
      const decision = canAccess(auth, {
        method: entry.request?.method ?? "GET",
        path: `/${entryPath.replace(/^\//, "")}`,
        query: new URLSearchParams(entryQuery),
        body: entry.resource,
      });
      if (!decision.allowed) return decision;
    }
    return { allowed: true };
  }
  if (action.kind === "unknown") return { allowed: false, reason: "unsupported method" };
  const { letter, type } = action;
  if (grants(scopes, "system", type, letter) || grants(scopes, "user", type, letter)) return { allowed: true };
  if (!grants(scopes, "patient", type, letter)) return { allowed: false, reason: `no scope grants ${letter} on ${type}` };

  const patient = token.patient ? `Patient/${token.patient}` : undefined;
  if (!patient) return { allowed: false, reason: "patient scopes without a patient in context" };
  if (action.kind === "search") {
    const named = [query.get("patient"), query.get("subject"), type === "Patient" ? query.get("_id") : null]
      .filter(Boolean)
      .map((v) => (v.startsWith("Patient/") ? v : `Patient/${v}`));
    if (!named.length || named.some((v) => v !== patient)) {
      return { allowed: false, reason: "patient-scoped searches must name the patient in context" };
    }
    return { allowed: true };
  }
  if (action.kind === "read") {
    if (type === "Patient" && action.id && `Patient/${action.id}` !== patient) {
      return { allowed: false, reason: "another patient's record" };
    }
    return { allowed: true, patient };
  }
  // Writes: the resource written must belong to the patient, and so must
  // the one it replaces or deletes (the server checks that one: a PUT must
  // not move another patient's record into this patient's compartment).
  if (body && patientOf(body) !== patient) return { allowed: false, reason: "writes outside the patient in context" };
  return { allowed: true, patient: action.kind === "delete" || action.kind === "update" ? patient : undefined };
}
