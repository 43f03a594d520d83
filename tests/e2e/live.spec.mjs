// The detail page follows its deployment over GET /deployments/{id}/stream: changes
// show without a reload and without polling, job/task/event frames go to "Recent
// activity" as text, a missing route or a failing stream falls back to polling, a
// hidden tab closes the stream, and leaving the page closes it for good.
// Where "nothing more is asked for" is the point, the page's clock is run forward instead of waiting.
import { test, expect } from "./fixtures.mjs";
import { API_KEY, addDeployment } from "./helpers/fake.mjs";
import { expectBodyless, expectNoRequests, sentSoFar, waitForRequests } from "./helpers/request-log.mjs";
import {
  openDetail, badge, button, field, expectButtonsFor, setVisibility, liveMode, recentActivity, runTimersFor,
} from "./helpers/detail-page.mjs";

const streamOf = (id) => ({ method: "GET", path: `/deployments/${id}/stream` });
const readsOf = (id) => ({ method: "GET", path: `/deployments/${id}` });

/** Records the stream fetches the page aborts (closing a stream aborts its fetch). */
function watchAborts(page) {
  const aborted = [];
  page.on("requestfailed", (r) => {
    if (new URL(r.url()).pathname.endsWith("/stream")) aborted.push(r.failure()?.errorText);
  });
  return aborted;
}

/** Every API request the page sent so far about this deployment but the history tabs' lists, as "METHOD path". */
async function requestsAbout(fake, page, id) {
  const about = (r) => r.path.startsWith(`/deployments/${id}`) && !/\/(jobs|events|revisions|tasks)(\/|$)/.test(r.path);
  return (await sentSoFar(fake, page, { where: about })).map((r) => `${r.method} ${r.path}`);
}

test("a status change over the stream shows without a reload and without polling", async ({ page, fake }) => {
  await page.clock.install();
  const dep = await addDeployment(fake, { status: "RUNNING", replicas: 1 });
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  await page.evaluate(() => { window.__samePage = true; });

  // STARTING is a status the page used to poll for: it must not poll while live.
  await fake.patchDeployment(dep.id, { status: "STARTING", replicas: 3 });
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await expect(field(page, "Replicas")).toHaveText("3");
  await expectButtonsFor(page, "STARTING");
  // Time for two polls (1 s, then 2 s) and more, had the page been polling.
  await runTimersFor(page, 10_000);
  await page.clock.resume();
  await fake.patchDeployment(dep.id, { status: "RUNNING" });
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING");
  await expectButtonsFor(page, "RUNNING");
  await expect(page.locator(".detail-updated-ago")).toHaveText("Last updated 0 s ago");

  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  // One read when the page opened, one stream: nothing else.
  expect(await requestsAbout(fake, page, dep.id)).toEqual([
    `GET /deployments/${dep.id}`,
    `GET /deployments/${dep.id}/stream`,
  ]);
});

test("the stream request carries the Bearer key and no content type", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  const [stream] = await waitForRequests(fake, streamOf(dep.id));
  expect(stream.authorization).toBe(`Bearer ${API_KEY}`);
  expectBodyless(stream);
  expect(stream.status).toBe(200);
  expect(stream.query).toBe("");
});

test("Start: STARTING then RUNNING arrive over the stream, with jobs, events and tasks", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "DRAFT", replicas: 2, active_jobs: 0 });
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  await expect(recentActivity(page)).toContainText("Nothing yet");

  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  // The fake settles it after 1.5 s and tells the stream.
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 8_000 });
  await expect(field(page, "Active jobs")).toHaveText("2");
  const activity = recentActivity(page).getByRole("listitem");
  await expect(activity.filter({ hasText: /Job \S+ is RUNNING/ })).toHaveCount(2);
  await expect(activity.filter({ hasText: "JOB_LIST_CONFIRMED" }).first()).toBeVisible();

  const reads = await requestsAbout(fake, page, dep.id);
  expect(reads.filter((r) => r === `GET /deployments/${dep.id}`)).toHaveLength(1);
  expect(reads.filter((r) => r.endsWith("/stream"))).toHaveLength(1);
});

test("a pushed event shows in Recent activity, as text", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  const message = "<img src=x onerror=alert(1)> tunnel to the node was lost";
  await fake.pushEvent(dep.id, { type: "event", event: "FRPS_TUNNEL_LOST", message });

  const items = recentActivity(page).getByRole("listitem");
  await expect(items.first()).toContainText(`FRPS_TUNNEL_LOST: ${message}`);
  await expect(items.first()).toContainText("Event");
  await expect(items.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  expect(await recentActivity(page).locator("img").count()).toBe(0);

  // A frame that is not JSON is skipped; the stream goes on.
  await fake.pushEvent(dep.id, { raw: "data: {not json\n\n" });
  await fake.pushEvent(dep.id, {
    type: "task", id: "task-e2e-1", task: "EXTEND", status: "DONE", attempts: 1,
  });
  await fake.pushEvent(dep.id, { type: "event", event: "FRPS_TUNNEL_RECOVERED", message: "Tunnel is back" });
  await expect(items.nth(0)).toContainText("FRPS_TUNNEL_RECOVERED: Tunnel is back");
  await expect(items.nth(1)).toContainText("EXTEND task DONE after 1 attempt");
  await expect(items.nth(2)).toContainText("FRPS_TUNNEL_LOST");
  await expect(liveMode(page)).toHaveText("Live");
  expect(await sentSoFar(fake, page, streamOf(dep.id))).toHaveLength(1);
});

test("Recent activity keeps the last 10 entries, newest first", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  for (let i = 1; i <= 12; i++) {
    await fake.pushEvent(dep.id, { type: "event", event: "JOB_EXTEND_SUCCESSFUL", message: `extension ${i}` });
  }
  const items = recentActivity(page).getByRole("listitem");
  await expect(items.first()).toContainText("extension 12");
  await expect(items).toHaveCount(10);
  await expect(items.last()).toContainText("extension 3");
});

test("without the stream route the page says Polling and still follows STARTING to RUNNING", async ({ page, fake }) => {
  page.allowConsoleErrors(); // the browser logs the stream's 404
  await fake.config({ stream: false });
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Polling");
  await expect(recentActivity(page)).toContainText("only with live updates");

  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 8_000 });
  // The missing route is asked for once: a 404 route-not-found is not retried.
  await waitForRequests(fake, readsOf(dep.id), { atLeast: 2 });
  const streams = await sentSoFar(fake, page, streamOf(dep.id));
  expect(streams.map((r) => r.status)).toEqual([404]);
});

test("a stream that keeps failing is retried with backoff, then given up for polling", async ({ page, fake }) => {
  test.setTimeout(45_000);
  page.allowConsoleErrors();
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await fake.faults({ fail_next: { count: 10, status: 503 }, path_contains: "/stream" });
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Connecting…");
  // 5 attempts, 1 + 2 + 4 + 8 s apart.
  await expect(liveMode(page)).toHaveText("Polling", { timeout: 25_000 });
  const streams = await sentSoFar(fake, page, streamOf(dep.id));
  expect(streams.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 8_000 });
  expect(await sentSoFar(fake, page, streamOf(dep.id))).toHaveLength(5);
});

test("a stream the server ends is reopened, and the fresh snapshot shows what changed", async ({ page, fake }) => {
  // A seeded deployment: resetting the fake ends every stream and reseeds the same ids.
  const dep = await fake.pick("RUNNING");
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  await fake.reset({ transition_ms: 1500 });
  await fake.patchDeployment(dep.id, { status: "ERROR" });
  await expect(badge(page)).toHaveAttribute("data-status", "ERROR", { timeout: 8_000 });
  await expect(liveMode(page)).toHaveText("Live");
  await waitForRequests(fake, streamOf(dep.id)); // one: the log was reset with the fake
  await expectNoRequests(fake, page, readsOf(dep.id));
});

test("a hidden tab closes the stream; shown again, it reopens with a fresh snapshot", async ({ page, fake }) => {
  await page.clock.install();
  const dep = await addDeployment(fake, { status: "RUNNING" });
  const aborted = watchAborts(page);
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");

  await setVisibility(page, "hidden");
  await expect(liveMode(page)).toHaveText("Paused while the tab is hidden");
  await expect.poll(() => aborted.length).toBe(1);
  await fake.patchDeployment(dep.id, { status: "STOPPED" });
  // Whatever the hidden page would do in the next 10 s, it does now.
  await runTimersFor(page, 10_000);
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING");
  expect(await sentSoFar(fake, page, streamOf(dep.id))).toHaveLength(1);

  await page.clock.resume();
  await setVisibility(page, "visible");
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPED");
  await expect(liveMode(page)).toHaveText("Live");
  await waitForRequests(fake, streamOf(dep.id), { count: 2 });
  expect(await sentSoFar(fake, page, readsOf(dep.id))).toHaveLength(1);
});

test("leaving the page closes the stream and nothing is asked for afterwards", async ({ page, fake }) => {
  await page.clock.install();
  const dep = await addDeployment(fake, { status: "STARTING" });
  const aborted = watchAborts(page);
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  expect(aborted).toEqual([]);

  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();
  await expect.poll(() => aborted).toEqual(["net::ERR_ABORTED"]);
  const left = await requestsAbout(fake, page, dep.id);
  await fake.patchDeployment(dep.id, { status: "RUNNING" });
  await runTimersFor(page, 30_000);
  expect(await requestsAbout(fake, page, dep.id)).toEqual(left);
});
