import { test, expect, expectAccessible } from "./fixtures";
import { AppShell } from "./pages/app-shell";

test.describe("page not found", () => {
  for (const path of ["/no-such-page", "/gallery/no-such-component", "/gallery/button/no-such-example"]) {
    test(`${path} explains itself, links home and passes axe`, async ({ page }) => {
      const shell = new AppShell(page);
      await shell.open(path);

      await expect(shell.heading).toHaveText("Page not found");
      await expect(page).toHaveTitle("Page not found – Bedside");
      await expect(shell.main.getByRole("link", { name: "go to the Bedside start page" })).toHaveAttribute("href", "/");
      await expectAccessible(page);
    });
  }

  test("a missing asset is a real 404, not the app", async ({ request }) => {
    const response = await request.get("/missing-file.js");
    expect(response.status()).toBe(404);
  });
});
