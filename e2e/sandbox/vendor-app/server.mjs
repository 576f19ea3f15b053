// A third-party SMART app for the sandbox: "Fluid balance chart", written as
// another vendor would write one (npm `fhirclient`, the reference SMART
// client, and plain DOM; nothing from Bedside), served from an origin of its
// own. Bedside launches it in a patient's context (docs/apps.md); it is a
// test fixture, not product.
//
// The server serves public/, fhirclient's browser build, and /settings.json
// (the client id this app is registered with at the sandbox's sign-in
// service), with a strict CSP of its own.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fhirclient = join(dirname(createRequire(import.meta.url).resolve("fhirclient/package.json")), "build/fhir-client.min.js");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

/** `settings`: { clientId, connect: the origins it may call (FHIR, sign-in) }. */
export function createVendorAppServer(settings) {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${settings.connect.join(" ")}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
  return createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const headers = (type) => ({ "Content-Type": type, "Content-Security-Policy": csp, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    if (path === "/favicon.ico") return res.writeHead(204).end();
    if (path === "/settings.json") {
      res.writeHead(200, headers("application/json"));
      return res.end(JSON.stringify({ clientId: settings.clientId }));
    }
    const file = path === "/fhir-client.js" ? fhirclient : /^\/[a-z-]+\.(html|js|css)$/.test(path) ? join(here, "public", path) : path === "/" ? join(here, "public/index.html") : null;
    const body = file && (await readFile(file).catch(() => null));
    if (!body) return res.writeHead(404, headers("text/plain")).end("Not found");
    res.writeHead(200, headers(types[extname(file)]));
    res.end(body);
  });
}
