import { test, expect } from "./fixtures.mjs";
import { api } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { expectNoRequests, waitForRequests } from "./helpers/request-log.mjs";

const rows = (page) => page.locator("table.deployments tbody tr");

test("bulk stop over a mixed selection sends only what the status allows", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments?limit=50");
  await expect(rows(page).first()).toBeVisible();
  const all = await fake.deployments();
  const running = all.filter((d) => d.status === "RUNNING").slice(0, 2);
  const stopped = all.find((d) => d.status === "STOPPED");
  const archived = all.find((d) => d.status === "ARCHIVED");
  const picked = [...running, stopped, archived];
  for (const d of picked) {
    await page.getByRole("checkbox", { name: `Select ${d.name}`, exact: true }).check();
  }
  await expect(page.getByText(`${picked.length} selected`)).toBeVisible();
  await fake.clearRequests();

  await page.getByRole("button", { name: "Stop selected" }).click();
  const review = page.getByRole("region", { name: /^Stop 2 of 4 selected/ });
  await expect(review).toContainText(stopped.name);
  await expect(review).toContainText("Stop needs a RUNNING, ERROR or INSUFFICIENT_FUNDS deployment");
  await expect(review).toContainText("An archived deployment cannot be changed");
  await expectNoRequests(fake, page);

  await review.getByRole("button", { name: "Confirm" }).click();
  const summary = page.getByRole("status").filter({ hasText: "2 succeeded, 0 failed, 2 skipped" });
  await expect(summary).toBeVisible();
  for (const d of running) await expect(summary).toContainText(`${d.name} — Stopping: now STOPPING`);
  await expect(summary).toContainText(`${archived.name} — Skipped: An archived deployment cannot be changed`);

  const sent = await waitForRequests(fake, { method: "POST" }, { count: running.length });
  expect(sent.map((r) => r.path).sort()).toEqual(running.map((d) => `/deployments/${d.id}/stop`).sort());
  for (const r of sent) {
    expect(r.body).toBeNull();
    expect(r.content_type).toBeNull();
  }
  // The list was reloaded and shows the new statuses.
  for (const d of running) {
    await expect(page.locator(`tr[data-id="${d.id}"] .badge`)).toHaveText(/Stopping|Stopped/);
  }
});

test("a failed request in a bulk run is reported per deployment", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await signIn(page, fake, "/deployments?status=STOPPED&limit=50");
  await expect(rows(page).first()).toBeVisible();
  const stopped = (await fake.deployments()).filter((d) => d.status === "STOPPED").slice(0, 2);
  for (const d of stopped) await page.getByRole("checkbox", { name: `Select ${d.name}`, exact: true }).check();
  await page.getByRole("button", { name: "Start selected" }).click();
  await fake.faults({ fail_next: { count: 1, status: 500, body: '{"error":"Deployment is in the incorrect state."}' } });
  await page.getByRole("region", { name: /^Start 2 of 2/ }).getByRole("button", { name: "Confirm" }).click();
  const summary = page.getByRole("status").filter({ hasText: "1 succeeded, 1 failed, 0 skipped" });
  await expect(summary).toContainText("Failed: Deployment is in the incorrect state. (HTTP 500)");
  await expect(summary).toContainText("Started: now STARTING");
});

test("select all on the page and shift-click a range", async ({ page, fake }) => {
  await signIn(page, fake);
  await expect(rows(page)).toHaveCount(10);
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await expect(page.getByText("10 selected")).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all on this page" }).uncheck();
  await expect(page.getByText(/selected$/)).toHaveCount(0);

  const boxes = rows(page).locator('input[type="checkbox"]');
  await boxes.nth(1).click();
  await boxes.nth(4).click({ modifiers: ["Shift"] });
  await expect(page.getByText("4 selected")).toBeVisible();
  for (const i of [1, 2, 3, 4]) await expect(boxes.nth(i)).toBeChecked();
  await expect(boxes.nth(0)).not.toBeChecked();
  await expect(boxes.nth(5)).not.toBeChecked();

  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(boxes.nth(2)).not.toBeChecked();
});

test("the header shows the available credits", async ({ page, fake }) => {
  await signIn(page, fake);
  const balance = await api(fake, "/credits/balance");
  const available = balance.assignedCredits - balance.reservedCredits - balance.settledCredits;
  await expect(page.locator(".credits")).toContainText(`$${available.toFixed(2)}`);
});
