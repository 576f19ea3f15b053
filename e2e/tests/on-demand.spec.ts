import { test, expect, expectAccessible, takeExpectedProblems } from "./fixtures";
import { backFromSignOut, ORGANISATION, openTool, signInThroughApp, unlockAtSandbox } from "./pages/session";
import { ISSUER } from "./sandbox/smart";
import { registry } from "./registry";

// The launcher, each clinical tool and the patient details are split points:
// their code is fetched when first opened or about to be (once the page
// before has painted, or on pointing at a tool's link), never with the first
// page. These journeys watch the network to prove it, and show what a
// clinician sees while a tool's code is on its way, or when it cannot come.

/** The wasm files a page fetched, by split point name (`main` for the app itself). */
function wasmRequests(page: import("@playwright/test").Page) {
  const seen: string[] = [];
  page.on("request", (r) => {
    const file = new URL(r.url()).pathname.slice(1);
    if (!file.endsWith(".wasm")) return;
    seen.push(file.endsWith("_bg.wasm") ? "main" : file.replace(/-[0-9a-f]{16}\.wasm$/, ""));
  });
  return seen;
}

test.describe("code that arrives on demand", () => {
  test("signing in fetches no tool; each tool's code comes when it is opened", async ({ page }) => {
    const { tools } = registry();
    const fetched = wasmRequests(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Bedside");
    expect(fetched[0], "the sign-in page's own code is the app alone").toBe("main");
    // Then, while the user reads it, the sign-in code and the launcher's
    // own file (the page the sign-in service returns to then finds it in the
    // cache), and no tool.
    await expect.poll(() => fetched.filter((f) => f.startsWith("split_")).sort()).toEqual(["split_sign_in", "split_workspace"]);

    await signInThroughApp(page, "nurse");
    // The launcher offers exactly the registered tools, in order.
    await expect(page.getByTestId("launcher").getByRole("link")).toHaveText(tools.map((t) => t.name));
    // The sign-in code and the launcher (the workspace, which holds the tool
    // registry) came before the click (and again, from the cache, with the
    // callback page); once signed in, the idle lock's screens; the list of
    // other vendors' apps the launcher shows; and while the launcher is
    // read, the patient details, whose shared files are the ones every tool
    // needs.
    await expect
      .poll(() => [...new Set(fetched.filter((f) => f.startsWith("split_")))].sort())
      .toEqual(["split_apps", "split_idle_lock", "split_patient_context", "split_sign_in", "split_workspace"]);

    // A tool may be two split points fetched together, each file within
    // its budget: its page and its form or table come with one click.
    const companions: Record<string, string> = { observations: "split_observations_form", "ward-list": "split_ward_list_table" };
    for (const tool of tools) {
      const files = [`split_${tool.slug.replaceAll("-", "_")}`, ...(companions[tool.slug] ? [companions[tool.slug]] : [])];
      for (const file of files) expect(fetched, `${tool.name} before it is opened`).not.toContain(file);
      await openTool(page, tool.name);
      expect(new URL(page.url()).pathname).toBe(`/${tool.slug}`);
      for (const file of files) expect(fetched).toContain(file);
      await page.goBack();
    }
  });

  test("on a slow network a tool not yet loaded shows a loading state, then the tool", async ({ page }) => {
    await signInThroughApp(page, "nurse");
    // A poor ward connection: 400 ms round trips, about 16 KB/s.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: 16 * 1024,
      uploadThroughput: 16 * 1024,
    });

    await page.getByTestId("launcher").getByRole("link", { name: "Find a patient" }).click();
    const loading = page.getByRole("status").filter({ hasText: "Loading Find a patient…" });
    await expect(loading).toBeVisible();
    await expect(page).toHaveTitle("Find a patient – Bedside");
    await expectAccessible(page);

    await expect(page.getByRole("heading", { level: 1, name: "Find a patient" })).toBeVisible({ timeout: 20_000 });
    await expect(loading).toHaveCount(0);
    await expect(page.getByLabel("Name or NHS number")).toBeEditable();
  });

  test("once signed in, locking, unlocking and signing out need no more code from the network", async ({ page }) => {
    const fetched = wasmRequests(page);
    await signInThroughApp(page, "nurse");
    await expect.poll(() => fetched).toContain("split_idle_lock");
    // And what the launcher fetches while it is read (the patient tools'
    // shared code), so that refusing wasm from now on tests the lock alone.
    await expect.poll(() => fetched).toContain("split_patient_context");
    // From now on no wasm can be fetched: the screen lock, the refresh and
    // the sign-in code for unlocking must already be here.
    let refused = 0;
    // Until the page leaves for the sign-on server's sign-out: the page it
    // comes back to is a fresh load, which fetches the first load as any does.
    let left = false;
    page.on("request", (r) => {
      if (r.url().startsWith(`${ISSUER}/session/end`)) left = true;
    });
    await page.route(/\.wasm$/, (route) => {
      if (left) return route.continue();
      refused += 1;
      return route.abort("internetdisconnected");
    });

    await page.getByRole("button", { name: "Lock screen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "This screen is locked" })).toBeFocused();
    await expect(page.getByTestId("launcher")).toBeHidden();
    await expect(page.getByTestId("on-demand-loading")).toHaveCount(0);
    await expectAccessible(page);

    // The pop-up is a page of its own, which loads the app as any page does.
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: /Sign in to unlock/ }).click();
    await unlockAtSandbox(await popupOpened, "nurse");
    await expect(page.getByRole("heading", { name: "This screen is locked" })).toBeHidden();
    await expect(page.getByTestId("launcher")).toBeVisible();

    // Signing out needs no code either: it leaves for the sign-on server's
    // end-session page at once. (It then comes back to a fresh page load,
    // which fetches the first load like any other.)
    const back = backFromSignOut(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await back;
    expect(refused, "no wasm was asked for after sign-in").toBe(0);
    await expect(page.getByRole("status")).toHaveText("You have signed out.", { timeout: 15_000 });
  });

  test("a tool whose code cannot be fetched says so, and Try again loads it", async ({ page, pageProblems }) => {
    await signInThroughApp(page, "nurse");
    let refused = 0;
    await page.route(/\/split_find_patient-[0-9a-f]{16}\.wasm$/, (route) => {
      refused += 1;
      return route.abort("internetdisconnected");
    });

    await page.getByTestId("launcher").getByRole("link", { name: "Find a patient" }).click();
    const problem = page.getByRole("alert");
    await expect(problem).toContainText("Could not load Find a patient");
    await expect(problem).toContainText("Check your connection");
    await expectAccessible(page);
    // Pointing at the link tried once ahead of the click, and the page once.
    expect(refused).toBe(2);

    // The connection is back: the same page, one click, the tool.
    await page.unroute(/\/split_find_patient-[0-9a-f]{16}\.wasm$/);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Find a patient" })).toBeVisible();
    await expect(problem).toHaveCount(0);

    // The refused fetch is reported by the browser and the loader; nothing else may be.
    const expected = /Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch/;
    expect(takeExpectedProblems(pageProblems, expected), "the refused fetch was reported").toBeGreaterThan(0);
  });

  test("when the loader of code on demand cannot be fetched, signing in says so, and the next try signs in", async ({ page, pageProblems }) => {
    // The loader (which names every split point's pieces) is fetched with
    // the first code on demand, not with the first page: refuse it.
    const loader = /\/__wasm_split-[0-9a-f]{16}\.js(\?.*)?$/;
    let refused = 0;
    await page.route(loader, (route) => {
      refused += 1;
      return route.abort("internetdisconnected");
    });
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in with ${ORGANISATION}` }).click();
    await expect(page.getByRole("alert")).toContainText("The part that signs you in could not be loaded");
    expect(refused).toBeGreaterThan(0);

    // The connection is back: starting again signs in.
    await page.unroute(loader);
    await page.getByRole("button", { name: "Start signing in again" }).click();
    await signInThroughApp(page, "nurse");
    await expect(page.getByTestId("launcher")).toBeVisible();

    const expected = /Failed to load resource: net::ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/;
    expect(takeExpectedProblems(pageProblems, expected), "the refused fetch was reported").toBeGreaterThan(0);
  });
});
