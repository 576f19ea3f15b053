#!/usr/bin/env node
// Builds style/generated/bedside.css, the one stylesheet the app loads:
//
//   1. NHS.UK frontend, compiled from the pinned npm package (style/nhsuk.scss)
//      and purged of every rule whose classes appear nowhere in our Rust code
//   2. design tokens: palette, then semantic (style/tokens/)
//   3. Bedside's page-wide rules (style/global.css)
//   4. component-scoped CSS modules, bundled by stylance-cli
//
// One static file from our own origin keeps the CSP free of 'unsafe-inline'.
// Trunk runs this as a pre-build hook; it is also runnable on its own.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "style/generated");
mkdirSync(out, { recursive: true });

function fail(message) {
  console.error(`build-css: ${message}`);
  process.exit(1);
}

// 4 first: a missing stylance is the likeliest failure, so report it early.
const componentsCss = join(out, "components.css");
try {
  execFileSync("stylance", [join(root, "components")], { stdio: "inherit" });
} catch (e) {
  fail(`stylance-cli failed (${e.message}). Run scripts/bootstrap.sh to install it.`);
}
if (!existsSync(componentsCss)) fail(`stylance did not write ${componentsCss}`);

let sass;
try {
  sass = await import("sass");
} catch {
  fail("the npm package `sass` is missing. Run `npm ci` at the repository root.");
}
const nhsuk = sass.compile(join(root, "style/nhsuk.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  // nhsuk-frontend's own deprecations are for its maintainers, not us.
  quietDeps: true,
  silenceDeprecations: ["import"],
});

// nhsuk-frontend's core alone carries every utility class at every breakpoint;
// the app renders a few dozen. Rules for classes that no Rust source names are
// dropped. Classes are always written out whole in the source (see
// ButtonVariant::as_str) so this sees them; anything built at run time must be
// listed in the safelist.
const { PurgeCSS } = await import("purgecss");
const [purged] = await new PurgeCSS().purge({
  content: ["components/src/**/*.rs", "app/src/**/*.rs", "index.html"].map((g) => join(root, g)),
  css: [{ raw: nhsuk.css }],
  // Toggled by move_focus_to (ui/mod.rs) on whatever element it focuses.
  safelist: ["nhsuk-skip-link-focused-element"],
  // Only nhsuk-frontend's rules are purged: ours are all in use by construction.
  fontFace: true,
  keyframes: true,
  // nhsuk-frontend's own custom properties (its colours and breakpoints,
  // ~0.5 KB brotli of the first load) that none of its kept rules reads:
  // Bedside's CSS reads its own tokens (style/tokens/), never these.
  variables: true,
});
const nhsukCss = purged.css;

const read = (p) => readFileSync(join(root, p), "utf8");
const parts = [
  ["nhsuk-frontend (style/nhsuk.scss, purged)", nhsukCss],
  ["style/tokens/palette.css", read("style/tokens/palette.css")],
  ["style/tokens/semantic.css", read("style/tokens/semantic.css")],
  ["style/global.css", read("style/global.css")],
  ["component CSS modules (stylance)", readFileSync(componentsCss, "utf8")],
];
const bundle = parts.map(([name, css]) => `/* ${name} */\n${css.trim()}\n`).join("\n");

// Component CSS may read only tokens: a literal colour there would escape a
// trust's re-branding. Checked here so the build, not a reviewer, catches it.
const literalColour = /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i;
for (const line of readFileSync(componentsCss, "utf8").split("\n")) {
  if (literalColour.test(line)) fail(`component CSS must use tokens, not literal colours: ${line.trim()}`);
}

// nhsuk-frontend's custom properties are purged (`variables` above), so
// nothing of ours may read them.
for (const [name, css] of parts.slice(1)) {
  if (/var\(\s*--nhsuk-/.test(css)) fail(`${name} reads an nhsuk-frontend custom property; use a --bedside- token`);
}

writeFileSync(join(out, "bedside.css"), bundle);
console.log(
  `build-css: wrote style/generated/bedside.css (${bundle.length} bytes; nhsuk-frontend ${nhsuk.css.length} → ${nhsukCss.length} bytes after purging)`,
);
