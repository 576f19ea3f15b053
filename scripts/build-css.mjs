#!/usr/bin/env node
// Builds the app's two stylesheets:
//
// style/generated/bedside.css, loaded with the first page:
//   1. NHS.UK frontend, compiled from the pinned npm package (style/nhsuk.scss)
//      and purged of every rule whose classes the first screens' sources
//      (FIRST_SCREENS below) do not name
//   2. design tokens: palette, then semantic (style/tokens/)
//   3. Bedside's page-wide rules (style/global.css)
//   4. component-scoped CSS modules, bundled by stylance-cli
//
// style/generated/bedside-later.css, loaded with the first code that arrives
// on demand (bedside::on_demand::later_styles): the rest of nhsuk-frontend's
// rules that any Rust source names (forms, tables, the gallery's examples).
// A ward PC's first page does not wait for the tools' and the gallery's
// styles, as it does not wait for their code; post-build.mjs gives the file
// a content hash and names it in index.html.
//
// With --package, the same two stylesheets for the `bedside` crate's package
// instead (components/assets/dist/, with the images nhsuk-frontend's rules
// refer to): the first purged against the library's own first screens and
// the NHS.UK page template's classes, the later one against everything the
// crate names. A trust's app gets them from the package with the `bedside`
// command (crate bedside-cli), not from this script: docs/getting-started.md.
//
// style/generated/bedside-gallery.css: the gallery's own CSS modules
// (components/src/gallery, the frame round each example), which only the
// gallery's build links (gallery/index.html): nothing of the gallery reaches
// a ward PC or a package.
//
// style/generated/bedside-prototype.css: prototype mode's CSS modules
// (components/src/prototype: the prototype banner, the persona chooser),
// which only the prototype build links (prototype/index.html).
//
// Static files from our own origin keep the CSP free of 'unsafe-inline'.
// Trunk runs this as a pre-build hook; it is also runnable on its own.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const forPackage = process.argv.includes("--package");
const out = join(root, "style/generated");
mkdirSync(out, { recursive: true });
// Where the stylesheets go: the app's build, or the crate's package.
const target = forPackage ? join(root, "components/assets/dist") : out;
mkdirSync(target, { recursive: true });

function fail(message) {
  console.error(`build-css: ${message}`);
  process.exit(1);
}

// 4 first: a missing stylance is the likeliest failure, so report it early.
// Two bundles: the UI components' modules go in the first stylesheet; the
// clinical components' (src/clinical), which only code on demand draws, go
// in the later one, so a ward PC's first page does not wait for them.
const componentsCss = join(out, "components.css");
const clinicalCss = join(out, "components-clinical.css");
const galleryCss = join(out, "bedside-gallery.css");
const prototypeCss = join(out, "bedside-prototype.css");
const stylance = (folders, file) => {
  const args = [join(root, "components"), "--output-file", file, ...folders.flatMap((f) => ["--folder", f])];
  try {
    execFileSync("stylance", args, { stdio: "inherit" });
  } catch (e) {
    fail(`stylance-cli failed (${e.message}). Run scripts/bootstrap.sh to install it.`);
  }
  if (!existsSync(file)) fail(`stylance did not write ${file}`);
};
// Every other folder of components/src goes in the first bundle, so a CSS
// module added anywhere is never left out of all three.
const firstFolders = readdirSync(join(root, "components/src"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !["clinical", "gallery", "prototype"].includes(e.name))
  .map((e) => `src/${e.name}`);
stylance(firstFolders, componentsCss);
stylance(["src/clinical"], clinicalCss);
stylance(["src/gallery"], galleryCss);
stylance(["src/prototype"], prototypeCss);

let sass;
try {
  sass = await import("sass");
} catch {
  fail("the npm package `sass` is missing. Run `npm ci` at the repository root.");
}
// nhsuk-frontend's Sass for each registered component comes from its folder's
// name (components/src/ui/skip_link → components/skip-link): adding a
// component compiles its styles, with nothing else to edit. style/nhsuk.scss
// holds the core's settings and the markup Bedside renders without a
// component of its own.
const nhsukComponents = join(root, "node_modules/nhsuk-frontend/dist/nhsuk/components");
const componentSass = readdirSync(join(root, "components/src/ui"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name.replaceAll("_", "-"))
  .filter((name) => existsSync(join(nhsukComponents, name, "_index.scss")))
  .sort();
const nhsukSource = [
  readFileSync(join(root, "style/nhsuk.scss"), "utf8"),
  "// From the component folders (scripts/build-css.mjs).",
  ...componentSass.map((name) => `@use "nhsuk-frontend/dist/nhsuk/components/${name}";`),
].join("\n");
const nhsuk = sass.compileString(nhsukSource, {
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
// Toggled by move_focus_to (ui/mod.rs) on whatever element it focuses.
// A package's first stylesheet also keeps the NHS.UK page template's own
// classes (the layout and type scale a trust's shell is written in), which
// no library source need name.
const PAGE_TEMPLATE = [
  "nhsuk-width-container",
  "nhsuk-width-container-fluid",
  "nhsuk-main-wrapper",
  "nhsuk-main-wrapper--s",
  "nhsuk-main-wrapper--l",
  "nhsuk-grid-row",
  ...["full", "one-half", "one-third", "two-thirds", "one-quarter", "three-quarters"].map((w) => `nhsuk-grid-column-${w}`),
  ...["xl", "l", "m", "s", "xs"].map((size) => `nhsuk-heading-${size}`),
  ...["l", "m", "s"].map((size) => `nhsuk-body-${size}`),
  "nhsuk-lede-text",
  "nhsuk-list",
  "nhsuk-list--bullet",
  "nhsuk-list--number",
  "nhsuk-link",
  "nhsuk-u-visually-hidden",
  "nhsuk-u-secondary-text-colour",
];
const PURGE_SAFELIST = ["nhsuk-skip-link-focused-element", ...(forPackage ? PAGE_TEMPLATE : [])];
const purge = async (content) => {
  const [purged] = await new PurgeCSS().purge({
    content: content.map((g) => join(root, g)),
    css: [{ raw: nhsuk.css }],
    safelist: PURGE_SAFELIST,
    // Only nhsuk-frontend's rules are purged: ours are all in use by construction.
    fontFace: true,
    keyframes: true,
    // nhsuk-frontend's own custom properties (its colours and breakpoints,
    // ~0.5 KB brotli of the first load) that none of its kept rules reads:
    // Bedside's CSS reads its own tokens (style/tokens/), never these.
    variables: true,
  });
  return purged.css;
};
// The sources of what a ward PC shows before any code arrives on demand:
// the shell, the sign-in, lock and error pages, the launcher (code on
// demand itself, but the first screen after every sign-in, which should not
// wait for the later stylesheet), "page not found", the loading and failure
// states of code on demand, and the UI components those use. A component that a first screen starts to use goes
// here; the end-to-end test "first screens need only the first stylesheet"
// fails until it does.
const LIBRARY_FIRST_SCREENS = [
  "components/src/on_demand.rs",
  "components/src/session/views.rs",
  "components/src/ui/mod.rs",
  "components/src/ui/button/*.rs",
  "components/src/ui/header/mod.rs",
  "components/src/ui/inset_text/*.rs",
  "components/src/ui/footer/mod.rs",
  "components/src/ui/skip_link/*.rs",
];
const FIRST_SCREENS = forPackage
  ? LIBRARY_FIRST_SCREENS
  : [
      "index.html",
      "app/src/lib.rs",
      "app/src/routes.rs",
      "app/src/routes/home.rs",
      "app/src/routes/not_found.rs",
      "app/src/workspace.rs",
      ...LIBRARY_FIRST_SCREENS,
    ];
const nhsukCss = await withoutUnusedSelectors(await purge(FIRST_SCREENS), FIRST_SCREENS);

/**
 * `css` less each selector that needs a class none of `sources` names.
 * PurgeCSS keeps a selector when its last part matches, so nhsuk-frontend's
 * spacing rules such as `p:has(+ .nhsuk-fieldset > .nhsuk-fieldset__legend)`
 * stay in the first stylesheet because the first screens have paragraphs.
 * Classes inside `:not()`, `:is()` and `:where()` are set aside: a selector
 * can match without them.
 */
async function withoutUnusedSelectors(css, sources) {
  const { default: postcss } = await import("postcss");
  const words = new Set(PURGE_SAFELIST);
  // The patterns are files or `folder/*.rs` (Node 20 has no glob); a
  // component's examples.rs is the gallery's, never a first screen's.
  const files = sources.flatMap((g) => {
    if (!g.endsWith("/*.rs")) return [join(root, g)];
    const folder = join(root, g.slice(0, -"/*.rs".length));
    return readdirSync(folder).filter((f) => f.endsWith(".rs") && f !== "examples.rs").map((f) => join(folder, f));
  });
  for (const file of files) {
    for (const w of readFileSync(file, "utf8").match(/[A-Za-z0-9_-]+/g) ?? []) words.add(w);
  }
  const optional = /:(?:not|is|where)\((?:[^()]|\([^()]*\))*\)/g;
  const needed = (selector) => [...selector.replace(optional, "").matchAll(/\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
  const tree = postcss.parse(css);
  tree.walkRules((rule) => {
    if (rule.parent?.type === "atrule" && /keyframes$/.test(rule.parent.name)) return;
    const kept = rule.selectors.filter((s) => needed(s).every((c) => words.has(c)));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  tree.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return tree.toString();
}
const everything = await purge(
  forPackage ? ["components/src/**/*.rs"] : ["components/src/**/*.rs", "app/src/**/*.rs", "index.html"],
);
const laterCss = await withoutRulesOf(everything, nhsukCss);

/**
 * `css` less what `loaded` has already: each selector that `loaded` gives
 * the same declarations, inside the same at-rules (PurgeCSS trims selector
 * lists differently for the two stylesheets, so whole rules rarely match),
 * and less the rules and at-rules left empty. A selector is never repeated
 * in the later stylesheet, where it would move in the cascade.
 */
async function withoutRulesOf(css, loaded) {
  const { default: postcss } = await import("postcss");
  const key = (rule) => {
    const within = [];
    for (let p = rule.parent; p && p.type === "atrule"; p = p.parent) within.unshift(`@${p.name} ${p.params}`);
    return `${within.join(" ")}{${rule.nodes.map(String).join(";")}}`;
  };
  const have = new Map();
  postcss.parse(loaded).walkRules((rule) => {
    const selectors = have.get(key(rule)) ?? new Set();
    for (const s of rule.selectors) selectors.add(s);
    have.set(key(rule), selectors);
  });
  const rest = postcss.parse(css);
  rest.walkRules((rule) => {
    const loadedAlready = have.get(key(rule));
    if (!loadedAlready) return;
    const left = rule.selectors.filter((s) => !loadedAlready.has(s));
    if (left.length === 0) rule.remove();
    else rule.selectors = left;
  });
  // Keyframes are kept whole: a later rule may name an animation whose
  // frames the first stylesheet has too, and a copy does no harm.
  rest.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return rest.toString();
}

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
for (const file of [componentsCss, clinicalCss, galleryCss, prototypeCss]) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (literalColour.test(line)) fail(`component CSS must use tokens, not literal colours: ${line.trim()}`);
  }
}

// nhsuk-frontend's custom properties are purged (`variables` above), so
// nothing of ours may read them.
for (const [name, css] of parts.slice(1)) {
  if (/var\(\s*--nhsuk-/.test(css)) fail(`${name} reads an nhsuk-frontend custom property; use a --bedside- token`);
}

// The clinical tokens arrive with the later stylesheet: nothing in the first
// may read them (it would read nothing until then).
for (const [, name] of read("style/tokens/clinical.css").matchAll(/(--bedside-[\w-]+)\s*:/g)) {
  if (bundle.includes(`var(${name}`)) fail(`the first stylesheet reads ${name}, a clinical token of the later one`);
}

writeFileSync(join(target, "bedside.css"), bundle);
const clinical = readFileSync(clinicalCss, "utf8");
if (/var\(\s*--nhsuk-/.test(clinical)) fail("clinical CSS modules read an nhsuk-frontend custom property; use a --bedside- token");
const later = [
  `/* nhsuk-frontend (style/nhsuk.scss): the rules only code on demand needs */\n${laterCss.trim()}\n`,
  `/* style/tokens/clinical.css */\n${read("style/tokens/clinical.css").trim()}\n`,
  `/* clinical component CSS modules (stylance) */\n${clinical.trim()}\n`,
].join("\n");
writeFileSync(join(target, "bedside-later.css"), later);
// The package carries the images its rules refer to (`assets/images/…`,
// relative to the stylesheet: style/nhsuk.scss); the app's index.html copies
// them itself.
if (forPackage) {
  const images = join(target, "images");
  mkdirSync(images, { recursive: true });
  const from = join(root, "node_modules/nhsuk-frontend/dist/nhsuk/assets/images");
  // The NHS favicon too: `bedside post-build` links it from a page that
  // names no icon of its own.
  const named = new Set([...`${bundle}${later}`.matchAll(/assets\/images\/([\w.-]+)/g)].map((m) => m[1]));
  named.add("favicon.svg");
  for (const name of named) {
    if (!existsSync(join(from, name))) fail(`a rule refers to assets/images/${name}, which nhsuk-frontend does not ship`);
    copyFileSync(join(from, name), join(images, name));
  }
}
console.log(
  `build-css: wrote ${forPackage ? "components/assets/dist" : "style/generated"}/bedside.css (${bundle.length} bytes; nhsuk-frontend ${nhsuk.css.length} → ${nhsukCss.length} bytes for the first screens) and bedside-later.css (${later.length} bytes)`,
);
