#!/usr/bin/env node
// Checks every internal link of a static site: each href and src in each
// HTML file that names a page or file of the site must name one that exists,
// and a #fragment must name an id on that page. Links out of the site
// (https:, mailto:, …) are not followed. Fails, listing each broken link
// with the page it is on.
//
//   node scripts/check-links.mjs <site> [--spa gallery --registry target/registry.json]
//
// --spa: a single-page app served at /<name>/ (its index.html answers every
// address under it). Before checking, a copy of its index.html is written
// for each component and example in the registry, so any static host
// serves those addresses, and links to them are checked like any page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { galleryPaths, writePageFiles } from "./page-files.mjs";

const [siteArg, ...rest] = process.argv.slice(2);
if (!siteArg) {
  console.error("usage: check-links.mjs <site> [--spa <dir> --registry <file>]");
  process.exit(2);
}
const option = (name) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const site = resolve(siteArg);

const spa = option("spa");
if (spa) {
  const registry = JSON.parse(readFileSync(option("registry") ?? "target/registry.json", "utf8"));
  writePageFiles(join(site, spa), join(site, spa, "index.html"), galleryPaths(registry));
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const html = [...files(site)].filter((f) => f.endsWith(".html"));
const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const text = readFileSync(file, "utf8");
    ids.set(file, new Set([...text.matchAll(/\b(?:id|name)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)].map((m) => m[1] ?? m[2] ?? m[3])));
  }
  return ids.get(file);
};

// What rustdoc writes that is not a page or an id, and is right:
// - a source page's line range (`src/…/cui.rs.html#94-102`), which its
//   script selects;
// - Leptos' #[component] writes each prop's type in the props' docs as a
//   Markdown link to the type's own text (`[impl Into<Signal<T>>](Signal<T>)`),
//   which rustdoc passes through as a relative address that leads nowhere.
//   Counted and reported; a fix belongs in Leptos' macro, not here.
const lineRange = (target, fragment) => /^\d+(-\d+)?$/.test(fragment) && target.includes(`${sep}src${sep}`);
const leptosPropType = (page, link) =>
  /^api\/.*\/(fn\.[A-Z]\w*|struct\.\w+Props)\.html$/.test(relative(site, page).split(sep).join("/")) && /^[A-Za-z_][\w:]*(%3C.*%3E)?$/.test(link);
let leptosPropLinks = 0;

// A page that only redirects (rustdoc writes one at a re-exported item's
// own path): where a browser ends up, which must exist, with the id.
const redirects = new Map();
const redirectOf = (file) => {
  if (!redirects.has(file)) {
    const m = /<meta\s+http-equiv=["']?refresh["']?\s+content=["']?\d+;\s*URL=([^"'>]+)/i.exec(readFileSync(file, "utf8").slice(0, 2048));
    redirects.set(file, m ? resolve(dirname(file), decodeURIComponent(m[1])) : null);
  }
  return redirects.get(file);
};
const landing = (file) => {
  for (let hops = 0; hops < 5 && file.endsWith(".html"); hops++) {
    const next = redirectOf(file);
    if (!next) return file;
    file = existsSync(next) && statSync(next).isDirectory() ? join(next, "index.html") : next;
    if (!existsSync(file)) return file;
  }
  return file;
};

const broken = [];
let checked = 0;
for (const page of html) {
  const text = readFileSync(page, "utf8")
    // Code samples show markup; their links are not the page's.
    .replace(/<code[\s\S]*?<\/code>/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, "");
  for (const m of text.matchAll(/\b(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
    const link = (m[1] ?? m[2] ?? m[3]).replaceAll("&amp;", "&");
    if (link === "" || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("//")) continue;
    checked++;
    const [pathPart, fragment] = link.split("#", 2);
    const path = decodeURIComponent(pathPart.split("?")[0]);
    let target = path === "" ? page : path.startsWith("/") ? join(site, path) : resolve(dirname(page), path);
    if (!target.startsWith(site + sep) && target !== site) {
      broken.push(`${relative(site, page)}: ${link} leaves the site`);
      continue;
    }
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, "index.html");
    if (!existsSync(target) && leptosPropType(page, link)) {
      leptosPropLinks++;
      continue;
    }
    if (existsSync(target)) target = landing(target);
    if (!existsSync(target)) {
      broken.push(`${relative(site, page)}: ${link} (no ${relative(site, target)})`);
      continue;
    }
    const known = fragment && idsOf(target);
    if (fragment && target.endsWith(".html") && !known.has(fragment) && !known.has(decodeURIComponent(fragment)) && !lineRange(target, fragment)) {
      broken.push(`${relative(site, page)}: ${link} (no id "${fragment}" in ${relative(site, target)})`);
    }
  }
}

if (broken.length) {
  console.error(`check-links: ${broken.length} broken internal link(s) of ${checked} in ${html.length} pages:`);
  for (const b of broken.slice(0, 50)) console.error(`  ${b}`);
  if (broken.length > 50) console.error(`  … and ${broken.length - 50} more`);
  process.exit(1);
}
console.log(
  `check-links: ${checked} internal links in ${html.length} pages, none broken (${site})` +
    (leptosPropLinks ? `; ${leptosPropLinks} links Leptos' #[component] writes to a prop type's text, not followed` : ""),
);
