// The detail page's history tabs: Jobs, Events and Tasks (Revisions are in
// history-revisions.spec.mjs). Each tab reads its own list once per view, the
// open tab and its page live in the URL, and the requests follow the contract.
import { test, expect } from "./fixtures.mjs";
import { addDeployment, api, pagingDeployment } from "./helpers/fake.mjs";
import { expectBodyless, expectNoRequests, params, sentSoFar, waitForRequests } from "./helpers/request-log.mjs";
import { openHistory, tab, panel, rows, exactUtc, localText, short } from "./helpers/history-page.mjs";

// The detail page reads a running deployment's running jobs once for all its sections
// (Replica health, Job status), the first page, and again when a job starts or ends: that
// read is not the history's, and is counted on its own.
const RUNNING_JOBS_READ = "state=RUNNING&limit=10&sort_order=desc";
/** The app's reads of a deployment's sub-list, e.g. "jobs" (not the page's running jobs). */
const listOf = (dep, what) => ({
  method: "GET",
  path: `/deployments/${dep.id}/${what}`,
  where: (r) => what !== "jobs" || r.query !== RUNNING_JOBS_READ,
});
const runningJobsRead = (dep) => ({ method: "GET", path: `/deployments/${dep.id}/jobs`, query: RUNNING_JOBS_READ });

const TABS = ["Jobs", "Events", "Revisions", "Tasks", "Logs"];

test("the history is an accessible tablist; Jobs opens first and is read once, with the key and no content type", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  const { jobs, pagination } = await api(fake, `/deployments/${dep.id}/jobs`);
  await openHistory(page, fake, dep);

  const tablist = page.getByRole("tablist", { name: "History" });
  await expect(tablist.getByRole("tab")).toHaveText(TABS);
  for (const name of TABS) {
    const t = tab(page, name);
    const selected = name === "Jobs";
    await expect(t).toHaveAttribute("aria-selected", String(selected));
    await expect(t).toHaveAttribute("tabindex", selected ? "0" : "-1");
    const controls = await t.getAttribute("aria-controls");
    const tabpanel = page.locator(`[id="${controls}"]`);
    await expect(tabpanel).toHaveAttribute("role", "tabpanel");
    await expect(tabpanel).toHaveAttribute("aria-labelledby", await t.getAttribute("id"));
    if (selected) await expect(tabpanel).toBeVisible();
    else await expect(tabpanel).toBeHidden();
  }

  await expect(rows(page, "Jobs", "data-job")).toHaveCount(10);
  await expect(panel(page, "Jobs").getByText(`${pagination.total_items} jobs`)).toBeVisible();
  await expect(panel(page, "Jobs").getByText("Page 1")).toBeVisible();

  // Every column of the newest job, a running one.
  const running = jobs[0];
  expect(running.state).toBe("RUNNING");
  const first = page.locator(`tr[data-job="${running.job}"]`);
  const cells = first.locator("td");
  await expect(cells.nth(0).locator("code")).toHaveText(short(running.job));
  await expect(cells.nth(0).locator("code")).toHaveAttribute("title", running.job);
  await expect(cells.nth(0).getByRole("button", { name: "Copy job address" })).toBeVisible();
  await expect(cells.nth(1)).toHaveText(short(running.node));
  await expect(cells.nth(2)).toHaveText(String(running.revision));
  await expect(cells.nth(3)).toHaveText("Running");
  await expect(cells.nth(3).locator("[data-state]")).toHaveAttribute("data-state", "RUNNING");
  const started = cells.nth(4).locator("time");
  await expect(started).toHaveAttribute("title", exactUtc(running.time_start * 1000));
  await expect(started).toHaveText(/ago$/);
  // Running: counted from its start until now (the seed is weeks old).
  await expect(cells.nth(5)).toHaveText(/^\d+ days?( \d+ h)?$/);

  // An ended job: from its start to its last update.
  const ended = jobs.find((j) => j.state === "COMPLETED");
  const minutes = Math.round((Date.parse(ended.updated_at) / 1000 - ended.time_start) / 60);
  await expect(page.locator(`tr[data-job="${ended.job}"] td`).nth(5)).toHaveText(`${minutes} min`);
  await expect(page.locator(`tr[data-job="${ended.job}"] td`).nth(3)).toHaveText("Completed");

  const [read] = await waitForRequests(fake, listOf(dep, "jobs"));
  expect(params(read.query)).toEqual({ limit: "10", sort_order: "desc" });
  expectBodyless(read);
  // The page's own read of the running jobs (the deployment runs) happened once, beside it.
  await waitForRequests(fake, runningJobsRead(dep));
  expect(await sentSoFar(fake, page, runningJobsRead(dep))).toHaveLength(1);
  expect(await sentSoFar(fake, page, { method: "GET", path: `/deployments/${dep.id}/jobs` })).toHaveLength(2);
  // No tab that was never opened was read.
  for (const other of ["events", "revisions", "tasks"]) await expectNoRequests(fake, page, listOf(dep, other));
});

test("a queued job that has not started shows a dash for its node, not started, and no duration", async ({ page, fake }) => {
  const dep = (await fake.deployments()).find((d) => d.status === "STARTING");
  const { jobs } = await api(fake, `/deployments/${dep.id}/jobs`);
  const queued = jobs.find((j) => !j.node);
  await openHistory(page, fake, dep);
  const cells = page.locator(`tr[data-job="${queued.job}"] td`);
  await expect(cells.nth(1)).toHaveText("—");
  await expect(cells.nth(3)).toHaveText("Queued");
  await expect(cells.nth(4)).toHaveText("Not started");
  await expect(cells.nth(5)).toHaveText("—");
});

test("switching tabs reads each tab once; the open tab is in the URL and survives reload and back/forward", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  await openHistory(page, fake, dep);
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(10);

  await tab(page, "Events").click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}\\?tab=events$`));
  await expect(tab(page, "Events")).toHaveAttribute("aria-selected", "true");
  await expect(tab(page, "Jobs")).toHaveAttribute("aria-selected", "false");
  await expect(rows(page, "Events", "data-type")).toHaveCount(10);
  await expect(panel(page, "Jobs")).toBeHidden();

  await tab(page, "Revisions").click();
  await expect(page).toHaveURL(/\?tab=revisions$/);
  await expect(rows(page, "Revisions", "data-revision")).toHaveCount(3);

  await tab(page, "Tasks").click();
  await expect(page).toHaveURL(/\?tab=tasks$/);
  await expect(rows(page, "Tasks", "data-task")).toHaveCount(1);

  // One read per tab view, and each with the key and no content type.
  for (const what of ["jobs", "events", "revisions", "tasks"]) {
    const [read] = await waitForRequests(fake, listOf(dep, what));
    expectBodyless(read);
    expect(params(read.query)).toEqual({ limit: "10", sort_order: "desc" });
  }

  await page.reload();
  await expect(tab(page, "Tasks")).toHaveAttribute("aria-selected", "true");
  await expect(rows(page, "Tasks", "data-task")).toHaveCount(1);
  await waitForRequests(fake, listOf(dep, "tasks"), { count: 2 });

  await page.goBack();
  await expect(page).toHaveURL(/\?tab=revisions$/);
  await expect(tab(page, "Revisions")).toHaveAttribute("aria-selected", "true");
  await expect(rows(page, "Revisions", "data-revision")).toHaveCount(3);
  await page.goBack();
  await expect(page).toHaveURL(/\?tab=events$/);
  await expect(tab(page, "Events")).toHaveAttribute("aria-selected", "true");
  await expect(rows(page, "Events", "data-type")).toHaveCount(10);
  await page.goForward();
  await expect(tab(page, "Revisions")).toHaveAttribute("aria-selected", "true");
  await expect(rows(page, "Revisions", "data-revision")).toHaveCount(3);
  // Jobs was not opened again: still its one read (the reload landed on Tasks).
  expect(await sentSoFar(fake, page, listOf(dep, "jobs"))).toHaveLength(1);
});

test("arrow keys, Home and End move between the tabs and open them", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  await openHistory(page, fake, dep);
  await tab(page, "Jobs").focus();
  await page.keyboard.press("ArrowRight");
  await expect(tab(page, "Events")).toBeFocused();
  await expect(tab(page, "Events")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?tab=events$/);
  await page.keyboard.press("End");
  await expect(tab(page, "Logs")).toBeFocused();
  await expect(page).toHaveURL(/\?tab=logs$/);
  await page.keyboard.press("ArrowLeft");
  await expect(tab(page, "Tasks")).toBeFocused();
  await expect(page).toHaveURL(/\?tab=tasks$/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(tab(page, "Jobs")).toBeFocused();
  await expect(page).toHaveURL(/\?tab=jobs$/);
  await page.keyboard.press("ArrowLeft");
  await expect(tab(page, "Logs")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(tab(page, "Jobs")).toBeFocused();
  await expect(tab(page, "Jobs")).toHaveAttribute("aria-selected", "true");
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(10);
});

test("pages through the jobs by cursor, with the page size and state filter in the URL", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  const first = await api(fake, `/deployments/${dep.id}/jobs`);
  const second = await api(fake, `/deployments/${dep.id}/jobs?cursor=${first.pagination.cursor_next}`);
  await openHistory(page, fake, dep, "?tab=jobs");
  const jobsPanel = panel(page, "Jobs");
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(10);
  await expect(jobsPanel.getByRole("button", { name: "Previous" })).toBeDisabled();

  await jobsPanel.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?tab=jobs&cursor=${first.pagination.cursor_next}&page=2$`));
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(5);
  await expect(rows(page, "Jobs", "data-job").first()).toHaveAttribute("data-job", second.jobs[0].job);
  await expect(jobsPanel.getByText("Page 2")).toBeVisible();
  await expect(jobsPanel.getByRole("button", { name: "Next" })).toBeDisabled();
  let reads = await waitForRequests(fake, listOf(dep, "jobs"), { count: 2 });
  expect(params(reads[1].query)).toEqual({ cursor: first.pagination.cursor_next, limit: "10", sort_order: "desc" });

  await jobsPanel.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\?tab=jobs$/);
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(10);
  await expect(rows(page, "Jobs", "data-job").first()).toHaveAttribute("data-job", first.jobs[0].job);

  await jobsPanel.getByLabel("Page size").selectOption("20");
  await expect(page).toHaveURL(/\?tab=jobs&limit=20$/);
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(15);
  reads = await waitForRequests(fake, listOf(dep, "jobs"), { count: 4 });
  expect(params(reads[3].query)).toEqual({ limit: "20", sort_order: "desc" });

  // Several states at once; the request carries them as one comma list.
  await jobsPanel.getByRole("checkbox", { name: "Running" }).check();
  await expect(page).toHaveURL(/\?tab=jobs&state=RUNNING&limit=20$/);
  await jobsPanel.getByRole("checkbox", { name: "Stopped" }).check();
  await expect(page).toHaveURL(/\?tab=jobs&state=RUNNING%2CSTOPPED&limit=20$/);
  const expected = (await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING,STOPPED&limit=20`)).jobs;
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(expected.length);
  const states = await rows(page, "Jobs", "data-job").locator("[data-state]").evaluateAll((els) => els.map((e) => e.dataset.state));
  expect(new Set(states)).toEqual(new Set(["RUNNING", "STOPPED"]));
  reads = await waitForRequests(fake, { ...listOf(dep, "jobs"), query: { state: "RUNNING,STOPPED" } });
  expect(params(reads.at(-1).query)).toEqual({ state: "RUNNING,STOPPED", limit: "20", sort_order: "desc" });
  reads = await sentSoFar(fake, page, listOf(dep, "jobs"));
  for (const r of reads) expectBodyless(r);

  // The filter survives a reload.
  await page.reload();
  await expect(panel(page, "Jobs").getByRole("checkbox", { name: "Running" })).toBeChecked();
  await expect(panel(page, "Jobs").getByRole("checkbox", { name: "Stopped" })).toBeChecked();
  await expect(panel(page, "Jobs").getByRole("checkbox", { name: "Completed" })).not.toBeChecked();
  await expect(panel(page, "Jobs").getByLabel("Page size")).toHaveValue("20");
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(expected.length);
});

test("a job's Details reads the job and shows its state, times, definition and result", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  const { jobs } = await api(fake, `/deployments/${dep.id}/jobs`);
  const done = jobs.find((j) => j.state === "COMPLETED");
  const detail = await api(fake, `/deployments/${dep.id}/jobs/${done.job}`);
  await openHistory(page, fake, dep);

  const row = page.locator(`tr[data-job="${done.job}"]`);
  const details = row.getByRole("button", { name: "Details" });
  await expect(details).toHaveAttribute("aria-expanded", "false");
  await details.click();
  await expect(details).toHaveAttribute("aria-expanded", "true");
  const region = page.locator(`[id="${await details.getAttribute("aria-controls")}"]`);
  await expect(region).toBeVisible();

  const term = (label) => region.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
  await expect(term("State")).toHaveText("Completed");
  await expect(term("Revision")).toHaveText(String(detail.revision));
  await expect(term("Node")).toHaveText(detail.node);
  // Shown in the browser's time zone, the UTC instant on hover.
  await expect(term("Started").locator("time")).toHaveAttribute("title", exactUtc(detail.timeStart * 1000));
  await expect(term("Ended").locator("time")).toHaveAttribute("title", exactUtc(detail.timeEnd * 1000));
  await expect(term("Started").locator("time")).toHaveText(localText(detail.timeStart * 1000, "UTC"));
  await expect(region.getByLabel("Job definition", { exact: true })).toHaveText(JSON.stringify(detail.jobDefinition, null, 2));
  await expect(region.getByLabel("Result", { exact: true })).toHaveText(JSON.stringify(detail.jobResult, null, 2));

  const reads = await waitForRequests(fake, { path: `/deployments/${dep.id}/jobs/${done.job}` });
  expect(reads[0].method).toBe("GET");
  expectBodyless(reads[0]);

  // Closing hides it; a running job has no result yet.
  await details.click();
  await expect(region).toBeHidden();
  const running = page.locator(`tr[data-job="${jobs[0].job}"]`);
  await running.getByRole("button", { name: "Details" }).click();
  const runningRegion = page.locator(`[id="job-detail-${jobs[0].job}"]`);
  await expect(runningRegion.getByText("No result yet.")).toBeVisible();
  await expect(runningRegion.locator("xpath=.//dt[normalize-space()='State']/following-sibling::dd[1]")).toHaveText("Running");
  await expect(runningRegion.locator("xpath=.//dt[normalize-space()='Ended']/following-sibling::dd[1]")).toHaveText("Not ended");
});

test("events show type, message as text, transaction and time; category and type filters go into the request and the URL", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  await fake.pushEvent(dep.id, {
    type: "event", event: "FRPS_TUNNEL_LOST", message: "<img src=x onerror=alert(1)> lost",
  });
  const { events, pagination } = await api(fake, `/deployments/${dep.id}/events`);
  await openHistory(page, fake, dep, "?tab=events");
  const eventsPanel = panel(page, "Events");
  await expect(rows(page, "Events", "data-type")).toHaveCount(10);
  await expect(eventsPanel.getByText(`${pagination.total_items} events`)).toBeVisible();

  const newest = rows(page, "Events", "data-type").first().locator("td");
  await expect(newest.nth(0)).toHaveText("FRPS_TUNNEL_LOST");
  await expect(newest.nth(1)).toHaveText("<img src=x onerror=alert(1)> lost");
  await expect(eventsPanel.locator("img")).toHaveCount(0);
  await expect(newest.nth(2)).toHaveText("—");
  await expect(newest.nth(3).locator("time")).toHaveAttribute("title", exactUtc(events[0].created_at));
  const withTx = events.findIndex((e) => e.tx);
  const txCell = rows(page, "Events", "data-type").nth(withTx).locator("td").nth(2).locator("code");
  await expect(txCell).toHaveText(short(events[withTx].tx));
  await expect(txCell).toHaveAttribute("title", events[withTx].tx);

  await eventsPanel.getByLabel("Category").selectOption("Deployment");
  await expect(page).toHaveURL(/\?tab=events&category=Deployment$/);
  await expect(rows(page, "Events", "data-category=Event")).toHaveCount(0);
  await expect(rows(page, "Events", "data-category=Deployment")).toHaveCount(10);

  const types = eventsPanel.getByRole("group", { name: "Type" });
  await expect(types.getByRole("checkbox")).toHaveCount(10);
  await types.getByRole("checkbox", { name: "JOB_STOPPED_CONFIRMED" }).check();
  await types.getByRole("checkbox", { name: "JOB_LIST_ERROR" }).check();
  await expect(page).toHaveURL(/\?tab=events&category=Deployment&type=JOB_STOPPED_CONFIRMED%2CJOB_LIST_ERROR$/);
  const stopped = (await api(fake, `/deployments/${dep.id}/events?type=JOB_STOPPED_CONFIRMED`)).events;
  await expect(rows(page, "Events", "data-type")).toHaveCount(stopped.length);
  await expect(rows(page, "Events", "data-type=JOB_STOPPED_CONFIRMED")).toHaveCount(stopped.length);
  const filtered = { ...listOf(dep, "events"), query: { type: "JOB_STOPPED_CONFIRMED,JOB_LIST_ERROR" } };
  await waitForRequests(fake, filtered);
  const reads = await sentSoFar(fake, page, listOf(dep, "events"));
  expect(params(reads.at(-1).query)).toEqual({
    category: "Deployment", type: "JOB_STOPPED_CONFIRMED,JOB_LIST_ERROR", limit: "10", sort_order: "desc",
  });
  for (const r of reads) expectBodyless(r);

  // Nothing matches: said in words.
  await types.getByRole("checkbox", { name: "JOB_STOPPED_CONFIRMED" }).uncheck();
  await expect(page).toHaveURL(/type=JOB_LIST_ERROR$/);
  await expect(eventsPanel.getByText("No events match these filters.")).toBeVisible();
  await expect(eventsPanel.getByText("0 events")).toBeVisible();

  await page.reload();
  await expect(panel(page, "Events").getByLabel("Category")).toHaveValue("Deployment");
  await expect(panel(page, "Events").getByRole("checkbox", { name: "JOB_LIST_ERROR" })).toBeChecked();
});

test("pages through the events by cursor", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  await openHistory(page, fake, dep, "?tab=events&limit=20");
  const eventsPanel = panel(page, "Events");
  await expect(rows(page, "Events", "data-type")).toHaveCount(20);
  await eventsPanel.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\?tab=events&limit=20&cursor=\w+&page=2$/);
  await expect(rows(page, "Events", "data-type")).toHaveCount(1);
  await expect(eventsPanel.getByText("Page 2")).toBeVisible();
  const reads = await waitForRequests(fake, listOf(dep, "events"), { count: 2 });
  expect(params(reads[1].query).cursor).toMatch(/^\w+$/);
  await page.goBack();
  await expect(rows(page, "Events", "data-type")).toHaveCount(20);
});

test("an empty history says so on every tab", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { name: "history-empty-e2e" });
  await openHistory(page, fake, dep);
  await expect(panel(page, "Jobs").getByText("No jobs yet.")).toBeVisible();
  await expect(panel(page, "Jobs").getByText("0 jobs")).toBeVisible();
  await tab(page, "Events").click();
  await expect(panel(page, "Events").getByText("No events yet.")).toBeVisible();
  await tab(page, "Tasks").click();
  await expect(panel(page, "Tasks").getByText("No tasks yet.")).toBeVisible();
  await tab(page, "Revisions").click();
  await expect(rows(page, "Revisions", "data-revision")).toHaveCount(1);
});

test("a tab that fails to load shows the server's words with Retry, which reads again", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const dep = await pagingDeployment(fake);
  await openHistory(page, fake, dep);
  await expect(rows(page, "Jobs", "data-job")).toHaveCount(10);
  // A GET is tried three times before the page gives up.
  await fake.faults({ fail_next: { count: 3, status: 503, body: '{"error":"Events are resting."}' }, path_contains: "/events" });
  await tab(page, "Events").click();
  const alert = panel(page, "Events").getByRole("alert");
  await expect(alert).toContainText("Events are resting.");
  await expect(alert).toContainText("503");
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(rows(page, "Events", "data-type")).toHaveCount(10);
  await waitForRequests(fake, listOf(dep, "events"), { count: 4 });
});

test("a slow tab shows that it is loading", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  await openHistory(page, fake, dep);
  await fake.faults({ latency_ms: 1200, path_contains: "/tasks" });
  await tab(page, "Tasks").click();
  await expect(panel(page, "Tasks").getByRole("status").filter({ hasText: "Loading tasks" })).toBeVisible();
  await expect(rows(page, "Tasks", "data-task")).toHaveCount(1);
});

test("tasks show their kind, job, when they are due (overdue when past) and when they were created", async ({ page, fake }) => {
  // The seeded RUNNING INFINITE deployment has an EXTEND task for a job.
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.strategy === "INFINITE");
  const [task] = (await api(fake, `/deployments/${dep.id}/tasks`)).tasks;
  expect(task.task).toBe("EXTEND");

  // The seed is in the past: the task is overdue.
  await openHistory(page, fake, dep, "?tab=tasks");
  const cells = rows(page, "Tasks", "data-task").first().locator("td");
  await expect(cells.nth(0)).toHaveText("EXTEND");
  await expect(cells.nth(1).locator("code")).toHaveText(short(task.job));
  await expect(cells.nth(1).locator("code")).toHaveAttribute("title", task.job);
  const due = cells.nth(2).locator("time");
  await expect(due).toHaveText(/^overdue \(.+ ago\)$/);
  await expect(due).toHaveAttribute("title", exactUtc(task.due_at));
  await expect(due).toHaveAttribute("datetime", task.due_at);
  await expect(cells.nth(3).locator("time")).toHaveAttribute("title", exactUtc(task.created_at));
  const [read] = await waitForRequests(fake, listOf(dep, "tasks"));
  expectBodyless(read);

  // The task filter goes into the request and the URL.
  await panel(page, "Tasks").getByRole("combobox", { name: "Task", exact: true }).selectOption("LIST");
  await expect(page).toHaveURL(/\?tab=tasks&task=LIST$/);
  await expect(panel(page, "Tasks").getByText("No tasks match these filters.")).toBeVisible();
  const reads = await waitForRequests(fake, listOf(dep, "tasks"), { count: 2 });
  expect(params(reads[1].query)).toEqual({ task: "LIST", limit: "10", sort_order: "desc" });
});

test("a task due later says when, and is not overdue", async ({ page, fake }) => {
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.strategy === "INFINITE");
  const [task] = (await api(fake, `/deployments/${dep.id}/tasks`)).tasks;
  // The browser's clock two hours before the task is due.
  await page.clock.setFixedTime(new Date(Date.parse(task.due_at) - 2 * 3600 * 1000));
  await openHistory(page, fake, dep, "?tab=tasks");
  const due = rows(page, "Tasks", "data-task").first().locator("td").nth(2).locator("time");
  await expect(due).toHaveText("in 2 h");
  await expect(due).not.toHaveClass(/task-overdue/);
});
