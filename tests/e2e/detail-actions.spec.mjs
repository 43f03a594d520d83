// The detail page's actions: Start at once, Stop and Archive after a confirm
// dialog, no double submits, and refusals in the server's own words.
import { test, expect } from "./fixtures.mjs";
import { addDeployment } from "./helpers/fake.mjs";
import { expectBodyless, expectNoRequests, sentSoFar, waitForRequest, WRITES } from "./helpers/request-log.mjs";
import { openDetail, badge, button, alertArea, expectButtonsFor, askFor } from "./helpers/detail-page.mjs";

// The live stream shows RUNNING / STOPPED as soon as the fake settles a deployment:
// these tests look at STARTING / STOPPING, so the fake settles them much later.
test.beforeEach(async ({ fake }) => {
  await fake.config({ transition_ms: 60_000 });
});

for (const from of ["DRAFT", "STOPPED"]) {
  test(`Start from ${from} sends POST /start and shows STARTING at once`, async ({ page, fake }) => {
    const dep = await addDeployment(fake, { status: from });
    await openDetail(page, fake, dep);
    await button(page, "Start").click();
    await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
    await expect(badge(page)).toHaveText("Starting");
    const request = await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/start` });
    expectBodyless(request);
    expect(request.status).toBe(200);
    await expectButtonsFor(page, "STARTING");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
}

test("Stop asks in a dialog first, then sends POST /stop", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING", name: "stop-me" });
  await openDetail(page, fake, dep);
  const dialog = await askFor(page, "Stop", dep);
  await expectNoRequests(fake, page, { method: "POST", path: `/deployments/${dep.id}/stop` });
  // It is the native modal dialog.
  expect(await dialog.evaluate((el) => el.tagName === "DIALOG" && el.open && el.matches(":modal"))).toBe(true);

  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPING");
  const request = await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/stop` });
  expectBodyless(request);
  await expectButtonsFor(page, "STOPPING");
});

test("Esc and then Stop at once open the dialog again", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING", name: "stop-again" });
  await openDetail(page, fake, dep);
  const dialog = await askFor(page, "Stop", dep);
  // What Esc does (cancel, then close, whose event comes a task later), with the click on
  // Stop handled before that event.
  await page.evaluate(() => {
    const el = document.querySelector("dialog[open]");
    el.dispatchEvent(new Event("cancel"));
    el.close();
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Stop").click();
  });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expectNoRequests(fake, page, { method: "POST", path: `/deployments/${dep.id}/stop` });
});

test("Archive asks in a dialog first, then sends POST /archive and locks the page", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED", name: "archive-me" });
  await openDetail(page, fake, dep);
  const dialog = await askFor(page, "Archive", dep);
  await expect(dialog).toContainText("never be started or changed again");
  await expectNoRequests(fake, page, { method: "POST", path: `/deployments/${dep.id}/archive` });
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(badge(page)).toHaveAttribute("data-status", "ARCHIVED");
  const request = await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/archive` });
  expectBodyless(request);
  await expectButtonsFor(page, "ARCHIVED");
  expect((await fake.deployments()).find((d) => d.id === dep.id).status).toBe("ARCHIVED");
});

test("Cancel and Esc send nothing and give focus back to the button that opened the dialog", async ({ page, fake }) => {
  const running = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, running);
  const stop = button(page, "Stop");
  const dialog = page.getByRole("dialog");

  await stop.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(stop).toBeFocused();

  await stop.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(stop).toBeFocused();

  // The dialog opens again after being dismissed.
  await stop.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(stop).toBeFocused();

  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING");
  await expectNoRequests(fake, page, WRITES);
  expect((await fake.deployments()).find((d) => d.id === running.id).status).toBe("RUNNING");
});

test("Esc on the Archive dialog sends nothing and returns focus to Archive", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED" });
  await openDetail(page, fake, dep);
  const archive = button(page, "Archive");
  await archive.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(archive).toBeFocused();
  await expectNoRequests(fake, page, { method: "POST", path: `/deployments/${dep.id}/archive` });
});

test("a button is disabled while its request is in flight: one click, one request", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED" });
  await openDetail(page, fake, dep);
  await fake.faults({ latency_ms: 1200, path_contains: "/start" });
  const start = button(page, "Start");
  // Two clicks in the same task: the second must not send again.
  await start.evaluate((el) => { el.click(); el.click(); });
  await expect(start).toBeDisabled();
  await expect(button(page, "Archive")).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: "Start: waiting for the API" })).toBeVisible();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await expect(page.getByRole("status").filter({ hasText: "waiting for the API" })).toHaveCount(0);
  await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/start` });
  expect(await sentSoFar(fake, page, { method: "POST", path: `/deployments/${dep.id}/start` })).toHaveLength(1);
});

test("a refused action shows the server's message with the HTTP status and the page stays usable", async ({ page, fake }) => {
  page.allowConsoleErrors();
  // Without the live stream (an older API), so the page cannot learn of the change below.
  await fake.config({ stream: false });
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  // Someone else stops it; the page still shows RUNNING.
  await fake.patchDeployment(dep.id, { status: "STOPPED" });
  await button(page, "Stop").click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();

  await expect(alertArea(page)).toHaveText("Deployment is in the incorrect state. (HTTP 500)");
  const request = await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/stop` });
  expect(request.status).toBe(500);
  expectBodyless(request);
  // The page reads the real status and offers what it allows.
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPED");
  await expectButtonsFor(page, "STOPPED");
  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await expect(alertArea(page)).toHaveText("");
});

test("a failed request of another kind is also shown in the server's words", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  await fake.faults({ fail_next: { count: 1, status: 503, body: '{"error":"Service is busy"}' }, path_contains: "/start" });
  await button(page, "Start").click();
  await expect(alertArea(page)).toHaveText("Service is busy. (HTTP 503)");
  await expect(badge(page)).toHaveAttribute("data-status", "DRAFT");
  await expect(button(page, "Start")).toBeEnabled();
});
