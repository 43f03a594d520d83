// The "Usage" section (issue 15): charts of each running replica's CPU, memory, disk and
// network from its node's /stats and /stats/stream, the range in the URL, the hover and
// keyboard read-out, the replica strip, an older node's plain message, axe and a phone.
import { test, expect } from "./fixtures.mjs";
import { pagingDeployment, runningJobs } from "./helpers/fake.mjs";
import { openHistory } from "./helpers/history-page.mjs";
import { runTimersFor } from "./helpers/detail-page.mjs";
import { expectAccessible } from "./helpers/axe.mjs";
import { expectFitsWidth } from "./helpers/phone.mjs";

const section = (page) => page.getByRole("region", { name: "Usage" });
const chart = (page, name) => section(page).locator("figure.usage-chart").filter({ has: page.locator("figcaption", { hasText: name }) });
const plot = (page, name) => section(page).getByRole("group", { name: new RegExp(`^${name} chart`) });
const table = (page) => section(page).getByRole("table", { name: "Latest usage" });
const card = (page, job) => section(page).locator(`li.usage-replica[data-job="${job}"]`);

/** The node requests of one kind for one job (the node double's log), oldest first. */
async function nodeReads(fake, kind, job) {
  return (await fake.nodeRequests()).filter((r) => r.kind === kind && r.path.startsWith(`/job/${job}/`));
}
const query = (r) => Object.fromEntries(new URLSearchParams(r.path.split("?")[1] ?? ""));

/** The fake's usage controls for a running job: `{restart?, leak?, pause?, history_hours?}`. */
const usage = (fake, job, change = {}) => fake.control("POST", `/jobs/${job}/usage`, change);

/** The number in a table cell such as "3,120 MB of 24.0 GB" or "81.2 %". */
const number = (text) => Number(text.replace(/,/g, "").match(/-?[\d.]+/)[0]);

async function openUsage(page, fake, range) {
  const dep = await pagingDeployment(fake);
  const jobs = await runningJobs(fake, dep);
  expect(jobs.length).toBeGreaterThan(1);
  await openHistory(page, fake, dep, range ? `?usage=${range}` : "");
  return { dep, jobs };
}

test("closed until asked; charts fill from /stats, then grow from the stream without a reload", async ({ page, fake }) => {
  const { jobs } = await openUsage(page, fake);
  const toggle = section(page).getByRole("button", { name: "Show usage" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(page).toHaveURL(/[?&]usage=15m\b/);

  // Each replica: its past from /stats (15 minutes of 5 s samples, with the node header), then the stream.
  for (const j of jobs) {
    await expect.poll(async () => (await nodeReads(fake, "stats", j.job)).length).toBeGreaterThan(0);
    const [first] = await nodeReads(fake, "stats", j.job);
    const q = query(first);
    expect(q.interval).toBe("5");
    expect(Number(q.end) - Number(q.start)).toBe(15 * 60_000);
    expect(first.authorization).toMatch(/^nosana-auth:/);
    expect(first.status).toBe(200);
    await expect.poll(async () => (await nodeReads(fake, "stats/stream", j.job)).map((r) => r.status)).toContain(200);
  }

  // Four charts, one line per op and replica, with axes and units.
  for (const [name, unit] of [["CPU", "(%)"], ["Memory", "(MB)"], ["Disk", "(MB/s)"], ["Network", "(MB/s)"]]) {
    await expect(chart(page, name).locator("figcaption")).toContainText(unit);
    await expect(chart(page, name).locator("path.usage-line")).toHaveCount(jobs.length);
    await expect(chart(page, name).locator("text.usage-tick").first()).toBeVisible();
  }
  await expect(chart(page, "Memory").locator(".usage-limit")).toHaveCount(1);
  await expect(section(page).locator(".usage-legend li")).toHaveCount(jobs.length);

  // Live: the latest time in the table moves on with the stream, no reload.
  const rows = table(page).locator("tbody tr");
  await expect(rows).toHaveCount(jobs.length);
  const firstTime = await rows.first().locator("td").first().textContent();
  expect(firstTime).toMatch(/^\d\d:\d\d:\d\d$/);
  await expect(rows.first().locator("td").first()).not.toHaveText(firstTime, { timeout: 15_000 });
  // The replica strip: the host's GPU, and CPU and memory as small bars.
  for (const j of jobs) {
    await expect(card(page, j.job)).toContainText("NVIDIA GeForce RTX 4090, 24.0 GB");
    await expect(card(page, j.job).locator("meter")).toHaveCount(2);
    await expect(card(page, j.job)).toContainText(/\d+\.\d %/);
  }

  await section(page).getByRole("button", { name: "Hide usage" }).click();
  await expect(page).not.toHaveURL(/usage=/);
  await expect(section(page).locator("figure.usage-chart")).toHaveCount(0);
});

test("the range is in the URL: a wider one fetches only what is missing, and a reload keeps it", async ({ page, fake }) => {
  const { jobs } = await openUsage(page, fake, "5m");
  const job = jobs[0].job;
  await expect.poll(async () => (await nodeReads(fake, "stats", job)).length).toBe(1);
  const [first] = await nodeReads(fake, "stats", job);
  expect(Number(query(first).end) - Number(query(first).start)).toBe(5 * 60_000);
  const fiveMin = section(page).getByRole("button", { name: "5 min", exact: true });
  await expect(fiveMin).toHaveAttribute("aria-pressed", "true");

  await section(page).getByRole("button", { name: "1 h", exact: true }).click();
  await expect(page).toHaveURL(/[?&]usage=1h\b/);
  await expect(section(page).getByRole("button", { name: "1 h", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(fiveMin).toHaveAttribute("aria-pressed", "false");
  // Only the missing 55 minutes were asked for: from an hour ago up to where the held past began.
  await expect.poll(async () => (await nodeReads(fake, "stats", job)).length).toBe(2);
  const wider = query((await nodeReads(fake, "stats", job))[1]);
  expect(Number(wider.end)).toBe(Number(query(first).start));
  expect(Number(wider.end) - Number(wider.start)).toBeGreaterThan(50 * 60_000);
  // A narrower range needs nothing new.
  await section(page).getByRole("button", { name: "15 min", exact: true }).click();
  await expect(page).toHaveURL(/[?&]usage=15m\b/);

  await page.goBack();
  await expect(page).toHaveURL(/[?&]usage=1h\b/);
  await page.reload();
  await expect(section(page).getByRole("button", { name: "1 h", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(chart(page, "CPU").locator("path.usage-line")).toHaveCount(jobs.length);
  expect((await nodeReads(fake, "stats", job)).length).toBeGreaterThanOrEqual(3);
});

test("hover and keyboard read-outs give the exact values and time", async ({ page, fake }) => {
  const { jobs } = await openUsage(page, fake, "5m");
  const cpu = plot(page, "CPU");
  await expect(chart(page, "CPU").locator("path.usage-line")).toHaveCount(jobs.length);
  const readout = chart(page, "CPU").locator(".usage-readout");
  await expect(readout).toContainText("Point at the chart");

  const box = await cpu.boundingBox();
  await cpu.hover({ position: { x: box.width - 12, y: box.height / 2 } });
  await expect(readout.locator(".usage-readout-time")).toHaveText(/^At \d\d:\d\d:\d\d$/);
  await expect(readout.locator("li")).toHaveCount(jobs.length);
  await expect(readout.locator("li").first()).toHaveText(/^Replica 1 · .+: \d+\.\d %$/);
  // The crosshair is drawn on every chart at once.
  await expect(section(page).locator(".usage-cursor")).toHaveCount(4);
  // Disk: the rate and its two parts.
  await expect(chart(page, "Disk").locator(".usage-readout li").first()).toHaveText(/MB\/s|KB\/s/);
  await expect(chart(page, "Disk").locator(".usage-readout li").first()).toContainText("read");

  // Keyboard: End puts the read-out on the latest sample, which is the table's latest value.
  await page.mouse.move(0, 0);
  await expect(readout).toContainText("Point at the chart");
  await cpu.focus();
  await page.keyboard.press("End");
  const latest = await table(page).locator("tbody tr").first().locator("td").nth(1).textContent();
  const shown = await readout.locator("li").first().textContent();
  expect(shown).toContain(latest.trim());
  await page.keyboard.press("ArrowLeft");
  await expect(readout.locator(".usage-readout-time")).not.toHaveText(`At ${await table(page).locator("tbody tr").first().locator("td").first().textContent()}`);
  await page.keyboard.press("Escape");
  await expect(readout).toContainText("Point at the chart");
});

test("a restart is marked, never a negative rate; a leak climbs in the memory figures", async ({ page, fake }) => {
  const { jobs } = await openUsage(page, fake, "5m");
  const job = jobs[0].job;
  const { ops } = await usage(fake, job);
  await expect(chart(page, "Disk").locator("path.usage-line")).toHaveCount(jobs.length);
  const row = table(page).locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: /^Replica 1 · / }) });
  await expect(row.locator("td").nth(2)).toHaveText(/[\d,]+ MB/);
  const before = number(await row.locator("td").nth(2).textContent());

  await usage(fake, job, { restart: ops[0], leak: ops[0] });
  // The counters start again from 0: a restart mark on the rate charts, no negative figure.
  await expect(chart(page, "Disk").locator(".usage-restart")).toHaveCount(1, { timeout: 15_000 });
  await expect(chart(page, "Network").locator(".usage-restart")).toHaveCount(1);
  for (const cell of await table(page).locator("tbody td").allTextContents()) expect(cell).not.toMatch(/-\d/);
  // 100 MB a second more memory (the figures vary by at most 300 MB) on that op (Replica 1 is the first running job).
  await expect.poll(async () => number(await row.locator("td").nth(2).textContent()), { timeout: 20_000 }).toBeGreaterThan(before + 600);
});

test("an older node says it does not report usage, and nothing asks it again", async ({ page, fake }) => {
  await fake.config({ older_nodes: true });
  // The browser reports each 404 answer in the console; the page itself says it plainly.
  page.allowConsoleErrors();
  await page.clock.install();
  const { jobs } = await openUsage(page, fake, "15m");
  await expect(section(page).locator(".usage-not-offered")).toHaveText("This node does not report usage.");
  for (const j of jobs) await expect(card(page, j.job)).toContainText("This node does not report usage.");
  await expect(section(page).locator("figure.usage-chart").first()).toBeHidden();
  await expect(section(page).getByRole("alert")).toHaveCount(0);
  const asked = async () => (await fake.nodeRequests()).filter((r) => r.kind.startsWith("stats"));
  await expect.poll(async () => (await asked()).length).toBe(jobs.length);
  expect((await asked()).every((r) => r.kind === "stats" && r.status === 404)).toBe(true);
  // A minute later (and a wider range): still one question per node.
  await runTimersFor(page, 60_000);
  await section(page).getByRole("button", { name: "24 h", exact: true }).click();
  await expect(page).toHaveURL(/usage=24h/);
  await runTimersFor(page, 60_000);
  expect((await asked()).length).toBe(jobs.length);
});

test("the strip says how long no reading came instead of showing stale numbers", async ({ page, fake }) => {
  await page.clock.install();
  const { jobs } = await openUsage(page, fake, "5m");
  const job = jobs[0].job;
  await expect(card(page, job)).toContainText(/\d+\.\d %/);
  await usage(fake, job, { pause: true });
  // 15 s without a frame: a light /stats poll for what came since the last sample.
  await runTimersFor(page, 16_000);
  await expect.poll(async () => (await nodeReads(fake, "stats", job)).filter((r) => r.status === 200).length).toBe(2);
  const poll = query((await nodeReads(fake, "stats", job))[1]);
  expect(Number(poll.end) - Number(poll.start)).toBeLessThan(60_000);
  // Whatever that poll brought, the node then stays silent: the numbers give way.
  await runTimersFor(page, 20_000);
  await expect(card(page, job)).toContainText(/No reading for (1[5-9]|[2-9]\d) s/);
  await expect(card(page, job)).not.toContainText("%");
  await expect(card(page, job).locator("meter")).toHaveCount(0);
});

test("axe passes on the charts and read-out, and a 390 px phone needs no sideways scrolling", async ({ page, fake }) => {
  const { jobs } = await openUsage(page, fake, "15m");
  await expect(chart(page, "Network").locator("path.usage-line")).toHaveCount(jobs.length);
  const cpu = plot(page, "CPU");
  const box = await cpu.boundingBox();
  await cpu.hover({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(chart(page, "CPU").locator(".usage-readout li").first()).toBeVisible();
  await expectAccessible(page, "usage charts with a read-out");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(async () => Math.round((await cpu.boundingBox()).width)).toBeLessThan(390);
  await expect(chart(page, "CPU").locator("path.usage-line")).toHaveCount(jobs.length);
  await expectFitsWidth(page, "usage on a phone");
  // Labels keep their size: the chart is drawn at its width, not scaled down.
  const svgWidth = await chart(page, "CPU").locator("svg").getAttribute("width");
  expect(Math.abs(Number(svgWidth) - (await cpu.boundingBox()).width)).toBeLessThan(2);
});
