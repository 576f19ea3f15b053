import { test, expect, expectAccessible } from "./fixtures";
import { GalleryPage } from "./pages/gallery";
import { GALLERY_ORIGIN } from "./gallery-origin";

// The gallery's workbench (bedside::docs::Workbench): a designer changes an
// example's props in place, sees it drawn again, shares the address, and
// takes its HTML (for the NHS prototype kit) or its Rust call.

test.describe("gallery workbench", () => {
  test("changing a prop draws the example again, the address keeps it and a reload restores it", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: GALLERY_ORIGIN });
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery/button");
    const secondary = gallery.main.getByRole("region", { name: "Secondary", exact: true });
    const preview = secondary.locator("[data-example=secondary]");
    await expect(preview.getByRole("button")).toHaveText("Find my location");

    await secondary.getByText("Change its props").click();
    await secondary.getByLabel("Variant").selectOption("Warning");
    await secondary.getByLabel("Text", { exact: true }).fill("Stop this medicine");
    await secondary.getByRole("group", { name: "Small" }).getByLabel("Yes").check();
    const button = preview.getByRole("button", { name: "Stop this medicine" });
    await expect(button).toHaveClass("nhsuk-button nhsuk-button--warning nhsuk-button--small");
    await expect(page).toHaveURL(/\/gallery\/button\?example=secondary&variant=Warning&small=true&children=Stop%20this%20medicine$/);

    // The markup, as the NHS prototype kit takes it, and the Rust call.
    await secondary.getByText("HTML, for the NHS prototype kit").click();
    const html = secondary.getByTestId("example-html");
    await expect(html).toHaveText(
      '<button class="nhsuk-button nhsuk-button--warning nhsuk-button--small" type="submit" data-module="nhsuk-button">Stop this medicine</button>',
    );
    await secondary.getByRole("button", { name: "Copy the HTML" }).click();
    await expect(secondary.getByRole("status")).toHaveText("The HTML is copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await html.innerText());
    await secondary.getByText("Rust", { exact: true }).click();
    await expect(secondary.getByTestId("example-rust")).toHaveText(
      'view! { <Button variant=ButtonVariant::Warning small=true>"Stop this medicine"</Button> }',
    );
    // The other examples are as they were.
    await expect(gallery.main.locator("[data-example=default]").getByRole("button")).toHaveText("Save and continue");
    await expectAccessible(page);

    await page.reload();
    const restored = gallery.main.getByRole("region", { name: "Secondary", exact: true });
    await expect(restored.locator("[data-example=secondary]").getByRole("button")).toHaveText("Stop this medicine");
    await expect(restored.locator("[data-example=secondary]").getByRole("button")).toHaveClass(/nhsuk-button--warning/);
    await expect(restored.getByLabel("Text", { exact: true })).toHaveValue("Stop this medicine");
    await expect(restored.getByLabel("Variant")).toHaveValue("Warning");
    await expectAccessible(page);

    // Back to the example's own values: the address is plain again.
    await restored.getByLabel("Variant").selectOption("Secondary");
    await restored.getByRole("group", { name: "Small" }).getByLabel("No").check();
    await restored.getByLabel("Text", { exact: true }).fill("Find my location");
    await expect(page).toHaveURL(/\/gallery\/button$/);
  });

  test("a record as JSON: the patient banner drawn from an edited Patient, and JSON that is not says so", async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery/patient-banner");
    const listed = gallery.main.getByRole("region", { name: "Allergies listed", exact: true });
    await expect(listed.locator("[data-example=default]")).toContainText("OKAFOR, Adaeze Grace (Mrs)");
    await listed.getByText("Change its props").click();
    const patient = listed.getByLabel("Patient (a FHIR R4 Patient, JSON)");
    const json = JSON.parse(await patient.inputValue());
    json.name[0].family = "Seacole";
    json.birthDate = "1940-11-23";
    await patient.fill(JSON.stringify(json, null, 2));
    await listed.getByLabel(/^Allergies/).fill('"NoKnownAllergies"');
    const banner = listed.locator("[data-example=default]");
    await expect(banner).toContainText("SEACOLE, Adaeze Grace (Mrs)");
    await expect(banner).toContainText("23-Nov-1940");
    await expect(banner).toContainText("No known allergies");
    await expect(page).toHaveURL(/example=default&patient=.*Seacole.*&allergies=%22NoKnownAllergies%22/);
    await expectAccessible(page);

    await patient.fill('{ "resourceType": "Patient", ');
    await expect(listed.getByText(/This is not JSON/)).toBeVisible();
    await expect(banner).toContainText("These props cannot be drawn");
    // Mended, it draws again.
    await patient.fill(JSON.stringify(json));
    await expect(banner).toContainText("SEACOLE, Adaeze Grace (Mrs)");
  });

  test("NEWS2 from readings: the ward's own scoring draws the badge for any set a designer types", async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.open("/gallery/news2-score");
    const medium = gallery.main.getByRole("region", { name: "Medium risk", exact: true });
    const badge = medium.locator("[data-example=medium]");
    await expect(badge).toContainText("NEWS2 5, medium risk");
    await medium.getByText("Change its props").click();
    // Pulse 135 scores 3 (RCP NEWS2 2017, Chart 1): 2 + 3 + 1.
    await medium.getByLabel("Pulse, beats/minute").fill("135");
    await expect(badge).toContainText("NEWS2 6, medium risk");
    await medium.getByLabel("Consciousness").selectOption("NewConfusion");
    await expect(badge).toContainText("NEWS2 9, high risk");
    await medium.getByText("Rust", { exact: true }).click();
    await expect(medium.getByTestId("example-rust")).toContainText("pulse: 135");
    await expect(medium.getByTestId("example-rust")).toContainText("consciousness: Acvpu::NewConfusion");
    await expectAccessible(page);
    await medium.getByLabel("Pulse, beats/minute").fill("fast");
    await expect(badge).toContainText('These props cannot be drawn: pulse must be a number, not "fast"');
  });
});
