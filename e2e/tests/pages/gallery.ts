import { type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";
import { galleryUrl } from "../gallery-origin";

/**
 * The component gallery and its per-component and per-example pages, on
 * the gallery's own origin: `open("/gallery/button")`.
 */
export class GalleryPage extends AppShell {
  readonly componentNav: Locator;

  constructor(page: Page) {
    super(page);
    this.componentNav = page.getByRole("navigation", { name: "Components" });
  }

  override async open(path: string) {
    return super.open(galleryUrl(path));
  }

  /** The component pages linked from the gallery, as paths. */
  async componentPaths(): Promise<string[]> {
    await this.open("/gallery");
    const links = this.main.getByRole("heading", { level: 2 }).getByRole("link");
    return (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)));
  }

  /** Every example's standalone page linked from a component page, hidden ones included. */
  async examplePaths(componentPath: string): Promise<string[]> {
    await this.open(componentPath);
    const hrefs = await this.main
      .getByRole("link", { name: /on its own page$/ })
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    return [...new Set(hrefs)];
  }
}
