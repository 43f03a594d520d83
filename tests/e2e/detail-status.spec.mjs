// Which actions the detail page offers in each of the 8 statuses, and why not.
import { test, expect } from "./fixtures.mjs";
import { addDeployment } from "./helpers/fake.mjs";
import { ALLOWED, openDetail, badge, button, expectButtonsFor } from "./helpers/detail-page.mjs";

test("each status enables exactly the actions the contract allows, and explains the others", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  for (const status of Object.keys(ALLOWED)) {
    await fake.patchDeployment(dep.id, { status });
    await button(page, "Refresh").click();
    await expect(badge(page)).toHaveAttribute("data-status", status);
    await expectButtonsFor(page, status);
  }
});

test("seeded deployments in every status show the same buttons on first load", async ({ page, fake }) => {
  test.setTimeout(60_000); // eight page loads, five buttons each
  const seeded = await fake.deployments();
  // The seed cycles through the 8 statuses; open each status's first deployment by URL.
  let first = true;
  for (const status of Object.keys(ALLOWED)) {
    const dep = await fake.pick(status);
    if (first) {
      await openDetail(page, fake, dep);
      first = false;
    } else {
      await page.goto(`${fake.url}/deployments/${dep.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(dep.name);
    }
    await expect(badge(page)).toHaveAttribute("data-status", status);
    await expectButtonsFor(page, status);
  }
  expect(seeded.length).toBeGreaterThanOrEqual(8);
});

test("the reason text sits next to its button, e.g. Archive on a RUNNING deployment", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  const archive = button(page, "Archive");
  await expect(archive).toBeDisabled();
  await expect(archive).toHaveAccessibleDescription("Archive needs a STOPPED deployment (this one is RUNNING)");
  const note = page.getByText("Archive needs a STOPPED deployment (this one is RUNNING)", { exact: true });
  await expect(note).toBeVisible();
  // Beside the button: within the same small group, right below it.
  const [b, n] = [await archive.boundingBox(), await note.boundingBox()];
  expect(Math.abs(n.x - b.x)).toBeLessThan(40);
  expect(n.y - (b.y + b.height)).toBeLessThan(30);
});
