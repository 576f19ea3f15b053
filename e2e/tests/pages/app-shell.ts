import { expect, type Locator, type Page } from "@playwright/test";

/** The parts every page of the app shares. */
export class AppShell {
  readonly skipLink: Locator;
  readonly header: Locator;
  readonly homeLink: Locator;
  readonly main: Locator;
  readonly footer: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.skipLink = page.getByRole("link", { name: "Skip to main content" });
    // The app's own header comes first; gallery pages show more as examples.
    this.header = page.getByRole("banner").first();
    this.homeLink = this.header.getByRole("link", { name: "NHS Bedside homepage" });
    this.main = page.getByRole("main");
    this.footer = page.getByRole("contentinfo");
    // The page's own heading comes first; a gallery page may show examples
    // whose question is a page heading (an h1 label) after it.
    this.heading = this.main.getByRole("heading", { level: 1 }).first();
  }

  /** Opens `path` and waits until the wasm app has rendered its first heading. */
  async open(path: string) {
    const response = await this.page.goto(path);
    expect(response?.ok(), `GET ${path}`).toBeTruthy();
    // A page whose code comes on demand may need dozens of shared files
    // (the size report lists them), slower while the other worker's tests
    // load the machine.
    await expect(this.heading).toBeVisible({ timeout: 15_000 });
    return response!;
  }
}
