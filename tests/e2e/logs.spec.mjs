// The Logs tab (?tab=logs): live lines from the node double's /flog sockets of every running
// job, merged with replica badges; filters and search in the URL; follow and "Jump to
// latest"; reconnects without duplicates; a job ending (result lines replace live ones);
// a hostile line shown as text; the download; the key and node header kept out of storage
// and URLs. The node double and its control routes are the fake's (tests/fake-nosana/src/nodes).
import { test, expect } from "./fixtures.mjs";
import { API_KEY } from "./helpers/fake.mjs";
import { waitForRequests } from "./helpers/request-log.mjs";
import { openHistory } from "./helpers/history-page.mjs";
import { logPane as pane, logRow as row, logRows as rows, runningOnNodes as runningDeployment, socketsOf } from "./helpers/logs-page.mjs";

const search = (page) => page.getByRole("searchbox", { name: "Search logs" });
/** Writes lines to a running job's node (sent live to its sockets). */
const push = (fake, job, lines) => fake.pushLines(job, lines);
/** What reached the node double (sockets, /info), oldest first. */
const nodeRequests = (fake) => fake.nodeRequests();

async function openLogs(page, fake, dep, query = "") {
  // Only the lines a test writes: the node double's automatic output stays off.
  await fake.nodeOutput(false);
  await openHistory(page, fake, dep, `?tab=logs${query}`);
  await expect(page.getByRole("tab", { name: "Logs", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(pane(page)).toBeVisible();
  // The pane is below the fold: bring it into the page's viewport (rows are judged in both).
  await pane(page).scrollIntoViewIfNeeded();
}

/** The Logs tab of a deployment with `n` running jobs on nodes, once each job's socket is open. */
async function openLive(page, fake, n = 1) {
  const { dep, jobs } = await runningDeployment(fake, n);
  await openLogs(page, fake, dep);
  for (const j of jobs.slice(0, n)) await socketsOf(fake, j.job, 1);
  return { dep, jobs, job: jobs[0].job };
}

test("live lines of two replicas arrive without a reload, merged by time with a badge each", async ({ page, fake }) => {
  const { jobs } = await openLive(page, fake, 2);
  const [a, b] = jobs;
  // Every job is listed with its state: the running ones live, ended ones (with results) too.
  const replicas = page.getByRole("group", { name: "Replicas" });
  for (const j of [a, b]) {
    await expect(replicas.locator(`label[data-job="${j.job}"]`)).toContainText(/Replica \d+ · .{8} · Running, live/);
  }

  await push(fake, a.job, ["marker-one from A"]);
  await push(fake, b.job, ["marker-two from B"]);
  await push(fake, a.job, ["marker-three from A"]);
  const one = row(page, "marker-one from A");
  const two = row(page, "marker-two from B");
  const three = row(page, "marker-three from A");
  await expect(three).toHaveCount(1);
  await expect(one).toHaveCount(1);
  await expect(two).toHaveCount(1);
  // One badge per job, its colour class and name the same on every line of that job.
  const badgeA = await one.locator(".log-replica").textContent();
  const badgeB = await two.locator(".log-replica").textContent();
  expect(badgeA).toMatch(/^Replica \d+$/);
  expect(badgeB).toMatch(/^Replica \d+$/);
  expect(badgeA).not.toBe(badgeB);
  await expect(three.locator(".log-replica")).toHaveText(badgeA);
  await expect(one.locator(".log-stream")).toHaveText("stdout");
  // Time order: A's first line, then B's, then A's second.
  const ids = await rows(page).evaluateAll((els) => els.map((e) => e.textContent));
  const at = (t) => ids.findIndex((x) => x.includes(t));
  expect(at("marker-one")).toBeLessThan(at("marker-two"));
  expect(at("marker-two")).toBeLessThan(at("marker-three"));
  // Local time shown, UTC on hover.
  await expect(one.locator(".log-time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z UTC$/);
  // Every line's "Copy" reads "Copy" and has a name of its own (replica and time).
  const copies = rows(page).filter({ hasText: "marker-" }).getByRole("button", { name: /^Copy link to the Replica \d+ line at \d\d:\d\d:\d\d\.\d{3}$/ });
  await expect(copies).toHaveCount(3);
  const names = await copies.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  expect(new Set(names).size).toBe(3);
  for (const name of names) {
    await expect(pane(page).getByRole("button", { name, exact: true })).toHaveText("Copy");
  }
});

test("filters and search narrow the lines, highlight matches, and live in the URL", async ({ page, fake }) => {
  const { jobs } = await openLive(page, fake, 2);
  const [a, b] = jobs;
  await push(fake, a.job, ["alpha needle line", { type: "error", message: "alpha node trouble\n" }]);
  await push(fake, b.job, ["beta needle line"]);
  await expect(row(page, "beta needle line")).toHaveCount(1);

  await search(page).fill("NEEDLE");
  await expect(page).toHaveURL(/[?&]q=NEEDLE(&|$)/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).locator("mark")).toHaveText(["needle", "needle"]);

  // Only replica A.
  const replicas = page.getByRole("group", { name: "Replicas" });
  await replicas.locator(`label[data-job="${b.job}"]`).getByRole("checkbox").uncheck();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("alpha needle line");
  const shown = new URL(page.url()).searchParams.get("replicas").split(",");
  expect(shown).toContain(a.job.slice(0, 8));
  expect(shown).not.toContain(b.job.slice(0, 8));

  // Levels: the node's error line is under "Errors" and "System", not "Output".
  await search(page).fill("");
  const levels = page.getByRole("group", { name: "Levels" });
  await levels.getByRole("checkbox", { name: "Output" }).uncheck();
  await expect(row(page, "alpha node trouble")).toHaveCount(1);
  await expect(row(page, "alpha needle line")).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]levels=errors%2Csystem(&|$)|[?&]levels=errors,system(&|$)/);

  // A shared link opens the same view.
  const url = page.url();
  await page.goto(url);
  await expect(pane(page)).toBeVisible();
  await expect(row(page, "alpha node trouble")).toHaveCount(1);
  await expect(row(page, "beta needle line")).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Levels" }).getByRole("checkbox", { name: "Output" })).not.toBeChecked();
});

test("following keeps the newest line in view; scrolling up pauses it and offers Jump to latest", async ({ page, fake }) => {
  const { job } = await openLive(page, fake);
  await push(fake, job, Array.from({ length: 200 }, (_, i) => `bulk line ${i}`));
  await expect(row(page, "bulk line 199")).toBeInViewport();
  await expect(page.getByLabel("Follow")).toBeChecked();

  // The reader scrolls up: following pauses, and what they read stays put.
  await pane(page).evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(page.getByLabel("Follow")).not.toBeChecked();
  const top = await rows(page).first().getAttribute("data-line-id");
  await push(fake, job, ["late one", "late two", "late three"]);
  const jump = page.getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toHaveText("Jump to latest (3 new lines)");
  await expect(rows(page).first()).toHaveAttribute("data-line-id", top);
  await expect(row(page, "late three")).toHaveCount(0);

  await jump.click();
  await expect(row(page, "late three")).toBeInViewport();
  await expect(page.getByLabel("Follow")).toBeChecked();
  await expect(jump).toBeHidden();
});

test("a dropped socket reconnects and no line is shown twice", async ({ page, fake }) => {
  const { job } = await openLive(page, fake);
  await push(fake, job, ["before the drop"]);
  await expect(row(page, "before the drop")).toHaveCount(1);

  await fake.dropSockets(job);
  // The node replays what it holds on the new socket: nothing old comes twice.
  await socketsOf(fake, job, 2);
  await push(fake, job, ["after the drop"]);
  await expect(row(page, "after the drop")).toHaveCount(1);
  await expect(row(page, "before the drop")).toHaveCount(1);
  const ids = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-line-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("a job that ends closes its socket, and its result's lines replace the live ones", async ({ page, fake }) => {
  const { dep, job } = await openLive(page, fake);
  await push(fake, job, [{ message: "said on stderr\n", stream: "stderr" }]);
  const line = row(page, "said on stderr");
  // Live, the node cannot tell stderr from stdout.
  await expect(line.locator(".log-stream")).toHaveText("stdout");

  // The node uploads the result a while after the end: until then the view says so.
  await fake.config({ result_delay_ms: 2500 });
  await fake.endJob(job, "COMPLETED");
  await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}/jobs/${job}` }, { atLeast: 1 });
  await expect(page.locator(`.log-note[data-job="${job}"]`)).toContainText("result is not uploaded yet");
  await expect(line.locator(".log-stream")).toHaveText("stdout");
  // The result tells them apart.
  await expect(line.locator(".log-stream")).toHaveText("stderr", { timeout: 15_000 });
  await expect(page.locator(`.log-note[data-job="${job}"]`)).toHaveCount(0);
  await expect(line).toHaveCount(1);
  await expect
    .poll(async () => (await nodeRequests(fake)).filter((r) => r.kind === "flog" && r.handshake?.includes(job)).every((r) => r.closed_by_client || r.status != null))
    .toBe(true);
  await expect(page.getByRole("group", { name: "Replicas" })).toContainText("Completed");
});

test("a hostile line is shown as text: markup, a 1 MB line and broken ANSI", async ({ page, fake }) => {
  const { job } = await openLive(page, fake);
  const markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const huge = `huge-start ${"x".repeat(1_000_000)}`;
  // An out-of-range colour, a sequence broken by a character no sequence holds, a lone ESC.
  await push(fake, job, [markup, huge, "\u001b[31mred\u001b[0m plain \u001b[38;5;999mbad\u001b[12;ünd end\u001b"]);
  await expect(row(page, "onerror")).toHaveCount(1);
  await expect(row(page, "onerror").locator(".log-text")).toHaveText(markup);
  await expect(pane(page).locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const big = row(page, "huge-start");
  await expect(big.locator(".log-more")).toHaveText(/^… [\d,]+ more characters$/);
  const red = row(page, "plain");
  await expect(red.locator(".log-text")).toHaveText("red plain badünd end");
  await expect(red.locator(".log-text span").first()).toHaveCSS("color", "rgb(205, 49, 49)");
});

test("image-pull progress frames fold into one updating line per layer", async ({ page, fake }) => {
  const { job } = await openLive(page, fake);
  const bar = (type, payload) => ({ type: "info", message: { type, payload } });
  const layer = (id, status, progressDetail = {}) => bar("multi-process-bar-update", { event: { id, status, progressDetail } });
  const MB = 1_000_000;
  await push(fake, job, [bar("multi-process-bar-start", { image: "ubuntu:24.04" }), layer("aaa111", "Pulling fs layer"), layer("bbb222", "Pulling fs layer")]);
  const a = row(page, "Layer aaa111:");
  const b = row(page, "Layer bbb222:");
  await expect(a.locator(".log-text")).toHaveText("Layer aaa111: Pulling fs layer");
  await expect(b.locator(".log-text")).toHaveText("Layer bbb222: Pulling fs layer");

  // 200 frames, interleaved as a pull sends them: still one line per layer, updated in place.
  const frames = [];
  for (let i = 1; i <= 100; i += 1) {
    frames.push(layer("aaa111", "Downloading", { current: i * MB, total: 100 * MB }));
    frames.push(layer("bbb222", "Downloading", { current: i * 200_000, total: 40 * MB }));
  }
  await push(fake, job, frames);
  await expect(a.locator(".log-text")).toHaveText("Layer aaa111: Downloading 100.0 MB / 100.0 MB (100%)");
  await expect(b.locator(".log-text")).toHaveText("Layer bbb222: Downloading 20.0 MB / 40.0 MB (50%)");
  // Of every line held (ended jobs' results, replays), one is each layer's.
  const onlyOne = async (text) => {
    await search(page).fill(text);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.locator(".log-count")).toHaveText(/^1 of \d+ lines shown$/);
    await search(page).fill("");
  };
  await onlyOne("Layer aaa111");
  await onlyOne("Layer bbb222");

  // A final status ends a layer; the stop frame ends the rest. A pull's summary is a line of its own.
  await push(fake, job, [layer("aaa111", "Pull complete"), layer(undefined, "Digest: sha256:0123"), bar("multi-process-bar-stop", {})]);
  await expect(a.locator(".log-text")).toHaveText("Layer aaa111: Pull complete 100.0 MB / 100.0 MB (100%) — done");
  await expect(b.locator(".log-text")).toHaveText("Layer bbb222: Downloading 20.0 MB / 40.0 MB (50%) — done");
  await expect(row(page, "Digest: sha256:0123")).toHaveCount(1);
  // An unknown shape is shown as text, not dropped.
  await push(fake, job, [{ type: "info", message: { type: "mystery-bar", payload: { n: 1 } } }]);
  await expect(row(page, "mystery-bar")).toHaveCount(1);
  await onlyOne("Layer aaa111");
  await onlyOne("Layer bbb222");
});

test("Download logs saves what the filters show as plain text", async ({ page, fake }) => {
  const { dep, job } = await openLive(page, fake);
  await push(fake, job, ["\u001b[1mkeep\u001b[0m me", "drop me"]);
  await expect(row(page, "drop me")).toHaveCount(1);
  await search(page).fill("keep");
  await expect(rows(page)).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download logs" }).click()]);
  expect(download.suggestedFilename()).toBe(`nosana-logs-${dep.id}.txt`);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  const lines = text.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  const [time, replica, op, stream, body] = lines[0].split("\t");
  expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(replica).toMatch(/^Replica \d+$/);
  expect(op.length).toBeGreaterThan(0);
  expect(stream).toBe("stdout");
  expect(body).toBe("keep me");
});

test("a line's permalink opens the view scrolled to that line, marked", async ({ page, fake, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { dep, job } = await openLive(page, fake);
  await push(fake, job, ["the line to share", ...Array.from({ length: 150 }, (_, i) => `filler ${i}`)]);
  await expect(row(page, "filler 149")).toBeInViewport();
  // Found by search; its link carries no filter, only the line.
  await search(page).fill("the line to share");
  await expect(rows(page)).toHaveCount(1);
  const shared = row(page, "the line to share");
  const id = await shared.getAttribute("data-line-id");
  await shared.getByRole("button", { name: "Copy" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${fake.url}/deployments/${dep.id}?tab=logs&line=${id}`);

  await page.goto(link);
  const marked = row(page, "the line to share");
  await expect(marked).toHaveAttribute("aria-current", "true");
  // The app scrolls the pane to the line and brings the pane into the page's view, and keeps
  // it there while the fields above it (cost, job status) arrive: nothing here scrolls.
  await expect(marked).toBeInViewport();
  await expect(pane(page)).toBeInViewport({ ratio: 1 });
  await expect(page.getByLabel("Follow")).not.toBeChecked();
});

test("the API key and the node header reach no storage and no URL", async ({ page, fake }) => {
  const { dep, jobs } = await runningDeployment(fake, 1);
  const job = jobs[0].job;
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  page.on("websocket", (ws) => urls.push(ws.url()));
  await openLogs(page, fake, dep);
  const [socket] = await socketsOf(fake, job, 1);
  const header = JSON.parse(socket.handshake).header;
  expect(header).toMatch(/^nosana-auth:.+/);
  await push(fake, job, ["a line"]);
  await expect(row(page, "a line")).toHaveCount(1);
  const stored = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    url: location.href,
  }));
  const signature = header.split(":")[1];
  for (const [where, value] of Object.entries(stored)) {
    expect(value, `the node header in ${where}`).not.toContain(signature);
  }
  expect(stored.local).not.toContain(API_KEY);
  expect(stored.cookie).not.toContain(API_KEY);
  for (const u of urls) {
    expect(u, "a URL").not.toContain(signature);
    expect(u, "a URL").not.toContain(API_KEY);
  }
});

const SIGN = { method: "POST", path: "/auth/sign-message/external" };

test("a refused node header is signed again once for all jobs; refused again, the view says so", async ({ page, fake }) => {
  const { dep, jobs } = await runningDeployment(fake, 1);
  const job = jobs[0].job;
  await openLogs(page, fake, dep);
  const [first] = await socketsOf(fake, job, 1);
  const stale = JSON.parse(first.handshake).header;
  await waitForRequests(fake, SIGN, { count: 1 });

  // Every header issued so far goes stale; the next handshake is refused with 3000.
  await fake.rotateNodeSignature();
  await fake.dropSockets(job);
  // The socket comes back with the new header: either its own handshake was refused first
  // (a third socket), or the job's status stream (Replica health) was refused and got the
  // new header before the socket reconnected (a second one). Either way, one new signature.
  await expect
    .poll(async () => (await socketsOf(fake, job, 2)).some((s) => JSON.parse(s.handshake).header !== stale), {
      message: "a log socket with the new header",
      timeout: 10_000,
    })
    .toBe(true);
  await waitForRequests(fake, SIGN, { count: 2 });
  await push(fake, job, ["after the new header"]);
  await expect(row(page, "after the new header")).toHaveCount(1);

  // Now the API keeps answering a stale header: one more try, then a plain-words message.
  const signature = stale.slice(stale.indexOf(":") + 1);
  await page.route("**/api/auth/sign-message/external", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ signature, message: "nosana-auth", userAddress: "x" }) }),
  );
  await fake.rotateNodeSignature();
  await fake.dropSockets(job);
  await expect(page.locator(`.log-note[data-job="${job}"]`)).toContainText("The node refused the authorization header again");
  await expect(page.getByRole("group", { name: "Replicas" })).toContainText("not followed");
  // The lines already shown stay.
  await expect(row(page, "after the new header")).toHaveCount(1);
});

test("without the sign route the header comes from the deployment's header route", async ({ page, fake }) => {
  const { dep, jobs } = await runningDeployment(fake, 1);
  const job = jobs[0].job;
  // The missing sign route's 404 reaches the console; that is the point here.
  page.allowConsoleErrors();
  await fake.config({ sign_message: false, header_bare: true });
  await openLogs(page, fake, dep);
  const [socket] = await socketsOf(fake, job, 1);
  expect(JSON.parse(socket.handshake).header).toMatch(/^nosana-auth:[1-9A-HJ-NP-Za-km-z]+$/);
  const [fallback] = await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}/header` });
  expect(fallback.query).toContain("message=nosana-auth");
  await push(fake, job, ["through the fallback"]);
  await expect(row(page, "through the fallback")).toHaveCount(1);
});

test("a job's details show the same view narrowed to that job", async ({ page, fake }) => {
  const { dep, jobs } = await runningDeployment(fake, 2);
  const [a, b] = jobs;
  await fake.nodeOutput(false);
  await openHistory(page, fake, dep);
  const jobRow = page.locator(`#history-panel-jobs tr[data-job="${a.job}"]`);
  await jobRow.getByRole("button", { name: "Details" }).click();
  await page.getByRole("button", { name: "Show this job's logs" }).click();
  const narrowed = page.locator(".logs-narrowed");
  await expect(narrowed.getByRole("region", { name: "Log lines" })).toBeVisible();
  await socketsOf(fake, a.job, 1);
  await push(fake, a.job, ["only this job"]);
  await push(fake, b.job, ["another job"]);
  await expect(narrowed.locator("[data-line-id]").filter({ hasText: "only this job" })).toHaveCount(1);
  await expect(narrowed.locator("[data-line-id]").filter({ hasText: "another job" })).toHaveCount(0);
  // Its filter stays in the page: the URL is still the Jobs tab's.
  await narrowed.getByRole("searchbox", { name: "Search logs" }).fill("only");
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}(\\?tab=jobs)?$`));
});
