// CDS Hooks 2.0 services for the sandbox (https://cds-hooks.hl7.org/2.0/),
// as a decision support vendor would run them, on an origin of their own.
// Test fixtures, not product.
//
//   /cds-services               the deterioration service (trusted in
//                               config/sandbox.json): `patient-view` gives a
//                               critical card when the patient's latest NEWS2
//                               total is 5 or more and no medical review has
//                               been requested in the last hour
//   /hostile/cds-services       a card whose markdown carries script, images
//                               from elsewhere and javascript: links
//   /silent/cds-services        a service that never answers its calls
//   POST …/{id}/feedback        recorded; GET /_sandbox/cds-feedback lists it
//   GET /_sandbox/cds-calls     what each call carried (hook, context,
//                               prefetch keys, whether fhirAuthorization came)
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { BEDSIDE_CS } from "./data/synthetic.mjs";

/** SNOMED CT 1104051000000101: Royal College of Physicians NEWS2 total score. */
const NEWS2_TOTAL = "http://snomed.info/sct|1104051000000101";
/** The sandbox's own code for a requested medical review (no standard one names it). */
export const MEDICAL_REVIEW = { system: `${BEDSIDE_CS}escalation`, code: "medical-review", display: "Medical review" };
const OVERRIDE_SYSTEM = `${BEDSIDE_CS}cds-override`;

/**
 * `config`: { appOrigins (CORS), vendorLaunchUrl (the third-party app a
 * card's SMART link opens) }.
 */
export function createCdsServer(config) {
  const feedback = [];
  const calls = [];

  const services = {
    "": [
      {
        hook: "patient-view",
        id: "news2-escalation",
        title: "Deterioration: NEWS2 escalation",
        description: "A NEWS2 total of 5 or more with no medical review requested in the last hour.",
        prefetch: { news2: `Observation?patient={{context.patientId}}&code=${NEWS2_TOTAL}&_sort=-date&_count=1` },
      },
    ],
    "/hostile": [{ hook: "patient-view", id: "hostile", title: "A hostile service", description: "Tries what a card must not do." }],
    "/silent": [{ hook: "patient-view", id: "silent", title: "A silent service", description: "Never answers." }],
  };

  async function news2Cards(request) {
    const patient = request.context?.patientId;
    const latest = request.prefetch?.news2?.entry?.[0]?.resource;
    const score = latest?.valueInteger ?? latest?.valueQuantity?.value;
    if (typeof patient !== "string" || typeof score !== "number" || score < 5) return [];
    // Escalated already? Read with the user's token when given one.
    const auth = request.fhirAuthorization;
    if (auth?.access_token) {
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const url = `${request.fhirServer}/Task?patient=${encodeURIComponent(patient)}&code=${encodeURIComponent(`${MEDICAL_REVIEW.system}|${MEDICAL_REVIEW.code}`)}&authored-on=ge${encodeURIComponent(since)}&_count=1`;
      const answer = await fetch(url, { headers: { Authorization: `Bearer ${auth.access_token}`, Accept: "application/fhir+json" } });
      if (answer.ok && ((await answer.json()).entry ?? []).length > 0) return [];
    }
    return [
      {
        uuid: `news2-${patient}-${randomUUID()}`,
        summary: `NEWS2 ${score}: no medical review requested in the last hour`,
        indicator: "critical",
        detail: [
          `The latest NEWS2 total is **${score}**. An aggregate score of 5 or more is a key threshold for an *urgent response*: a clinician with competence in assessing acutely ill patients should review them (RCP NEWS2, 2017).`,
          "",
          "- Inform the medical team caring for the patient",
          "- Increase the frequency of observations to at least hourly",
        ].join("\n"),
        source: { label: "Sandbox deterioration service", topic: { code: "news2", display: "NEWS2" } },
        suggestions: [
          {
            label: "Request a medical review",
            uuid: `review-${randomUUID()}`,
            actions: [
              {
                type: "create",
                description: "A task for the medical team to review the patient",
                resource: {
                  resourceType: "Task",
                  status: "requested",
                  intent: "order",
                  priority: "urgent",
                  code: { coding: [MEDICAL_REVIEW], text: `Medical review: NEWS2 ${score}` },
                  for: { reference: `Patient/${patient}` },
                  authoredOn: new Date().toISOString(),
                },
              },
            ],
          },
        ],
        selectionBehavior: "at-most-one",
        overrideReasons: [
          { system: OVERRIDE_SYSTEM, code: "already-escalated", display: "Already escalated by phone" },
          { system: OVERRIDE_SYSTEM, code: "expected", display: "Score expected for this patient's condition" },
        ],
        links: [{ label: "Open the fluid balance chart", url: config.vendorLaunchUrl, type: "smart", appContext: JSON.stringify({ from: "news2-escalation" }) }],
      },
    ];
  }

  const hostileCard = () => ({
    uuid: `hostile-${randomUUID()}`,
    summary: "<b>Hostile</b> card <script>window.__cdsHostile = 'summary'</script>",
    indicator: "warning",
    detail: [
      "# Take over",
      "<script>window.__cdsHostile = 'detail'</script><img src=\"https://evil.example/pixel.png\" onerror=\"window.__cdsHostile = 'img'\">",
      "![tracking pixel](https://evil.example/pixel.png)",
      "[Click for your results](javascript:window.__cdsHostile='link') and [data](data:text/html,<script>alert(1)</script>)",
      "<iframe src=\"https://evil.example/\"></iframe>",
    ].join("\n\n"),
    source: { label: "Hostile <i>vendor</i>", url: "javascript:window.__cdsHostile='source'", icon: "https://evil.example/icon.png" },
    links: [
      { label: "Run this", url: "javascript:window.__cdsHostile='absolute'", type: "absolute" },
      { label: "An app nobody registered", url: "https://evil.example/launch", type: "smart" },
    ],
  });

  const cors = (req) => {
    const origin = req.headers.origin;
    return origin && config.appOrigins.includes(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {};
  };
  const send = (req, res, status, body) => {
    res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...cors(req) });
    res.end(JSON.stringify(body));
  };

  return createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname.replace(/\/$/, "");
    try {
      if (req.method === "OPTIONS") {
        res.writeHead(204, { ...cors(req), "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600" });
        return res.end();
      }
      if (req.method === "GET" && path === "/_sandbox/cds-feedback") return send(req, res, 200, feedback);
      if (req.method === "GET" && path === "/_sandbox/cds-calls") return send(req, res, 200, calls);
      const match = /^(|\/hostile|\/silent)\/cds-services(?:\/([^/]+)(\/feedback)?)?$/.exec(path);
      if (!match) return send(req, res, 404, { error: "not found" });
      const [, prefix, id, isFeedback] = match;
      if (!id) return req.method === "GET" ? send(req, res, 200, { services: services[prefix] }) : send(req, res, 405, {});
      if (!services[prefix].some((s) => s.id === id) || req.method !== "POST") return send(req, res, 404, { error: "no such service" });
      const body = JSON.parse((await readBody(req)) || "{}");
      if (isFeedback) {
        feedback.push({ service: id, ...body });
        return send(req, res, 200, {});
      }
      calls.push({ service: id, hook: body.hook, context: body.context, prefetch: Object.keys(body.prefetch ?? {}), fhirAuthorization: Boolean(body.fhirAuthorization) });
      if (id === "silent") return; // Never answers: the connection stays open until the client gives up.
      if (id === "hostile") return send(req, res, 200, { cards: [hostileCard()] });
      return send(req, res, 200, { cards: await news2Cards(body) });
    } catch (e) {
      return send(req, res, 500, { error: String(e?.message ?? e) });
    }
  });
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}
