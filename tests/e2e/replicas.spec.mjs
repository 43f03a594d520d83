// "Replica health" on the detail page of a running deployment: container problems in
// words from the node's /info diagnostics, endpoint words (ONLINE / OFFLINE / UNKNOWN)
// live and per replica, restart or stop one op behind a confirmation (sent once, the
// node's answer shown, noted in the Logs tab), and an older node's plain messages.
import { test, expect } from "./fixtures.mjs";
import { API_KEY, api } from "./helpers/fake.mjs";
import { openHistory, tab } from "./helpers/history-page.mjs";
import { expectAccessible } from "./helpers/axe.mjs";
import { expectFitsWidth } from "./helpers/phone.mjs";
import { runTimersFor } from "./helpers/detail-page.mjs";
import { sentSoFar, waitForRequests } from "./helpers/request-log.mjs";

const region = (page) => page.getByRole("region", { name: "Replica health" });
const card = (page, job) => region(page).locator(`article[data-job="${job}"]`);

/** A seeded RUNNING deployment with endpoints and at least `n` running jobs on nodes. */
async function runningWithEndpoints(fake, n = 1, { keepExtras = false } = {}) {
  for (const dep of await fake.deployments()) {
    if (dep.status !== "RUNNING" || !(dep.endpoints?.length > 0)) continue;
    const { jobs } = await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING&limit=50`);
    const onNodes = jobs.filter((j) => j.node && j.node !== "11111111111111111111111111111111");
    if (onNodes.length < n) continue;
    // The fake serves the API and every node on one origin, and a browser keeps six
    // connections per origin: each replica's /info stream holds one. Real nodes are
    // hosts of their own; here the extra replicas end first.
    if (keepExtras) return { dep, jobs: onNodes };
    for (const extra of onNodes.slice(n)) await fake.endJob(extra.job, "COMPLETED");
    return { dep, jobs: onNodes.slice(0, n) };
  }
  throw new Error(`no seeded RUNNING deployment with endpoints and ${n} running jobs`);
}

/** What reached the node double, of one kind ("control", "endpoints", "ops", "info"). */
const nodeRequests = async (fake, kind, job) =>
  (await fake.nodeRequests()).filter((r) => r.kind === kind && (!job || r.path.startsWith(`/job/${job}/`)));

const trouble = (fake, job, body) => fake.control("POST", `/jobs/${job}/trouble`, body);

/** Opens the page and waits until the job's card shows its ops (controls offered). */
async function openCard(page, fake, dep, job, query = "") {
  await fake.nodeOutput(false);
  await openHistory(page, fake, dep, query);
  await expect(card(page, job)).toBeVisible();
  await expect(card(page, job).locator("li.replica-op").first()).toBeVisible();
  return card(page, job);
}

/** The replica label ("Replica 2") and first op id shown on a job's card. */
async function labelAndOp(c) {
  const label = (await c.locator("h3").innerText()).split(/\s/).slice(0, 2).join(" ");
  const op = await c.locator("li.replica-op").first().getAttribute("data-op");
  return { label, op };
}

test("an OOM kill, restarts and the exit code are said in words, live", async ({ page, fake }) => {
  const { dep, jobs } = await runningWithEndpoints(fake);
  const job = jobs[0].job;
  const c = await openCard(page, fake, dep, job);
  await expect(c).toContainText("No container problems reported.");
  const { op } = await labelAndOp(c);

  await trouble(fake, job, { opId: op, event: "restart" });
  await expect(c.locator(".replica-problem")).toHaveText([`op ${op}: restarted 1 time`]);
  await trouble(fake, job, { opId: op, event: "oom" });
  await expect(c.locator(".replica-problem")).toHaveText([
    `op ${op}: killed: out of memory`,
    `op ${op}: restarted 1 time`,
    `op ${op}: ended with exit code 137`,
  ]);
  // The op's row says it failed.
  await expect(c.locator(`li.replica-op[data-op="${op}"] .op-status`)).toHaveText("Failed");
  // Text from the node stays text.
  await expect(c.locator(".replica-problems script, .replica-problems img")).toHaveCount(0);
});

test("endpoint words change live, per replica where replicas differ", async ({ page, fake }) => {
  const { dep, jobs } = await runningWithEndpoints(fake, 2);
  const job = jobs[0].job;
  const c = await openCard(page, fake, dep, job);
  const { label, op } = await labelAndOp(c);
  const words = c.locator(".replica-endpoints .endpoint-health");
  await expect(words.first()).toHaveText("ONLINE");
  // The service URL shows one word while the replicas agree.
  const service = page.locator(".detail-endpoints .endpoint-health").first();
  await expect(service).toHaveText("ONLINE");

  await trouble(fake, job, { opId: op, event: "health-failing", output: "HTTP 503 <b>down</b>" });
  await expect(words.first()).toHaveText("OFFLINE");
  const failing = c.locator(".replica-problem").filter({ hasText: "health check failing (3 in a row)" });
  await expect(failing).toContainText("Last check: HTTP 503 <b>down</b>");
  await expect(failing.locator("b")).toHaveCount(0);
  await expect(service).toContainText(`OFFLINE on ${label}`);
  await expect(service).toContainText("ONLINE on Replica");
  await trouble(fake, job, { opId: op, event: "health-failing" });
  await expect(c.locator(".replica-problem")).toContainText(["health check failing (4 in a row)"]);

  await trouble(fake, job, { opId: op, event: "healthy" });
  await expect(words.first()).toHaveText("ONLINE");
  await expect(service).toHaveText("ONLINE");
  await expect(c).toContainText("No container problems reported.");
});

test("a restart is confirmed, sent once with the node header, answered, and noted in the Logs tab", async ({ page, fake }) => {
  const { dep, jobs } = await runningWithEndpoints(fake);
  const job = jobs[0].job;
  const c = await openCard(page, fake, dep, job);
  const { label, op } = await labelAndOp(c);

  // Cancelling sends nothing: the restart confirmed afterwards is the only request.
  await c.getByRole("button", { name: `Stop op ${op} on ${label}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Stop op ${op} on ${label}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(c.getByRole("button", { name: `Stop op ${op} on ${label}`, exact: true })).toBeFocused();

  await trouble(fake, job, { opId: op, event: "oom" });
  await expect(c.locator(".replica-problem").first()).toHaveText(`op ${op}: killed: out of memory`);
  const restart = c.getByRole("button", { name: `Restart op ${op} on ${label}`, exact: true });
  await restart.click();
  const confirm = page.getByRole("dialog", { name: `Restart op ${op} on ${label}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Confirm" }).click();

  await expect(c.locator(".replica-answer")).toHaveText(`${label}, op ${op}: Operation restarted`);
  await expect
    .poll(async () => (await nodeRequests(fake, "control", job)).map((r) => `${r.method} ${r.path} ${r.status}`))
    .toEqual([`POST /job/${job}/group/${op}/operation/${op}/restart 200`]);
  const [sent] = await nodeRequests(fake, "control", job);
  expect(sent.authorization).toMatch(/^nosana-auth:[1-9A-HJ-NP-Za-km-z]+$/);
  expect(sent.authorization).not.toContain(API_KEY);
  // The node's new state shows: the container came back clean.
  await expect(c).toContainText("No container problems reported.");
  await expect(c.locator(`li.replica-op[data-op="${op}"] .op-status`)).toHaveText("Running");

  // The Logs tab marks it.
  await tab(page, "Logs").click();
  await expect(page.locator(".log-op-mark")).toContainText(`System: restart of op ${op} on ${label}`);
  await expect(page.locator(".log-op-mark")).toContainText("the node answered: Operation restarted");
  // Still exactly one request, after all that.
  expect(await nodeRequests(fake, "control", job)).toHaveLength(1);
});

test("an older node says it does not report endpoints or controls, and is not asked again", async ({ page, fake }) => {
  const { dep, jobs } = await runningWithEndpoints(fake);
  const job = jobs[0].job;
  // The routes' 404s reach the console; that is the point here.
  page.allowConsoleErrors();
  await page.clock.install();
  await fake.config({ older_nodes: true });
  await fake.nodeOutput(false);
  await openHistory(page, fake, dep);
  const c = card(page, job);
  await expect(c).toContainText("This node does not report endpoints.");
  await expect(c).toContainText("This node does not report controls.");
  await expect(c.getByRole("button", { name: /^(Restart|Stop) op/ })).toHaveCount(0);
  await expect(c.locator(".error-box")).toHaveCount(0);
  await expect.poll(async () => (await nodeRequests(fake, "endpoints", job)).map((r) => r.status)).toEqual([404]);
  await expect.poll(async () => (await nodeRequests(fake, "ops", job)).map((r) => r.status)).toEqual([404]);
  // Minutes of the page's time later, neither route was asked again.
  await runTimersFor(page, 120_000);
  await expect(c).toContainText("This node does not report endpoints.");
  expect((await nodeRequests(fake, "endpoints", job)).length).toBe(1);
  expect((await nodeRequests(fake, "ops", job)).length).toBe(1);
});

test("the panel passes axe, fits a 390 px phone, and its controls are reached by keyboard with names", async ({ page, fake }) => {
  const { dep, jobs } = await runningWithEndpoints(fake);
  const job = jobs[0].job;
  const c = await openCard(page, fake, dep, job);
  const { label, op } = await labelAndOp(c);
  await trouble(fake, job, { opId: op, event: "health-failing", output: `${"x".repeat(300)} no-break-${"y".repeat(120)}` });
  await trouble(fake, job, { opId: op, event: "restart" });
  await expect(c.locator(".replica-problem")).toHaveCount(2);
  await expectAccessible(page, "replica health with problems");

  // Keyboard: from the card's last endpoint link, Tab reaches Restart then Stop, named for replica and op.
  await c.locator(".replica-endpoints a").last().focus();
  await page.keyboard.press("Tab");
  await expect(c.getByRole("button", { name: `Restart op ${op} on ${label}`, exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  const stop = c.getByRole("button", { name: `Stop op ${op} on ${label}`, exact: true });
  await expect(stop).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Stop op ${op} on ${label}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "the stop confirmation");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(stop).toBeFocused();
  expect(await nodeRequests(fake, "control", job)).toHaveLength(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await c.scrollIntoViewIfNeeded();
  await expectFitsWidth(page, "replica health on a phone");
});

test("five replicas on one origin: every card still gets its ops and endpoints", async ({ page, fake }) => {
  // The fake's nodes share its origin: five status streams would take every connection.
  const { dep, jobs } = await runningWithEndpoints(fake, 5, { keepExtras: true });
  await fake.nodeOutput(false);
  await openHistory(page, fake, dep);
  for (const j of jobs) {
    await expect(card(page, j.job).locator("li.replica-op").first()).toBeVisible({ timeout: 10_000 });
    await expect(card(page, j.job).locator(".replica-endpoints .endpoint-health").first()).toHaveText(/^(ONLINE|OFFLINE|UNKNOWN)$/);
  }
  await expect(region(page).locator("article.replica-card")).toHaveCount(jobs.length);
});

test("the page reads its running jobs once for every section and follows one /info stream per job, shared with Job status", async ({ page, fake }) => {
  const { dep, jobs } = await runningWithEndpoints(fake, 2);
  const runningReads = { method: "GET", path: `/deployments/${dep.id}/jobs`, query: { state: "RUNNING" } };
  const endedReads = { method: "GET", path: `/deployments/${dep.id}/jobs`, query: { state: "COMPLETED,STOPPED" } };
  const infoCounts = async () => Promise.all(jobs.map(async (j) => (await nodeRequests(fake, "info", j.job)).length));
  await openCard(page, fake, dep, jobs[0].job);
  await expect(card(page, jobs[1].job)).toBeVisible();
  await expect.poll(infoCounts).toEqual(jobs.map(() => 1));
  // One read of the running jobs when the page opened.
  await waitForRequests(fake, runningReads);
  expect(await sentSoFar(fake, page, runningReads)).toHaveLength(1);

  // "Job status" shows the same jobs live from the same streams: it reads only its ended jobs.
  const status = page.getByRole("region", { name: "Job status" });
  await status.getByRole("button", { name: "Show job status" }).click();
  for (const j of jobs) {
    const c = status.locator(`article[data-job="${j.job}"]`);
    await expect(c.getByRole("status")).toHaveText("Live from the node");
    await expect(c.locator("tbody tr[data-op]").first()).toBeVisible();
  }
  await waitForRequests(fake, endedReads);
  expect(await sentSoFar(fake, page, runningReads)).toHaveLength(1);
  expect(await infoCounts()).toEqual(jobs.map(() => 1));

  // "Usage" asks each job's node with the same list, not a read of its own.
  const usage = page.getByRole("region", { name: "Usage" });
  await usage.getByRole("button", { name: "Show usage" }).click();
  await expect.poll(async () => Promise.all(jobs.map(async (j) => (await nodeRequests(fake, "stats", j.job)).length > 0))).toEqual(jobs.map(() => true));
  expect(await sentSoFar(fake, page, runningReads)).toHaveLength(1);
  await usage.getByRole("button", { name: "Hide usage" }).click();

  // Closing Job status leaves Replica health's streams open and live.
  await status.getByRole("button", { name: "Hide job status" }).click();
  await expect(status.locator("article[data-job]")).toHaveCount(0);
  const { op } = await labelAndOp(card(page, jobs[0].job));
  await trouble(fake, jobs[0].job, { opId: op, event: "restart" });
  await expect(card(page, jobs[0].job).locator(".replica-problem")).toHaveText([`op ${op}: restarted 1 time`]);
  expect(await infoCounts()).toEqual(jobs.map(() => 1));

  // A job that ends is one change: the running jobs are read once more, and its card goes.
  await fake.endJob(jobs[1].job, "COMPLETED");
  await expect(card(page, jobs[1].job)).toHaveCount(0);
  await waitForRequests(fake, runningReads, { count: 2 });
  expect(await sentSoFar(fake, page, runningReads)).toHaveLength(2);
  expect((await nodeRequests(fake, "info", jobs[0].job)).length).toBe(1);
});
