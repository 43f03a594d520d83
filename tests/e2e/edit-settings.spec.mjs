// The edit page's replicas, timeout and schedule forms, the archived lock,
// server failures and the unsaved-changes guard.
import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition as addDeployment } from "./helpers/fake.mjs";
import { expectNoRequests, expectOneWrite, waitForRequests, WRITES } from "./helpers/request-log.mjs";
import { card, openEdit, wouldAskBeforeUnload } from "./helpers/edit-page.mjs";

test("saves replicas: one PATCH with the count, and the form says so", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { replicas: 1 });
  await openEdit(page, fake, dep);
  await expect(page.getByRole("link", { name: "Back to deployment" })).toHaveAttribute("href", `/deployments/${dep.id}`);
  await fake.clearRequests();

  const replicas = page.getByLabel("Replicas", { exact: true });
  await expect(replicas).toHaveValue("1");
  await replicas.fill("3");
  await page.getByRole("button", { name: "Save replicas" }).click();

  await expect(card(page, "Replicas").getByRole("status")).toHaveText("Saved: 3 replicas.");
  await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-replica-count`, { replicas: 3 });
  const stored = (await fake.deployments()).find((d) => d.id === dep.id);
  expect(stored.replicas).toBe(3);
  expect(await wouldAskBeforeUnload(page)).toBe(false);
});

test("replicas: Enter submits, the button is disabled in flight, no double submit", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { replicas: 2 });
  await openEdit(page, fake, dep);
  await fake.clearRequests();
  await fake.faults({ latency_ms: 1200, path_contains: "update-replica-count" });

  const replicas = page.getByLabel("Replicas", { exact: true });
  const save = page.getByRole("button", { name: "Save replicas" });
  await replicas.fill("0");
  await replicas.press("Enter");
  await expect(save).toBeDisabled();
  await replicas.press("Enter");
  await expect(save).toBeEnabled({ timeout: 5000 });
  await expect(card(page, "Replicas").getByRole("status")).toHaveText("Saved: 0 replicas.");
  await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-replica-count`, { replicas: 0 });
});

test("replicas: a negative count is refused next to the field, nothing sent; 100+ warns", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const replicas = page.getByLabel("Replicas", { exact: true });
  await replicas.fill("-1");
  await page.getByRole("button", { name: "Save replicas" }).click();
  const message = page.locator("#edit-replicas-error");
  await expect(message).toHaveText("The number of replicas cannot be negative");
  await expect(replicas).toHaveAttribute("aria-invalid", "true");
  await expect(replicas).toHaveAttribute("aria-describedby", /edit-replicas-error/);
  await expect(replicas).toBeFocused();

  await replicas.fill("150");
  await expect(message).toHaveCount(0);
  await expect(replicas).not.toHaveAttribute("aria-invalid", "true");
  await expect(card(page, "Replicas")).toContainText("150 replicas run 150 GPUs at once");
  await expect(replicas).toHaveAttribute("aria-describedby", /edit-replicas-warning/);
  await expectNoRequests(fake, page, WRITES);
});

test("saves the timeout, shown in hours too", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { timeout: 120 });
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const timeout = page.getByLabel("Timeout (minutes)", { exact: true });
  await expect(timeout).toHaveValue("120");
  await expect(page.locator("#edit-timeout-hours")).toHaveText("= 2 hours");
  await timeout.fill("90");
  await expect(page.locator("#edit-timeout-hours")).toHaveText("= 1.5 hours");
  await page.getByRole("button", { name: "Save timeout" }).click();

  await expect(card(page, "Timeout").getByRole("status")).toHaveText("Saved: the timeout is 90 min (= 1.5 hours).");
  await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-timeout`, { timeout: 90 });
});

test("a timeout of 59 minutes is refused client-side, nothing sent", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const timeout = page.getByLabel("Timeout (minutes)", { exact: true });
  await timeout.fill("59");
  await timeout.press("Enter");
  await expect(page.locator("#edit-timeout-error")).toHaveText("Every timeout update needs at least 60 minutes");
  await expect(timeout).toHaveAttribute("aria-invalid", "true");
  await expect(timeout).toHaveAttribute("aria-describedby", /edit-timeout-error/);
  await expect(card(page, "Timeout").getByRole("alert")).toHaveCount(0);
  await expectNoRequests(fake, page, WRITES);
});

test("saves the schedule of a SCHEDULED deployment, read back in words with the next runs", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { strategy: "SCHEDULED", schedule: "0 */6 * * *" });
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const schedule = page.getByLabel("Schedule", { exact: true });
  await expect(schedule).toHaveValue("0 */6 * * *");
  await schedule.fill("*/30 * * * *");
  const section = card(page, "Schedule");
  await expect(section.locator(".cron-words")).toContainText("Every 30 minutes");
  await expect(section.locator("ol.cron-runs li")).toHaveCount(5);
  const first = await section.locator("ol.cron-runs time").first().getAttribute("datetime");
  const minute = new Date(first).getUTCMinutes();
  expect([0, 30]).toContain(minute);
  expect(new Date(first).getTime()).toBeGreaterThan(Date.now() - 60_000);

  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved: the schedule is */30 * * * *.");
  await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-schedule`, { schedule: "*/30 * * * *" });
  const stored = (await fake.deployments()).find((d) => d.id === dep.id);
  expect(stored.schedule).toBe("*/30 * * * *");
});

test("other strategies have no schedule form, and say why", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { strategy: "INFINITE", timeout: 120, rotation_time: 30 });
  await openEdit(page, fake, dep);
  await expect(page.getByLabel("Schedule", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save schedule" })).toHaveCount(0);
  await expect(card(page, "Schedule")).toContainText("Only SCHEDULED deployments have a schedule; this one uses the INFINITE strategy.");
});

test("an invalid cron is refused with a message, nothing sent", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { strategy: "SCHEDULED", schedule: "0 9 * * *" });
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const schedule = page.getByLabel("Schedule", { exact: true });
  const save = page.getByRole("button", { name: "Save schedule" });
  for (const bad of ["61 * * * *", "@hourly", "* * * *"]) {
    await schedule.fill(bad);
    await save.click();
    await expect(page.locator("#edit-schedule-error")).not.toBeEmpty();
    await expect(schedule).toHaveAttribute("aria-invalid", "true");
    await expect(schedule).toHaveAttribute("aria-describedby", /edit-schedule-error/);
    await expect(card(page, "Schedule").locator(".cron-words")).toHaveCount(0);
  }
  await expect(page.locator("#edit-schedule-error")).toContainText("A schedule has 5 fields");
  await expectNoRequests(fake, page, WRITES);
});

test("a server failure keeps what was typed and shows the server's message with the status", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const dep = await addDeployment(fake, { timeout: 120 });
  await openEdit(page, fake, dep);
  await fake.clearRequests();
  await fake.faults({
    fail_next: { count: 1, status: 500, body: JSON.stringify({ error: "Cannot modify an archived deployment." }) },
    path_contains: "update-timeout",
  });

  const timeout = page.getByLabel("Timeout (minutes)", { exact: true });
  await page.getByLabel("Replicas", { exact: true }).fill("4");
  await timeout.fill("240");
  await page.getByRole("button", { name: "Save timeout" }).click();

  await expect(card(page, "Timeout").getByRole("alert")).toHaveText("Cannot modify an archived deployment. (HTTP 500)");
  await expect(timeout).toHaveValue("240");
  await expect(page.getByLabel("Replicas", { exact: true })).toHaveValue("4");
  await expect(card(page, "Replicas").getByRole("alert")).toHaveCount(0);
  const sent = await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-timeout`, { timeout: 240 });
  expect(sent.status).toBe(500);
  // Still unsaved: leaving asks first.
  expect(await wouldAskBeforeUnload(page)).toBe(true);

  // Nothing was retried by itself; "Retry" sends the same form again and recovers.
  await card(page, "Timeout").getByRole("button", { name: "Retry" }).click();
  await expect(card(page, "Timeout").getByRole("alert")).toHaveCount(0);
  // The alert goes as the retry starts; its request may still be on its way to the fake.
  const patches = await waitForRequests(fake, { method: "PATCH" }, { count: 2 });
  expect(patches.map((r) => [r.path, r.body, r.status])).toEqual([
    [`/deployments/${dep.id}/update-timeout`, '{"timeout":240}', 500],
    [`/deployments/${dep.id}/update-timeout`, '{"timeout":240}', 200],
  ]);
});

test("a deployment archived meanwhile: the server's refusal is shown, the value kept", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const dep = await addDeployment(fake, { replicas: 1 });
  await openEdit(page, fake, dep);
  await fake.patchDeployment(dep.id, { status: "ARCHIVED" });
  await fake.clearRequests();

  const replicas = page.getByLabel("Replicas", { exact: true });
  await replicas.fill("7");
  await page.getByRole("button", { name: "Save replicas" }).click();
  await expect(card(page, "Replicas").getByRole("alert")).toHaveText("Cannot modify an archived deployment. (HTTP 500)");
  await expect(replicas).toHaveValue("7");
  await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-replica-count`, { replicas: 7 });
});

test("an ARCHIVED deployment's forms are disabled, with the reason", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "ARCHIVED", strategy: "SCHEDULED", schedule: "0 9 * * *" });
  await openEdit(page, fake, dep);
  await expect(page.getByText("An archived deployment cannot be changed")).toBeVisible();
  for (const label of ["Replicas", "Timeout (minutes)", "Schedule", "Job definition"]) {
    await expect(page.getByLabel(label, { exact: true })).toBeDisabled();
  }
  for (const name of ["Save replicas", "Save timeout", "Save schedule", "Create revision", "Format"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeDisabled();
  }
});

test("unsaved changes: beforeunload is armed only while dirty; in-app links ask first", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  expect(await wouldAskBeforeUnload(page)).toBe(false);

  await page.getByLabel("Timeout (minutes)", { exact: true }).fill("300");
  expect(await wouldAskBeforeUnload(page)).toBe(true);

  const back = page.getByRole("link", { name: "Back to deployment" });
  await back.click();
  const confirm = page.getByRole("alertdialog", { name: "Leave without saving?" });
  await expect(confirm).toBeVisible();
  await expect(page.getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await page.getByRole("button", { name: "Stay on this page" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}/edit$`));

  await back.click();
  await page.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
  // Once the detail page is up (its code may still be downloading before), the edit page's listeners are gone.
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
  expect(await wouldAskBeforeUnload(page)).toBe(false);
});

test("the browser's own prompt guards a tab close with unsaved changes", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await page.getByLabel("Replicas", { exact: true }).fill("5");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const shown = await dialog;
  expect(shown.type()).toBe("beforeunload");
  await shown.accept();
});
