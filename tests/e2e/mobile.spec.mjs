// A phone (the "mobile" project: 390 x 844, touch): sign in, the list as cards,
// filter, select and act in bulk, detail, start and stop, edit, by tapping. On
// every page the document is no wider than the viewport and every control is a
// touch target at least 40 px tall.
import { test, expect } from "./fixtures.mjs";
import { API_KEY, addDeployment, addDeploymentWithDefinition } from "./helpers/fake.mjs";
import { expectOneWrite, waitForRequest, waitForRequests } from "./helpers/request-log.mjs";
import { badge, button } from "./helpers/detail-page.mjs";
import { card as editCard } from "./helpers/edit-page.mjs";
import { expectFitsWidth, expectTouchTargets } from "./helpers/phone.mjs";
import { logPane, logRow, logSocketOpen, runningOnNodes } from "./helpers/logs-page.mjs";
import { stubNotifications } from "./helpers/notifications.mjs";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "phone flows run in the mobile project");
});

const cards = (page) => page.locator("table.deployments tbody tr");
const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

/** Signs in by tapping, from `path` (which sends to the sign-in form first). */
async function signInByTouch(page, fake, path = "/deployments") {
  await page.goto(`${fake.url}${path}`);
  await expect(heading(page, "Sign in")).toBeVisible();
  await expectFitsWidth(page, "sign-in");
  await expectTouchTargets(page, "sign-in");
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).tap();
}

/** The element lies within the phone's width: on screen, not cut off at either side. */
async function expectOnScreen(locator, what) {
  const box = await locator.boundingBox();
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(390);
}

test("the touch emulation is a phone's", async ({ page, fake }) => {
  await page.goto(`${fake.url}/sign-in`);
  const media = await page.evaluate(() => ({
    coarse: matchMedia("(pointer: coarse)").matches,
    width: innerWidth,
    touch: navigator.maxTouchPoints > 0,
  }));
  expect(media).toEqual({ coarse: true, width: 390, touch: true });
});

test("list: one card per deployment with every column, filtered by tapping", async ({ page, fake }) => {
  const all = await fake.deployments();
  await signInByTouch(page, fake);
  await expect(heading(page, "Deployments")).toBeVisible();
  await expect(cards(page)).toHaveCount(10);
  await expectFitsWidth(page, "list");
  await expectTouchTargets(page, "list");

  // The newest deployment's card: every value on screen, each under its column's name.
  const newest = [...all].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  const first = page.locator(`tr[data-id="${newest.id}"]`);
  await expect(first.getByRole("link", { name: newest.name })).toBeVisible();
  const expected = {
    Status: null,
    Strategy: newest.strategy,
    Replicas: String(newest.replicas),
    "Active jobs": String(newest.active_jobs),
    Updated: null,
    ID: null,
    Timeout: null,
  };
  for (const [label, value] of Object.entries(expected)) {
    const cell = first.locator(`td[data-label="${label}"]`);
    await expect(cell, label).toBeVisible();
    await expectOnScreen(cell, label);
    expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content), `${label}'s caption`).toBe(`"${label}"`);
    if (value !== null) await expect(cell).toHaveText(value);
  }
  await expect(first.locator('td[data-label="Status"] [data-status]')).toHaveAttribute("data-status", newest.status);
  // Cards stack: the second card is below the first, not beside it.
  const [a, b] = [await cards(page).nth(0).boundingBox(), await cards(page).nth(1).boundingBox()];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);

  // The chip's label is the touch target.
  await page.getByRole("group", { name: "Status" }).getByText("Running", { exact: true }).tap();
  await expect(page).toHaveURL(/status=RUNNING$/);
  const running = all.filter((d) => d.status === "RUNNING");
  await expect(cards(page)).toHaveCount(Math.min(10, running.length));
  await waitForRequest(fake, { method: "GET", path: "/deployments", query: { status: "RUNNING" } });
  for (const status of await page.locator("table.deployments [data-status]").evaluateAll((els) => els.map((e) => e.dataset.status))) {
    expect(status).toBe("RUNNING");
  }
  await expectFitsWidth(page, "filtered list");
});

test("list: select cards by tapping and stop them in bulk", async ({ page, fake }) => {
  await signInByTouch(page, fake, "/deployments?status=RUNNING");
  await expect(cards(page).first()).toBeVisible();
  const ids = await cards(page).evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.dataset.id));
  for (const id of ids) await page.locator(`tr[data-id="${id}"] td.select input`).tap();
  await expect(page.getByText("2 selected")).toBeVisible();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expectOnScreen(bar, "bulk bar");
  await expectFitsWidth(page, "list with a selection");
  await expectTouchTargets(page, "list with a selection");

  await bar.getByRole("button", { name: "Stop selected" }).tap();
  await expect(page.getByRole("heading", { name: "Stop 2 of 2 selected" })).toBeVisible();
  await expectFitsWidth(page, "bulk review");
  await page.getByRole("button", { name: "Confirm" }).tap();
  await expect(page.getByRole("heading", { name: "Stop: 2 succeeded, 0 failed, 0 skipped" })).toBeVisible();
  for (const id of ids) await waitForRequest(fake, { method: "POST", path: `/deployments/${id}/stop` });
  await expectFitsWidth(page, "bulk summary");
});

test("detail: open from a card, start and stop by tapping, history tabs fit", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED", name: "phone-start-stop" });
  await signInByTouch(page, fake);
  await page.locator(`tr[data-id="${dep.id}"]`).getByRole("link", { name: dep.name }).tap();
  await expect(heading(page, dep.name)).toBeVisible();
  await expect(page).toHaveTitle(`${dep.name} · Nosana Deployments`);
  await expectFitsWidth(page, "detail");
  await expectTouchTargets(page, "detail");
  for (const action of ["Start", "Stop", "Archive", "Delete", "Edit"]) {
    await expectOnScreen(button(page, action), action);
  }

  await button(page, "Start").tap();
  await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/start` });
  // The fake settles STARTING into RUNNING and the stream brings it.
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 10_000 });
  await button(page, "Stop").tap();
  const dialog = page.getByRole("dialog", { name: `Stop “${dep.name}”?` });
  await expect(dialog).toBeVisible();
  await expectOnScreen(dialog, "the Stop dialog");
  await expectTouchTargets(page, "the Stop dialog");
  await dialog.getByRole("button", { name: "Confirm" }).tap();
  await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/stop` });
  await expect(badge(page)).toHaveAttribute("data-status", /STOPPING|STOPPED/);

  for (const name of ["Jobs", "Events", "Revisions", "Tasks"]) {
    const tab = page.getByRole("tab", { name, exact: true });
    await tab.tap();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    await expect(page.locator(`#history-panel-${name.toLowerCase()}`)).toBeVisible();
    await expectFitsWidth(page, `detail, ${name} tab`);
    await expectTouchTargets(page, `detail, ${name} tab`);
  }
});

test("logs: the Logs tab fits, its filters are in reach, Follow and Jump to latest work by tapping", async ({ page, fake }) => {
  const { dep, jobs } = await runningOnNodes(fake, 1);
  const job = jobs[0].job;
  // Only the lines the test writes.
  await fake.nodeOutput(false);
  await signInByTouch(page, fake, `/deployments/${dep.id}`);
  await expect(heading(page, dep.name)).toBeVisible();
  const logsTab = page.getByRole("tab", { name: "Logs", exact: true });
  await logsTab.tap();
  await expect(page).toHaveURL(/[?&]tab=logs(&|$)/);
  await expect(logPane(page)).toBeVisible();
  await logSocketOpen(fake, job);
  // A long unbroken line too: it must wrap or scroll inside the pane, never the page.
  const long = `phone-long-${"x".repeat(400)}`;
  await fake.pushLines(job, [...Array.from({ length: 120 }, (_, i) => `phone line ${i}`), long]);
  await logPane(page).scrollIntoViewIfNeeded();
  await expect(logRow(page, "phone-long-")).toBeInViewport();
  await expect(logRow(page, "phone line 119")).toHaveCount(1);
  await expectOnScreen(logPane(page), "the log pane");
  await expectFitsWidth(page, "logs");
  await expectTouchTargets(page, "logs");

  // The filters: each on screen, and a level chip toggled by tapping.
  for (const [what, control] of [
    ["search", page.getByRole("searchbox", { name: "Search logs" })],
    ["replicas", page.getByRole("group", { name: "Replicas" })],
    ["levels", page.getByRole("group", { name: "Levels" })],
    ["Follow", page.getByLabel("Follow")],
    ["Download logs", page.getByRole("button", { name: "Download logs" })],
  ]) {
    await control.scrollIntoViewIfNeeded();
    await expectOnScreen(control, what);
  }
  const levels = page.getByRole("group", { name: "Levels" });
  const output = levels.getByRole("checkbox", { name: "Output" });
  const outputChip = levels.locator("label").filter({ hasText: "Output" });
  await outputChip.tap();
  await expect(output).not.toBeChecked();
  await expect(logRow(page, "phone line 119")).toHaveCount(0);
  await expectFitsWidth(page, "logs, output hidden");
  await outputChip.tap();
  await expect(output).toBeChecked();
  await expect(logRow(page, "phone line 119")).toHaveCount(1);

  // Follow off by tapping, and on again.
  const follow = page.getByLabel("Follow");
  await expect(follow).toBeChecked();
  const followChip = page.locator("label").filter({ hasText: /^Follow$/ });
  await followChip.tap();
  await expect(follow).not.toBeChecked();
  await followChip.tap();
  await expect(follow).toBeChecked();

  // Scrolled back in the pane: following pauses; "Jump to latest" is a tap away and brings the new line.
  await logPane(page).evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(follow).not.toBeChecked();
  await fake.pushLines(job, ["phone late line"]);
  const jump = page.getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toHaveText("Jump to latest (1 new line)");
  await jump.scrollIntoViewIfNeeded();
  await expectOnScreen(jump, "Jump to latest");
  await expectFitsWidth(page, "logs, paused");
  await expectTouchTargets(page, "logs, paused");
  await jump.tap();
  // The pane is at its end, the new line drawn there.
  await expect(logRow(page, "phone late line")).toHaveCount(1);
  await expect
    .poll(() => logPane(page).evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop), { message: "pane scrolled to its end" })
    .toBeLessThanOrEqual(2);
  await expect(follow).toBeChecked();
  await expect(jump).toBeHidden();
});

test("header spend and Notify me's refusal, the shortcuts dialog and the palette with results fit", async ({ page, fake }) => {
  await stubNotifications(page, "denied");
  const all = await fake.deployments();
  await signInByTouch(page, fake);
  await expect(cards(page).first()).toBeVisible();
  await expect(page.locator(".account .spend")).toHaveText(/^Spend: \$/);
  await expectOnScreen(page.locator(".account .runway"), "the runway");
  await page.getByRole("button", { name: "Notify me" }).tap();
  const refusal = page.getByRole("alert").filter({ hasText: "Notifications are blocked for this site" });
  await expect(refusal).toBeVisible();
  await expectOnScreen(refusal, "the refusal");
  await expectFitsWidth(page, "list with Notify me refused");

  await page.locator("#list-title").tap();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expectOnScreen(shortcuts, "the Keyboard shortcuts dialog");
  await expectFitsWidth(page, "the Keyboard shortcuts dialog");
  await expectTouchTargets(page, "the Keyboard shortcuts dialog");
  await shortcuts.getByRole("button", { name: "Close" }).tap();
  await expect(shortcuts).toHaveCount(0);

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Go to deployment" });
  await palette.getByRole("combobox", { name: "Name or id" }).fill(all[0].name.slice(0, 3));
  await expect(palette.getByRole("option").first()).toBeVisible();
  await expectOnScreen(palette, "the palette");
  await expectFitsWidth(page, "the palette with results");
  await expectTouchTargets(page, "the palette with results");
  await palette.getByRole("option").first().tap();
  await expect(palette).toHaveCount(0);
  await expect(page).toHaveURL(/\/deployments\/[^/?]+$/);
});

test("edit: the forms and the job definition editor fit; saving replicas by tapping", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake, { replicas: 1, name: "phone-edit" });
  await signInByTouch(page, fake, `/deployments/${dep.id}`);
  await expect(heading(page, dep.name)).toBeVisible();
  await button(page, "Edit").tap();
  await expect(heading(page, `Edit ${dep.name}`)).toBeVisible();
  await expect(page.getByLabel("Job definition", { exact: true })).not.toHaveValue("");
  await expect(page).toHaveTitle(`Edit ${dep.name} · Nosana Deployments`);
  await expectFitsWidth(page, "edit");
  await expectTouchTargets(page, "edit");
  await expectOnScreen(page.locator(".json-editor-body"), "the job definition editor");

  await page.getByLabel("Replicas", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Save replicas" }).tap();
  await expect(editCard(page, "Replicas").getByRole("status")).toHaveText("Saved: 3 replicas.");
  await expectOneWrite(fake, page, "PATCH", `/deployments/${dep.id}/update-replica-count`, { replicas: 3 });
});

test("create and not-found pages fit too", async ({ page, fake }) => {
  await signInByTouch(page, fake, "/deployments/new");
  await expect(heading(page, "New deployment")).toBeVisible();
  await waitForRequests(fake, { method: "GET", path: /^\/markets/ }, { atLeast: 1 });
  await expectFitsWidth(page, "create");
  await expectTouchTargets(page, "create");
  await expectOnScreen(page.getByRole("button", { name: "Import from file" }), "Import from file");
  await page.getByLabel("Search markets").fill("4090");
  await page.getByRole("radiogroup", { name: "Markets" }).getByRole("radio").first().check();
  await page.getByLabel("Replicas").fill("2");
  await page.getByLabel("Timeout (minutes)").fill("90");
  await expect(page.locator(".cost-estimate .cost-figure")).toHaveText("$0.90/h for 2 replicas");
  await expectOnScreen(page.locator(".cost-estimate"), "the Estimated cost");
  await expectFitsWidth(page, "create with an estimate");
  await page.getByRole("button", { name: "Create deployment" }).tap();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await expectFitsWidth(page, "create with problems shown");

  await page.goto(`${fake.url}/no/such/page`);
  await expect(heading(page, "Page not found")).toBeVisible();
  await expectFitsWidth(page, "not found");
});
