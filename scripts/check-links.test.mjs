// Unit tests of the docs site's link check (check-links.mjs), on a small
// site written here: it must fail on a missing page, a missing id and a
// link out of the site, pass on good ones, and serve a single-page app's
// addresses from the registry. Run by `make test` (node --test).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./check-links.mjs", import.meta.url));
const check = (site, ...args) => spawnSync(process.execPath, [script, site, ...args], { encoding: "utf8" });

function site(pages) {
  const dir = mkdtempSync(join(tmpdir(), "bedside-links-"));
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

test("good links pass: pages, folders, ids, quoted or not, and links out of the site are not followed", () => {
  const dir = site({
    "index.html": `<a href="guide/">g</a><a href=guide/page.html#part>p</a><a href="https://example.org/x">out</a><a href="#top">t</a><p id=top></p>`,
    "guide/index.html": `<a href="../index.html">home</a><img src="/img/a.svg">`,
    "guide/page.html": `<h2 id="part">Part</h2>`,
    "img/a.svg": "<svg/>",
  });
  try {
    const run = check(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /5 internal links in 3 pages, none broken/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a page that redirects is followed: its id is looked for where the browser lands, and a redirect to nowhere fails", () => {
  const dir = site({
    "index.html": `<a href="old/item.html#method.run">ok</a><a href="old/item.html#method.gone">bad</a><a href="old/lost.html">lost</a>`,
    "old/item.html": `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;URL=../new/item.html"><title>Redirection</title></head></html>`,
    "old/lost.html": `<meta http-equiv="refresh" content="0;URL=../nowhere.html">`,
    "new/item.html": `<section id="method.run"></section>`,
  });
  try {
    const run = check(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /2 broken internal link\(s\)/);
    assert.match(run.stderr, /old\/item\.html#method\.gone \(no id "method\.gone" in new\/item\.html\)/);
    assert.match(run.stderr, /old\/lost\.html \(no nowhere\.html\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a missing page, a missing id and a link that leaves the site each fail, named with their page", () => {
  const dir = site({
    "index.html": `<a href="missing.html">m</a><a href="other.html#nope">n</a><a href="../../etc/passwd">x</a>`,
    "other.html": `<p id="yes"></p>`,
  });
  try {
    const run = check(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /3 broken internal link\(s\)/);
    assert.match(run.stderr, /index\.html: missing\.html \(no missing\.html\)/);
    assert.match(run.stderr, /index\.html: other\.html#nope \(no id "nope" in other\.html\)/);
    assert.match(run.stderr, /index\.html: \.\.\/\.\.\/etc\/passwd leaves the site/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a single-page app's component and example addresses get pages of their own, and an unknown one fails", () => {
  const dir = site({
    "index.html": `<a href="/gallery/button/secondary">ok</a><a href="/gallery/nope">bad</a>`,
    "gallery/index.html": "<p>app</p>",
    "registry.json": JSON.stringify({ components: [{ slug: "button", examples: [{ name: "secondary" }] }] }),
  });
  try {
    const run = check(dir, "--spa", "gallery", "--registry", join(dir, "registry.json"));
    assert.equal(run.status, 1);
    assert.ok(existsSync(join(dir, "gallery/button/secondary/index.html")));
    assert.match(run.stderr, /1 broken internal link/);
    assert.match(run.stderr, /\/gallery\/nope/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
