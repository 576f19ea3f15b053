import { test, expect } from "./fixtures";
import { type Page } from "@playwright/test";
import { openTool, signInThroughApp } from "./pages/session";

// Two stylesheets (scripts/build-css.mjs): the first page's, and the rest of
// nhsuk-frontend's rules, which arrive with the first code on demand. The
// first screens must not need the second: every rule in it is checked
// against every element of each first screen.

const LATER = "link#bedside-later-css";

/** The selectors of the later stylesheet that match something on the page. */
async function laterRulesInUse(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const href = document.querySelector("meta[name=bedside-later-css]")?.getAttribute("content");
    if (!href) throw new Error("index.html names no later stylesheet");
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch(href)).text());
    const selectors: string[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        // A rule that only declares custom properties (the clinical tokens
        // on :root) changes nothing until a rule reads them, and the first
        // stylesheet's rules read none of the later one's.
        const onlyCustomProperties = (r: CSSStyleRule) =>
          Array.from(r.style).every((property) => property.startsWith("--"));
        if (rule instanceof CSSStyleRule && !onlyCustomProperties(rule)) selectors.push(...rule.selectorText.split(","));
        else if ("cssRules" in rule) walk((rule as CSSGroupingRule).cssRules);
      }
    };
    walk(sheet.cssRules);
    if (selectors.length < 10) throw new Error(`the later stylesheet has only ${selectors.length} selectors`);
    // Pseudo-elements, and states a user puts an element in (hover,
    // focus), are set aside: the rule applies to the element if it matches
    // the rest. Structural pseudo-classes (:has, :first-child) are kept, so a
    // rule such as "p:has(+ .nhsuk-fieldset)" counts only beside a fieldset.
    const transient = /::[a-z-]+(\([^)]*\))?|:(hover|focus|focus-visible|focus-within|active|visited|link|target)\b/g;
    const matches = (selector: string) => {
      try {
        return selector !== "" && document.querySelector(selector) !== null;
      } catch {
        return null;
      }
    };
    return selectors.filter((s) => {
      const bare = s.replace(transient, "").trim();
      // A selector the browser cannot evaluate (vendor pseudo-classes) is
      // judged with every pseudo-class set aside.
      return matches(bare) ?? matches(s.replace(/::?[a-z-]+(\([^)]*\))?/g, "").trim()) ?? false;
    });
  });
}

test.describe("styles", () => {
  test("the first screens need only the first stylesheet, which is all they fetch", async ({ page }) => {
    const fetched: string[] = [];
    // As stylesheets (the check below fetches the later one's text itself).
    page.on("request", (r) => {
      if (r.resourceType() === "stylesheet") fetched.push(new URL(r.url()).pathname);
    });
    const screens: [string, () => Promise<void>][] = [
      ["the sign-in page", async () => {
        await page.goto("/");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
      }],
      ["page not found", async () => {
        await page.goto("/no-such-page");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      }],
      ["a failed sign-in", async () => {
        await page.goto("/auth/callback/sandbox?code=c&state=s");
        await expect(page.getByRole("alert")).toContainText("There is a problem signing in");
      }],
    ];
    for (const [name, open] of screens) {
      await open();
      expect(await laterRulesInUse(page), `${name} uses rules of the later stylesheet`).toEqual([]);
    }
    expect(fetched.length, "the first stylesheet was fetched").toBeGreaterThan(0);
    expect(fetched.filter((p) => p.includes("bedside-later")), "the later stylesheet is not fetched by the first screens").toEqual([]);

    // Signed in: the launcher is a first screen too (its code comes on
    // demand, and the later stylesheet is fetched now, ahead of the tools,
    // but the launcher neither needs nor waits for it).
    await page.goto("/");
    await signInThroughApp(page, "nurse");
    await expect(page.getByTestId("launcher")).toBeVisible();
    // Other vendors' apps are code on demand, shown once the later
    // stylesheet is here too: set aside, the launcher's own content is checked.
    await expect(page.getByTestId("other-apps")).toBeVisible();
    await page.evaluate(() => document.querySelectorAll("[data-on-demand]").forEach((part) => part.remove()));
    expect(await laterRulesInUse(page), "the launcher uses rules of the later stylesheet").toEqual([]);
  });

  test("a tool's styles arrive with its code", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    await openTool(page, "Find a patient");
    // The later stylesheet is in the page and applies: the search field is
    // nhsuk-frontend's input (its 2px border), not the browser's.
    await expect(page.locator(LATER)).toHaveCount(1);
    const field = page.getByLabel("Name or NHS number");
    await expect(field).toHaveCSS("border-top-width", "2px");
    expect((await laterRulesInUse(page)).length, "the tool uses the later stylesheet").toBeGreaterThan(0);
  });
});
