// Managing a deployment from its detail page: rename in place, delete after
// typing its name, and duplicate into the create page.
import { test, expect } from "./fixtures.mjs";
import { addDeployment } from "./helpers/fake.mjs";
import {
  expectBodyless, expectJsonBody, expectNoRequests, sentSoFar, waitForRequest, WRITES,
} from "./helpers/request-log.mjs";
import { openDetail, badge, button, alertArea, liveMode, askFor } from "./helpers/detail-page.mjs";

const heading = (page) => page.getByRole("heading", { level: 1 });
const nameInput = (page) => page.getByLabel("Name", { exact: true });

test.describe("Rename", () => {
  test("the heading turns into a Name field; Save sends PATCH update-name and shows the new name", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { name: "old-name-e2e", status: "RUNNING" });
    await openDetail(page, fake, dep);
    await button(page, "Rename").click();
    await expect(nameInput(page)).toBeFocused();
    await expect(nameInput(page)).toHaveValue("old-name-e2e");
    await expect(button(page, "Save name")).toBeVisible();
    await expect(button(page, "Cancel")).toBeVisible();

    await nameInput(page).fill("  new-name-e2e  ");
    await button(page, "Save name").click();
    await expect(heading(page)).toHaveText("new-name-e2e");
    await expect(heading(page)).toBeVisible();
    await expect(nameInput(page)).toHaveCount(0);
    await expect(button(page, "Rename")).toBeFocused();

    const request = await waitForRequest(fake, { method: "PATCH", path: `/deployments/${dep.id}/update-name` });
    expectJsonBody(request, { name: "new-name-e2e" });
    expect(request.status).toBe(200);
    expect((await fake.deployments()).find((d) => d.id === dep.id).name).toBe("new-name-e2e");
    // Shown from the answer, not by reading the deployment again.
    expect(await sentSoFar(fake, page, { method: "GET", path: `/deployments/${dep.id}` })).toHaveLength(1);
  });

  test("Enter saves and Esc cancels", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { name: "keys-e2e" });
    await openDetail(page, fake, dep);

    await button(page, "Rename").click();
    await nameInput(page).fill("never-sent");
    await page.keyboard.press("Escape");
    await expect(heading(page)).toHaveText("keys-e2e");
    await expect(button(page, "Rename")).toBeFocused();
    await expectNoRequests(fake, page, { method: "PATCH", path: `/deployments/${dep.id}/update-name` });

    await page.keyboard.press("Enter");
    await expect(nameInput(page)).toBeFocused();
    await expect(nameInput(page)).toHaveValue("keys-e2e");
    await page.keyboard.type("-renamed");
    await page.keyboard.press("Enter");
    await expect(heading(page)).toHaveText("keys-e2e-renamed");
    const request = await waitForRequest(fake, { method: "PATCH", path: `/deployments/${dep.id}/update-name` });
    expect(JSON.parse(request.body)).toEqual({ name: "keys-e2e-renamed" });
  });

  test("a blank or too long name is refused before anything is sent", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { name: "blank-e2e" });
    await openDetail(page, fake, dep);
    await button(page, "Rename").click();
    await nameInput(page).fill("   ");
    await button(page, "Save name").click();
    await expect(page.getByRole("alert").filter({ hasText: "Enter a name" })).toBeVisible();
    await expect(nameInput(page)).toHaveAttribute("aria-invalid", "true");
    await expect(nameInput(page)).toHaveAccessibleDescription("Enter a name");
    await nameInput(page).fill("x".repeat(300));
    await button(page, "Save name").click();
    await expect(page.getByRole("alert").filter({ hasText: "A name has at most" })).toBeVisible();
    await expectNoRequests(fake, page, { method: "PATCH", path: `/deployments/${dep.id}/update-name` });
    await button(page, "Cancel").click();
    await expect(heading(page)).toHaveText("blank-e2e");
  });

  test("an API without update-name says so and keeps the typed name", async ({ page, fake }) => {
    page.allowConsoleErrors(); // the browser logs the 404
    await fake.config({ update_name: false });
    const dep = await addDeployment(fake, { name: "no-rename-e2e" });
    await openDetail(page, fake, dep);
    await button(page, "Rename").click();
    await nameInput(page).fill("typed-name-e2e");
    await button(page, "Save name").click();
    await expect(page.getByRole("alert").filter({ hasText: "Renaming is not available on this API." })).toBeVisible();
    await expect(nameInput(page)).toHaveValue("typed-name-e2e");
    await expect(button(page, "Save name")).toBeEnabled();
    const request = await waitForRequest(fake, { method: "PATCH", path: `/deployments/${dep.id}/update-name` });
    expect(request.status).toBe(404);
    expect((await fake.deployments()).find((d) => d.id === dep.id).name).toBe("no-rename-e2e");
  });
});

test.describe("Delete", () => {
  test("the dialog asks for the exact name, then DELETE is sent and the list says so", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { name: "delete-me-e2e", status: "STOPPED" });
    await openDetail(page, fake, dep);
    const dialog = await askFor(page, "Delete", dep);
    expect(await dialog.evaluate((el) => el.tagName === "DIALOG" && el.matches(":modal"))).toBe(true);
    const typed = dialog.getByLabel("Type the deployment's name to confirm");
    const confirm = dialog.getByRole("button", { name: "Delete deployment" });
    await expect(typed).toBeFocused();
    await expect(confirm).toBeDisabled();
    for (const wrong of ["delete-me", "delete-me-e2e ", "DELETE-ME-E2E"]) {
      await typed.fill(wrong);
      await expect(confirm).toBeDisabled();
      await typed.press("Enter");
      await expect(dialog).toBeVisible();
    }
    await typed.fill("delete-me-e2e");
    await expect(confirm).toBeEnabled();
    await expectNoRequests(fake, page, { method: "DELETE", path: `/deployments/${dep.id}` });

    await confirm.click();
    await expect(page).toHaveURL(/\/deployments$/);
    await expect(page.getByRole("status").filter({ hasText: "Deleted delete-me-e2e" })).toBeVisible();
    const request = await waitForRequest(fake, { method: "DELETE", path: `/deployments/${dep.id}` });
    expectBodyless(request);
    expect(request.status).toBe(204);
    expect((await fake.deployments()).some((d) => d.id === dep.id)).toBe(false);
    await expect(page.locator("table.deployments tbody tr").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "delete-me-e2e" })).toHaveCount(0);

    // The notice is shown once.
    await page.getByRole("link", { name: "New deployment" }).click();
    await page.getByRole("link", { name: "Back to deployments" }).click();
    await expect(page.locator("table.deployments tbody tr").first()).toBeVisible();
    await expect(page.getByText("Deleted delete-me-e2e")).toHaveCount(0);
  });

  test("Cancel, Esc and a retyped name leave it alone; Enter on the exact name deletes", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { name: "keep-me-e2e", status: "STOPPED" });
    await openDetail(page, fake, dep);
    const del = button(page, "Delete");
    const dialog = page.getByRole("dialog");
    await del.click();
    await dialog.getByLabel("Type the deployment's name to confirm").fill("keep-me-e2e");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(del).toBeFocused();

    // Opened again, the field starts empty.
    await del.press("Enter");
    await expect(dialog.getByLabel("Type the deployment's name to confirm")).toHaveValue("");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(del).toBeFocused();
    await expectNoRequests(fake, page, { method: "DELETE", path: `/deployments/${dep.id}` });

    await del.press("Enter");
    await page.keyboard.type("keep-me-e2e");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/deployments$/);
    await expect(page.getByRole("status").filter({ hasText: "Deleted keep-me-e2e" })).toBeVisible();
    await waitForRequest(fake, { method: "DELETE", path: `/deployments/${dep.id}` });
  });

  test("Delete is disabled, with the reason, unless the deployment is STOPPED", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { status: "RUNNING" });
    await openDetail(page, fake, dep);
    await expect(liveMode(page)).toHaveText("Live");
    const del = button(page, "Delete");
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription("Delete needs a STOPPED deployment (this one is RUNNING)");
    await expect(page.getByText("Delete needs a STOPPED deployment (this one is RUNNING)", { exact: true })).toBeVisible();

    // It becomes possible as soon as the stream says STOPPED, and impossible once ARCHIVED.
    await fake.patchDeployment(dep.id, { status: "STOPPED" });
    await expect(badge(page)).toHaveAttribute("data-status", "STOPPED");
    await expect(del).toBeEnabled();
    await expect(del).not.toHaveAttribute("aria-describedby");
    await fake.patchDeployment(dep.id, { status: "ARCHIVED" });
    await expect(badge(page)).toHaveAttribute("data-status", "ARCHIVED");
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription("An archived deployment cannot be changed");
    await expectNoRequests(fake, page, { method: "DELETE", path: `/deployments/${dep.id}` });
  });

  test("a refused delete shows the server's words and stays on the page", async ({ page, fake }) => {
    page.allowConsoleErrors();
    const dep = await addDeployment(fake, { name: "refused-e2e", status: "STOPPED" });
    await openDetail(page, fake, dep);
    await expect(liveMode(page)).toHaveText("Live");
    await fake.faults({
      fail_next: { count: 1, status: 500, body: '{"error":"Deployment is in the incorrect state."}' },
      path_contains: `/deployments/${dep.id}`,
    });
    await button(page, "Delete").click();
    await page.getByLabel("Type the deployment's name to confirm").fill("refused-e2e");
    await page.getByRole("button", { name: "Delete deployment" }).click();
    await expect(alertArea(page)).toHaveText("Deployment is in the incorrect state. (HTTP 500)");
    await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
    await expect(heading(page)).toHaveText("refused-e2e");
    const request = await waitForRequest(fake, { method: "DELETE", path: `/deployments/${dep.id}` });
    expect(request.status).toBe(500);
    expect((await fake.deployments()).some((d) => d.id === dep.id)).toBe(true);
  });
});

test("Duplicate opens the create page prefilled from this deployment", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { name: "dup-source-e2e", status: "RUNNING", replicas: 2, timeout: 90 });
  await openDetail(page, fake, dep);
  const duplicate = page.getByRole("link", { name: "Duplicate" });
  await expect(duplicate).toHaveAttribute("href", `/deployments/new?from=${dep.id}`);
  await duplicate.click();
  await expect(page).toHaveURL(new RegExp(`/deployments/new\\?from=${dep.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Duplicate deployment" })).toBeVisible();
  await expect(nameInput(page)).toHaveValue("dup-source-e2e (copy)");
  await expect(page.getByLabel("Replicas")).toHaveValue("2");
  await expect(page.getByLabel("Timeout (minutes)")).toHaveValue("90");
  await expect(page.getByLabel("Market address")).toHaveValue(dep.market);
  // Nothing was created or changed.
  await expectNoRequests(fake, page, WRITES);
});
