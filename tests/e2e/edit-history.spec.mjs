// The browser's Back and Forward cannot be held up by a prompt, so leaving the
// edit page through them keeps the unsaved text, and coming back puts it back.
import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition as addDeployment } from "./helpers/fake.mjs";
import { expectNoRequests, WRITES } from "./helpers/request-log.mjs";
import { openDetail } from "./helpers/detail-page.mjs";
import { wouldAskBeforeUnload } from "./helpers/edit-page.mjs";

const restoredNote = (page) => page.getByRole("status").filter({ hasText: "Your unsaved changes from before" });

test("Back with unsaved changes keeps them; Forward puts them back, still unsaved", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { replicas: 1, timeout: 120 });
  await openDetail(page, fake, dep);
  await page.getByRole("button", { name: "Edit", exact: true }).or(page.getByRole("link", { name: "Edit", exact: true })).click();
  const replicas = page.getByLabel("Replicas", { exact: true });
  const timeout = page.getByLabel("Timeout (minutes)", { exact: true });
  await expect(replicas).toHaveValue("1");
  await expect(restoredNote(page)).toHaveCount(0);
  await fake.clearRequests();

  await replicas.fill("4");
  await timeout.fill("300");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
  await expectNoRequests(fake, page, WRITES);

  await page.goForward();
  await expect(replicas).toHaveValue("4");
  await expect(timeout).toHaveValue("300");
  await expect(restoredNote(page)).toBeVisible();
  expect(await wouldAskBeforeUnload(page)).toBe(true);
  await expectNoRequests(fake, page, WRITES);
});

test("changes dropped through the leave prompt are not put back", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { replicas: 2 });
  await openDetail(page, fake, dep);
  const edit = page.getByRole("button", { name: "Edit", exact: true }).or(page.getByRole("link", { name: "Edit", exact: true }));
  await edit.click();
  const replicas = page.getByLabel("Replicas", { exact: true });
  await replicas.fill("6");

  await page.getByRole("link", { name: "Back to deployment" }).click();
  await page.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();

  await edit.click();
  await expect(replicas).toHaveValue("2");
  await expect(restoredNote(page)).toHaveCount(0);
  expect(await wouldAskBeforeUnload(page)).toBe(false);
});
