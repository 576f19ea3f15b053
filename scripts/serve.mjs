#!/usr/bin/env node
// Serves the built app (dist/) the way a production web server should:
// single-page-app fallback, a strict Content-Security-Policy and other
// security headers, brotli/gzip compression, and long caching for the
// content-hashed files only. `make demo` and the end-to-end tests use it.
//
//   node scripts/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--config file] [--base /path/]
//
// --base: the path the build is served under, as it was built with Trunk's
// --public-url (the gallery: /gallery/); addresses outside it redirect to it.
// --config: the deployment's settings (organisations, idle lock), served as
// /config.json; without it, dist/config.json if there is one. The FHIR
// servers, sign-in services (`issuer`) and decision support services
// (`cdsServices`) it names may be called (CSP connect-src).
// BEDSIDE_CONNECT_SRC: further origins the app may call (a sign-in service
// whose endpoints live on another origin than its issuer), space-separated.
// They are configuration, never constants.
// BEDSIDE_CSP_REPORT_URI: where browsers report what the policy blocked
// (`report-uri`, sent at once); BEDSIDE_CSP_REPORT_TO: the same for the
// Reporting API (`report-to`, batched), where the collector takes it.
// Behind TLS (any real deployment) pages also carry Strict-Transport-
// Security; browsers ignore it over plain http, as on a developer's PC.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const dir = resolve(args.dir || "dist");
const port = Number(args.port || process.env.PORT || 8080);
const host = args.host || "127.0.0.1";
const configFile = args.config ? resolve(args.config) : null;
const base = `/${(args.base || "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
// Each organisation's FHIR server and (pinned) sign-in service: the origins
// the app talks to, so the CSP allows exactly them.
const configuredOrigins = configFile
  ? JSON.parse(await readFile(configFile, "utf8")).signOn.organisations.flatMap((o) =>
      [o.fhirBaseUrl, o.issuer, ...(o.cdsServices ?? []).map((s) => s.base)].filter(Boolean).map((u) => new URL(u).origin),
    )
  : [];
const connectSrc = [
  ...new Set([...configuredOrigins, ...(process.env.BEDSIDE_CONNECT_SRC || "").split(/\s+/).filter(Boolean)]),
];

export const csp = [
  "default-src 'self'",
  // wasm needs 'wasm-unsafe-eval' (compiling WebAssembly), never 'unsafe-eval'.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src ${["'self'", ...connectSrc].join(" ")}`,
  // The app submits no form anywhere: the sign-in service is reached by
  // navigation, not a form post.
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  // HTML only through named policies: the narrative's, and the default one
  // that lets Leptos' view templates through (bedside::trusted_types).
  "require-trusted-types-for 'script'",
  "trusted-types bedside-narrative default",
  ...(process.env.BEDSIDE_CSP_REPORT_URI ? [`report-uri ${process.env.BEDSIDE_CSP_REPORT_URI}`] : []),
  ...(process.env.BEDSIDE_CSP_REPORT_TO ? ["report-to csp"] : []),
].join("; ");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt"]);
const cache = new Map();

async function load(path) {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const hit = cache.get(path);
  if (hit && hit.mtime === info.mtimeMs) return hit;
  const raw = await readFile(path);
  const entry = { mtime: info.mtimeMs, raw, br: null, gzip: null };
  if (compressible.has(extname(path))) {
    // Brotli's best for a release build's files (the largest under 1 MB); a
    // debug build's wasm (6 MB: the starter's, scripts/starter.sh) would take
    // brotli 11 some 15 s on the first request, so it gets a quicker level.
    const quality = raw.length > 1_000_000 ? 5 : 11;
    entry.br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality } });
    entry.gzip = gzipSync(raw, { level: 9 });
  }
  cache.set(path, entry);
  return entry;
}

function headersFor(path) {
  // Trunk's and split-wasm.mjs's content hashes (Trunk's has no fixed
  // length), on code, styles and the icon: Chromium asks for the icon again
  // at every navigation, in the app's own history too.
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg|png|ico)$/.test(path);
  return {
    "Content-Type": types[extname(path)] || "application/octet-stream",
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    ...(process.env.BEDSIDE_CSP_REPORT_TO ? { "Reporting-Endpoints": `csp="${process.env.BEDSIDE_CSP_REPORT_TO}"` } : {}),
    // Shared ward PCs: the page itself is never cached; hashed assets are immutable.
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-store",
    Vary: "Accept-Encoding",
  };
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url, "http://localhost");
    if (!`${url.pathname}/`.startsWith(base)) {
      res.writeHead(302, { Location: base, "Content-Security-Policy": csp }).end();
      return;
    }
    let path = resolve(join(dir, decodeURIComponent(url.pathname.slice(base.length - 1))));
    if (path !== dir && !path.startsWith(dir + sep)) {
      res.writeHead(400).end("Bad path");
      return;
    }
    if (configFile && url.pathname === "/config.json") path = configFile;
    let file = await load(path);
    // Client-side routes (no file extension) get the app; missing assets get 404.
    if (!file && !extname(url.pathname)) {
      path = join(dir, "index.html");
      file = await load(path);
    }
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": csp });
      res.end("Not found");
      return;
    }
    const headers = headersFor(path);
    const accept = req.headers["accept-encoding"] || "";
    let body = file.raw;
    if (file.br && /\bbr\b/.test(accept)) {
      body = file.br;
      headers["Content-Encoding"] = "br";
    } else if (file.gzip && /\bgzip\b/.test(accept)) {
      body = file.gzip;
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (e) {
    console.error(e);
    res.writeHead(500).end("Server error");
  }
});

server.listen(port, host, () => {
  console.log(`Bedside: serving ${dir} at http://${host === "127.0.0.1" ? "localhost" : host}:${port}${base}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
