// The deployment detail page: every field, schedules, endpoints, refresh, errors.
import { test, expect } from "./fixtures.mjs";
import { UNKNOWN_ID, addDeployment } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { expectBodyless, expectNoRequests, sentSoFar, waitForRequests, waitForRequest, WRITES } from "./helpers/request-log.mjs";
import { openDetail, badge, button, field } from "./helpers/detail-page.mjs";
import { exactUtc, localText } from "./helpers/history-page.mjs";

test("shows every field of a deployment, read with the key and no content type", async ({ page, fake }) => {
  const dep = await addDeployment(fake, {
    name: "fields-e2e",
    status: "RUNNING",
    strategy: "INFINITE",
    rotation_time: 30,
    timeout: 150,
    replicas: 3,
    active_jobs: 2,
    confidential: true,
    active_revision: 2,
    created_at: "2026-10-02T03:04:05.000Z",
    updated_at: "2026-11-20T10:11:12.000Z",
    endpoints: [
      { opId: "web", port: 80, url: "https://web-e2e.node.k8s.prd.nos.ci" },
      { opId: "api", port: "%%ops.api.port%%", url: "http://api-e2e.example:8080/v1" },
    ],
  });
  await openDetail(page, fake, dep);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("fields-e2e");
  await expect(field(page, "ID")).toContainText(dep.id);
  await expect(field(page, "ID").getByRole("button", { name: "Copy id" })).toBeVisible();
  await expect(field(page, "Status")).toHaveText("Running");
  await expect(field(page, "Strategy")).toHaveText("INFINITE");
  await expect(field(page, "Replicas")).toHaveText("3");
  await expect(field(page, "Active jobs")).toHaveText(String(dep.active_jobs));
  await expect(field(page, "Timeout")).toHaveText("2 h 30 min");
  await expect(field(page, "Rotation time")).toHaveText("30 min");
  await expect(field(page, "Market")).toHaveText(dep.market);
  await expect(field(page, "Vault")).toHaveText(dep.vault);
  await expect(field(page, "Owner")).toHaveText(dep.owner);
  await expect(field(page, "Confidential")).toHaveText("Yes");
  await expect(field(page, "Active revision")).toHaveText("2");
  await expect(page.locator("xpath=//dl//dt[normalize-space()='Schedule']")).toHaveCount(0);

  const endpoints = field(page, "Endpoints");
  await expect(endpoints.getByRole("link")).toHaveCount(2);
  await expect(endpoints.getByRole("link", { name: "https://web-e2e.node.k8s.prd.nos.ci" }))
    .toHaveAttribute("href", "https://web-e2e.node.k8s.prd.nos.ci");
  await expect(endpoints.getByRole("link", { name: "http://api-e2e.example:8080/v1" }))
    .toHaveAttribute("rel", /noopener/);
  await expect(endpoints.getByRole("button", { name: "Copy URL" })).toHaveCount(2);
  await expect(endpoints).toContainText("web:80");
  await expect(endpoints).toContainText("api:%%ops.api.port%%");

  for (const [label, iso] of [["Created", dep.created_at], ["Updated", dep.updated_at]]) {
    const time = field(page, label).locator("time");
    await expect(time).toHaveAttribute("title", exactUtc(iso));
    await expect(time).toHaveAttribute("datetime", iso);
    await expect(time).toHaveText(/ago$/);
  }

  const reads = await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}` }, { atLeast: 1 });
  for (const r of reads) expectBodyless(r);
});

test("a deployment that is not confidential says No, and one without endpoints says None", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { confidential: false, endpoints: [] });
  await openDetail(page, fake, dep);
  await expect(field(page, "Confidential")).toHaveText("No");
  await expect(field(page, "Endpoints")).toHaveText("None");
  await expect(field(page, "Timeout")).toHaveText("60 min");
  await expect(page.locator("xpath=//dl//dt[normalize-space()='Rotation time']")).toHaveCount(0);
});

test.describe("in another time zone", () => {
  test.use({ timezoneId: "Asia/Kolkata", locale: "en-US" });

  test("a SCHEDULED deployment shows its cron, a plain reading and the next run in local time", async ({ page, fake }) => {
    const dep = await addDeployment(fake, { strategy: "SCHEDULED", schedule: "30 9 * * 1-5" });
    await openDetail(page, fake, dep);
    const schedule = field(page, "Schedule");
    await expect(schedule.locator("code")).toHaveText("30 9 * * 1-5");
    await expect(schedule).toContainText("At 09:30 on Monday through Friday");

    // The next weekday 09:30 UTC after now, shown in UTC+05:30 (15:00).
    const next = new Date();
    next.setUTCSeconds(0, 0);
    next.setUTCMinutes(next.getUTCMinutes() + 1);
    while (!(next.getUTCHours() === 9 && next.getUTCMinutes() === 30 && next.getUTCDay() >= 1 && next.getUTCDay() <= 5)) {
      next.setUTCMinutes(next.getUTCMinutes() + 1);
    }
    const time = schedule.locator("time");
    await expect(time).toHaveText(localText(next, "Asia/Kolkata", { seconds: false }));
    await expect(time).toContainText("03:00 PM GMT+5:30");
    await expect(time).toHaveAttribute("title", exactUtc(next.toISOString()));
  });
});

test("an endpoint whose URL is not http(s) is plain text, never a link", async ({ page, fake }) => {
  const dep = await addDeployment(fake, {
    endpoints: [
      { opId: "ok", port: 80, url: "https://safe-e2e.example" },
      { opId: "evil", port: 81, url: "javascript:alert(document.domain)" },
      { opId: "html", port: 82, url: "<img src=x onerror=alert(1)>" },
    ],
  });
  await openDetail(page, fake, dep);
  const endpoints = field(page, "Endpoints");
  await expect(endpoints.getByRole("link")).toHaveCount(1);
  await expect(endpoints.getByRole("link")).toHaveAttribute("href", "https://safe-e2e.example");
  await expect(endpoints.getByText("javascript:alert(document.domain)", { exact: true })).toBeVisible();
  await expect(endpoints.getByText("<img src=x onerror=alert(1)>", { exact: true })).toBeVisible();
  expect(await page.locator("a[href^='javascript:' i]").count()).toBe(0);
  expect(await endpoints.locator("img").count()).toBe(0);
});

test("Refresh reads the deployment again and the age counts up", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { replicas: 1 });
  await openDetail(page, fake, dep);
  const ago = page.locator(".detail-updated-ago");
  await expect(ago).toHaveText("Last updated 0 s ago");
  await expect(ago).toHaveText(/^Last updated [1-9]\d* s ago$/);

  const before = (await sentSoFar(fake, page, { method: "GET", path: `/deployments/${dep.id}` })).length;
  await fake.patchDeployment(dep.id, { replicas: 4, name: "renamed-e2e" });
  await button(page, "Refresh").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("renamed-e2e");
  await expect(field(page, "Replicas")).toHaveText("4");
  await expect(ago).toHaveText("Last updated 0 s ago");
  const reads = await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}` }, { count: before + 1 });
  expectBodyless(reads.at(-1));
});

test("an unknown id shows 'Deployment not found.' and Retry tries again", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await signIn(page, fake, `/deployments/${UNKNOWN_ID}`);
  await expect(page.getByRole("alert")).toContainText("Deployment not found. (HTTP 404)");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deployment");
  const reads = await sentSoFar(fake, page, { method: "GET", path: `/deployments/${UNKNOWN_ID}` });
  expect(reads.length).toBeGreaterThanOrEqual(1);
  for (const r of reads) {
    expect(r.status).toBe(404);
    expectBodyless(r);
  }

  // Once it exists, Retry shows it.
  await addDeployment(fake, { id: UNKNOWN_ID, name: "appeared-e2e" });
  await button(page, "Retry").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("appeared-e2e");
  await waitForRequests(fake, { method: "GET", path: `/deployments/${UNKNOWN_ID}` }, { count: reads.length + 1 });
});

test("a loading state shows while the deployment is read", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await fake.faults({ latency_ms: 1000, path_contains: `/deployments/${dep.id}` });
  await signIn(page, fake, `/deployments/${dep.id}`);
  await expect(page.getByRole("status").filter({ hasText: "Loading deployment" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(dep.name);
});

test("Back to deployments goes to the list", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED" });
  await openDetail(page, fake, dep);
  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page).toHaveURL(/\/deployments$/);
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(dep.name);
});

test("Edit opens the edit page of this deployment", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED" });
  await openDetail(page, fake, dep);
  await button(page, "Edit").click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}/edit$`));
  // Navigating sends nothing but reads.
  await expectNoRequests(fake, page, WRITES);
});

test("the page can be used with the keyboard alone", async ({ page, fake }) => {
  await fake.config({ transition_ms: 60_000 }); // STOPPING stays until the test has seen it
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  // From the back link, Tab reaches Rename, Refresh, Stop, Edit, Duplicate (disabled Start,
  // Archive and Delete are skipped), Export, Export job definition, Copy id.
  await page.getByRole("link", { name: "Back to deployments" }).focus();
  const seen = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el.getAttribute("aria-label") || el.textContent.trim();
    }));
  }
  expect(seen).toEqual([
    "Rename", "Refresh", "Stop", "Edit", "Duplicate", "Export", "Export job definition", "Copy id",
  ]);
  for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+Tab");
  const stop = button(page, "Stop");
  await expect(stop).toBeFocused();
  // Focus is visible.
  expect(await stop.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(button(page, "Confirm")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPING");
  await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/stop` });
});
