// Issue 14: alerts for what no live stream reports, through the light poll
// (every 30 s while alerts are on): the deployments on the list page, and the
// detail page on its polling fallback. A poll reads the list page's own
// request once for the whole page (or the one deployment), and a deployment's
// RUNNING jobs only to learn them or when its `active_jobs` count changed;
// a job that has ended then has its result read for the exit code.
// The page's clock is paused and run forward (no sleeps): each 30 s window holds
// one tick of the poll's timer, so each poll's requests can be counted exactly.
import { test, expect } from "./fixtures.mjs";
import { api } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { openDetail, liveMode, badge } from "./helpers/detail-page.mjs";
import { params, sentSoFar, waitForRequest, waitForRequests } from "./helpers/request-log.mjs";
import { clickNote, jobFailed, notes, notifyMe, stubNotifications, turnOnAlerts } from "./helpers/notifications.mjs";

const POLL = 30_000;
const FIVE_MINUTES = 5 * 60_000;

const isJobsRead = (r) => /^\/deployments\/[^/]+\/jobs$/.test(r.path) && params(r.query).limit === "100";
const isJobDetail = (r) => /^\/deployments\/[^/]+\/jobs\/[^/]+$/.test(r.path);
const label = (r) => `${r.method} ${r.path}${isJobsRead(r) ? "?state=RUNNING&limit=100" : ""}`;

/** Pages whose clock this spec has paused: from then on only `advance` moves it. */
const paused = new WeakSet();

/**
 * Runs the page's time `ms` on, firing every timer due meanwhile. The clock is paused
 * first (a second ahead, as runTimersFor does), so windows of 30 s each hold exactly
 * one tick of the poll's 30 s timer.
 */
async function advance(page, ms) {
  if (!paused.has(page)) {
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    paused.add(page);
  }
  await page.clock.runFor(ms);
}

/**
 * Runs the page's time for one poll; waits for exactly `expected` more requests of the
 * poll (`match`), checks behind a sentinel that no more came, and answers them.
 */
async function onePoll(page, fake, match, expected) {
  const before = (await sentSoFar(fake, page, match)).length;
  await advance(page, POLL);
  await waitForRequests(fake, match, { count: before + expected.length });
  const sent = (await sentSoFar(fake, page, match)).slice(before);
  expect(sent.map(label).sort()).toEqual([...expected].sort());
  return sent;
}

/**
 * Five minutes pass, one quiet poll at a time, each exactly `quiet`. (Run in one go, the
 * last polls' requests could still be arriving when the next step counts what came before.)
 */
async function fiveMinutesPass(page, fake, match, quiet) {
  for (let t = 0; t < FIVE_MINUTES; t += POLL) await onePoll(page, fake, match, quiet);
}

async function runningJobs(fake, dep) {
  const { jobs } = await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING`);
  return jobs.map((j) => j.job);
}

async function firstOp(fake, dep, job) {
  const { jobDefinition } = await api(fake, `/deployments/${dep.id}/jobs/${job}`);
  return jobDefinition.ops[0].id;
}

test.beforeEach(async ({ page, fake }) => {
  await stubNotifications(page, "granted");
  // The node uploads an ended job's result at once: the app's first read of it finds it.
  await fake.config({ result_delay_ms: 0 });
  await page.clock.install();
});

test("list page: a listed deployment's job ending with a non-zero exit code notifies once per 5 minutes, one list read per quiet poll", async ({ page, fake }) => {
  // Three running jobs: ending two leaves the deployment RUNNING whatever its strategy.
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.active_jobs > 2);
  const search = dep.name;
  const listed = (await api(fake, `/deployments?search=${encodeURIComponent(search)}`)).deployments;
  await signIn(page, fake, `/deployments?search=${encodeURIComponent(search)}`);
  await expect(page.getByRole("link", { name: dep.name, exact: true })).toBeVisible();
  // The poll sends the list page's own request again: the same query.
  const { query } = await waitForRequest(fake, { method: "GET", path: "/deployments", query: { search } });
  const match = {
    method: "GET",
    where: (r) => (r.path === "/deployments" && r.query === query) || isJobsRead(r) || isJobDetail(r),
  };
  await turnOnAlerts(page);

  // First poll: the list, and the running jobs of each listed deployment that has some, to learn them.
  const learn = listed.filter((d) => d.active_jobs > 0).map((d) => `GET /deployments/${d.id}/jobs?state=RUNNING&limit=100`);
  await onePoll(page, fake, match, ["GET /deployments", ...learn]);
  // Nothing changed: the list alone, twice.
  await onePoll(page, fake, match, ["GET /deployments"]);
  await onePoll(page, fake, match, ["GET /deployments"]);
  expect(await notes(page)).toEqual([]);

  const [first, second, third] = await runningJobs(fake, dep);
  await fake.endJob(first, "COMPLETED", 137);
  await onePoll(page, fake, match, [
    "GET /deployments",
    `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`,
    `GET /deployments/${dep.id}/jobs/${first}`,
  ]);
  const op = await firstOp(fake, dep, first);
  await expect.poll(() => notes(page)).toEqual([jobFailed(dep, first, op, 137)]);

  // Within 5 minutes another failed job of it is read, and stays quiet.
  await fake.endJob(second, "STOPPED", 1);
  await onePoll(page, fake, match, [
    "GET /deployments",
    `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`,
    `GET /deployments/${dep.id}/jobs/${second}`,
  ]);
  await onePoll(page, fake, match, ["GET /deployments"]);
  expect(await notes(page)).toHaveLength(1);

  // Five minutes on, the next one notifies again.
  await fiveMinutesPass(page, fake, match, ["GET /deployments"]);
  await fake.endJob(third, "COMPLETED", 2);
  await onePoll(page, fake, match, [
    "GET /deployments",
    `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`,
    `GET /deployments/${dep.id}/jobs/${third}`,
  ]);
  await expect.poll(() => notes(page)).toEqual([jobFailed(dep, first, op, 137), jobFailed(dep, third, op, 2)]);

  // A click opens the deployment.
  await clickNote(page, 1);
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
});

test("list page: a change into ERROR of a listed deployment notifies with its name and state", async ({ page, fake }) => {
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.active_jobs > 0);
  await signIn(page, fake, `/deployments?search=${encodeURIComponent(dep.name)}`);
  await expect(page.getByRole("link", { name: dep.name, exact: true })).toBeVisible();
  await turnOnAlerts(page);
  await fake.patchDeployment(dep.id, { status: "ERROR" });
  await advance(page, POLL);
  await expect.poll(() => notes(page)).toEqual([{ title: `${dep.name}: ERROR`, body: `Deployment ${dep.name} is now ERROR.` }]);
});

test("list page: nothing is polled while alerts are off, and the poll stops when they are turned off", async ({ page, fake }) => {
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.active_jobs > 0);
  await signIn(page, fake, `/deployments?search=${encodeURIComponent(dep.name)}`);
  await expect(page.getByRole("link", { name: dep.name, exact: true })).toBeVisible();
  const { query } = await waitForRequest(fake, { method: "GET", path: "/deployments", query: { search: dep.name } });
  const match = { method: "GET", where: (r) => (r.path === "/deployments" && r.query === query) || isJobsRead(r) };
  await onePoll(page, fake, match, []);
  await onePoll(page, fake, match, []);
  // On, the page is polled; off again, the poll stops.
  await turnOnAlerts(page);
  await onePoll(page, fake, match, ["GET /deployments", `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`]);
  await onePoll(page, fake, match, ["GET /deployments"]);
  await notifyMe(page).click();
  await expect(notifyMe(page)).toHaveAttribute("aria-pressed", "false");
  await onePoll(page, fake, match, []);
  await onePoll(page, fake, match, []);
});

test.describe("detail page without the live stream", () => {
  test.beforeEach(async ({ page, fake }) => {
    // An API without the stream route: the browser logs the stream's 404.
    page.allowConsoleErrors();
    await fake.config({ stream: false });
  });

  test("a job ending with a non-zero exit code notifies once, one read per quiet poll, and a click opens it", async ({ page, fake }) => {
    // Three running jobs: ending two leaves the deployment RUNNING whatever its strategy.
    const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.active_jobs > 2);
    await openDetail(page, fake, dep);
    await expect(liveMode(page)).toHaveText("Polling");
    const match = {
      method: "GET",
      where: (r) => r.path === `/deployments/${dep.id}` || isJobsRead(r) || isJobDetail(r),
    };
    await turnOnAlerts(page);

    await onePoll(page, fake, match, [`GET /deployments/${dep.id}`, `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`]);
    await onePoll(page, fake, match, [`GET /deployments/${dep.id}`]);

    const [first, second] = await runningJobs(fake, dep);
    await fake.endJob(first, "COMPLETED", 137);
    await onePoll(page, fake, match, [
      `GET /deployments/${dep.id}`,
      `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`,
      `GET /deployments/${dep.id}/jobs/${first}`,
    ]);
    const op = await firstOp(fake, dep, first);
    await expect.poll(() => notes(page)).toEqual([jobFailed(dep, first, op, 137)]);
    await onePoll(page, fake, match, [`GET /deployments/${dep.id}`]);

    // Throttled: a bad status change within 5 minutes stays quiet.
    await fake.patchDeployment(dep.id, { status: "ERROR" });
    await onePoll(page, fake, match, [`GET /deployments/${dep.id}`]);
    expect(await notes(page)).toHaveLength(1);

    // Five minutes on, a job ending with code 0 is read and is no news.
    await fake.patchDeployment(dep.id, { status: "RUNNING" });
    await fiveMinutesPass(page, fake, match, [`GET /deployments/${dep.id}`]);
    await fake.endJob(second, "COMPLETED", 0);
    await onePoll(page, fake, match, [
      `GET /deployments/${dep.id}`,
      `GET /deployments/${dep.id}/jobs?state=RUNNING&limit=100`,
      `GET /deployments/${dep.id}/jobs/${second}`,
    ]);
    // Had it notified, this status alert would be throttled behind it.
    await fake.patchDeployment(dep.id, { status: "ERROR" });
    await onePoll(page, fake, match, [`GET /deployments/${dep.id}`]);
    await expect
      .poll(() => notes(page))
      .toEqual([jobFailed(dep, first, op, 137), { title: `${dep.name}: ERROR`, body: `Deployment ${dep.name} is now ERROR.` }]);

    await page.getByRole("link", { name: "Back to deployments" }).click();
    await expect(page).toHaveURL(/\/deployments$/);
    await clickNote(page, 0);
    await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
    await expect(badge(page)).toBeVisible();
  });
});
