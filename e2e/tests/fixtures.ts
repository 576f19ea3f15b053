import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** nhsuk-frontend's whole stylesheet, as its package ships it. */
const NHSUK_CSS = readFileSync(
  fileURLToPath(new URL("../../node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css", import.meta.url)),
  "utf8",
);

/**
 * Fails when an element inside `selector` has an nhsuk-frontend class that
 * nhsuk-frontend styles but none of the page's stylesheets does: its Sass
 * was not compiled, or the build dropped the rule because no source names
 * the class whole (build-css.mjs). nhsuk-frontend "styles" a class on this
 * page when one of its selectors naming the class matches something here
 * (states such as `:hover` set aside): a non-urgent care card's class is
 * styled only beside card actions, which the page may not have.
 */
export async function expectStyled(page: Page, selector: string) {
  const unstyled = await page.evaluate(
    ([within, nhsukCss]) => {
      // The classes in each sheet's rules, as this browser reads them (it
      // drops rules it cannot use, such as another browser's
      // pseudo-elements, from both sheets alike).
      // Whether `selector`, without its states and pseudo-elements,
      // matches an element of this page.
      const matchesHere = (selector: string) => {
        const bare = selector.replace(/::?[\w-]+(\((?:[^()]|\([^()]*\))*\))?/g, "").trim();
        try {
          return bare === "" || document.querySelector(bare) !== null;
        } catch {
          return true;
        }
      };
      const classesIn = (sheets: CSSStyleSheet[], here: boolean) => {
        const found = new Set<string>();
        const walk = (rules: CSSRuleList) => {
          for (const rule of Array.from(rules)) {
            if (rule instanceof CSSStyleRule) {
              for (const selector of rule.selectorText.split(/,(?![^(]*\))/)) {
                if (here && !matchesHere(selector)) continue;
                for (const m of selector.matchAll(/\.(nhsuk-[\w-]+)/g)) found.add(m[1]);
              }
            } else if ("cssRules" in rule) walk((rule as CSSGroupingRule).cssRules);
          }
        };
        for (const sheet of sheets) walk(sheet.cssRules);
        return found;
      };
      const full = new CSSStyleSheet();
      full.replaceSync(nhsukCss);
      const nhsukStyles = classesIn([full], true);
      const pageStyles = classesIn(Array.from(document.styleSheets), false);
      const used = new Set<string>();
      for (const el of Array.from(document.querySelectorAll(`${within}, ${within} *`))) {
        for (const c of Array.from(el.classList)) if (c.startsWith("nhsuk-")) used.add(c);
      }
      // The body's switch for what nhsuk-frontend's script enhances
      // (index.html sets it; Bedside does that work in Rust): it styles
      // nothing itself, only the enhanced components below it.
      used.delete("nhsuk-frontend-supported");
      return [...used].filter((c) => nhsukStyles.has(c) && !pageStyles.has(c));
    },
    [selector, NHSUK_CSS] as const,
  );
  expect(unstyled, `classes nhsuk-frontend styles but this page does not, on ${page.url()}`).toEqual([]);
}

/** The narrowest screen Bedside supports (WCAG 2.2's reflow: 320 CSS px). */
export const NARROWEST = 320;

/**
 * Fails when the page scrolls sideways at 320 px wide (WCAG 1.4.10 Reflow),
 * naming the widest elements that stick out. Leaves the viewport as it was.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: NARROWEST, height: before?.height ?? 800 });
  try {
    // Two frames: what lays itself out again on a resize (the header's
    // navigation, as nhsuk-frontend's script does it) has then done so.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const sticking = Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${Array.from(el.classList).join(".")}`)
        .slice(0, 5);
      return { scroll: doc.scrollWidth, width: doc.clientWidth, sticking };
    });
    expect(overflow.scroll, `${page.url()} scrolls sideways at ${NARROWEST} px: ${overflow.sticking.join(", ")}`).toBeLessThanOrEqual(overflow.width);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Fails with axe's own explanation of each violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe found WCAG violations on ${page.url()}`).toEqual([]);
  // An empty page passes axe trivially: make sure something was checked.
  expect(results.passes.length, "axe checked nothing").toBeGreaterThan(5);
}

/**
 * Collects what the pages of `context` report as going wrong: console
 * errors, uncaught exceptions and Content-Security-Policy violations, from
 * every page the context opens (second tabs, sign-in pop-ups), not only the
 * first. The caller asserts the list is empty when it is done.
 */
export async function watchForProblems(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  const watch = (page: Page) => {
    const where = () => {
      const url = page.url();
      return url.startsWith("http") ? ` (${new URL(url).pathname})` : "";
    };
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error${where()}: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`uncaught${where()}: ${err.message}`));
    // The console's "Failed to load resource" does not say which: this does.
    page.on("response", (r) => {
      if (r.status() >= 400) console.log(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return problems;
}

/**
 * Takes the problems a test provoked on purpose (matching `expected`) out of
 * `pageProblems`, so the fixture's check sees only the rest; returns how
 * many were taken, for the test to assert.
 */
export function takeExpectedProblems(pageProblems: string[], expected: RegExp): number {
  const rest = pageProblems.filter((p) => !expected.test(p));
  const taken = pageProblems.length - rest.length;
  pageProblems.splice(0, pageProblems.length, ...rest);
  return taken;
}

/**
 * Every test fails on a console error, an uncaught exception or a
 * Content-Security-Policy violation in any page of its browser context, even
 * if its own assertions pass. A test that means to provoke one removes the
 * expected entries from `pageProblems`.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ context }, use) => {
      const problems = await watchForProblems(context);
      await use(problems);
      expect(problems, "problems reported by the pages").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
