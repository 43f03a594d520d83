// The usage charts benchmark (issue 15 item 9), in Debian's headless Chromium against the fake:
//   1. 24 h of 5-second samples for 4 replicas (17,280 a replica, 69,120 in all) drawn, and
//      drawn again on a range change, each within 100 ms;
//   2. a live sample (one /stats/stream frame) costs under 5 ms of main-thread time (also as
//      CPU time from a trace: all main-thread tasks while the frames come, over the frames).
// "Drawn" runs from the click (or from the last /stats answer's end) to the first frame after
// the charts changed (for the first draw: seen by a MutationObserver in the page); "live" from a stream chunk's arrival to the end of the task that handled it.
// Writes bench/results/usage-latest.json.
//
//   node bench/usage.mjs [--runs 5] [--frames 12] [--dist dist]
import { chromium } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { API_KEY, startFake } from "../tests/e2e/fake.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    frames: { type: "string", default: "12" },
    dist: { type: "string", default: join(ROOT, "dist") },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const FRAMES = Math.max(1, Number(opts.frames));
const REPLICAS = 4;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

// Runs in the page before the app: signs in, and times stream chunks and chart changes.
function probe({ apiKey, apiUrl, lines, meters }) {
  if (location.protocol !== "http:") return;
  sessionStorage.setItem("nosana.apiKey", apiKey);
  sessionStorage.setItem("nosana.apiUrl", apiUrl);
  const bench = (window.__usageBench = { live: [], longTasks: [] });
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) bench.longTasks.push({ start: t.startTime, ms: t.duration });
  }).observe({ type: "longtask", buffered: true });
  // A usage frame's work runs in the microtasks after its chunk's read resolves; a task posted
  // then runs once they are done, so the gap is the frame's main-thread time (an upper bound).
  const read = ReadableStreamDefaultReader.prototype.read;
  const decoder = new TextDecoder();
  ReadableStreamDefaultReader.prototype.read = function () {
    return read.call(this).then((r) => {
      if (r.value && decoder.decode(r.value).includes('"opId"')) {
        const t0 = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.live.push(performance.now() - t0);
        queueMicrotask(() => channel.port2.postMessage(0));
      }
      return r;
    });
  };
  const paths = () => [...document.querySelectorAll("figure.usage-chart path.usage-line")];
  bench.points = () => paths().reduce((n, p) => n + (p.getAttribute("d").match(/[ML]/g) || []).length, 0);
  bench.lines = () => paths().length;
  // The first frame with every line drawn (and the strip's bars), seen in the page itself: a
  // check from outside adds Playwright's polling and a round trip to the figure.
  bench.drawnAt = null;
  const drawn = new MutationObserver(() => {
    if (bench.drawnAt !== null) return;
    const ps = paths();
    if (ps.length < lines || !ps.every((p) => p.getAttribute("d")) || document.querySelectorAll(".usage-strip meter").length < meters) return;
    bench.drawnAt = -1;
    drawn.disconnect();
    requestAnimationFrame(() => setTimeout(() => (bench.drawnAt = performance.now()), 0));
  });
  addEventListener("DOMContentLoaded", () => drawn.observe(document.body, { subtree: true, childList: true, attributes: true }));
  /** Clicks the range button `label` and resolves with ms until the frame after the charts changed. */
  bench.range = (label) =>
    new Promise((resolve) => {
      const button = [...document.querySelectorAll(".usage-range")].find((b) => b.textContent.trim() === label);
      const first = paths()[0]?.getAttribute("d");
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (paths()[0]?.getAttribute("d") === first) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      button.click();
    });
}

/** The renderer main thread's CPU (thread time) while traced: in all top-level tasks, and in
 * microtask checkpoints (where a stream chunk's samples are taken and the charts updated). */
function mainThreadCpu(trace) {
  const events = trace.traceEvents || trace;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.tdur !== undefined).sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = -Infinity;
  for (const e of mine) {
    if (e.ts >= end) {
      total += e.tdur;
      end = e.ts + e.dur;
    }
  }
  const microtasks = mine.filter((e) => e.name === "BlinkScheduler_PerformMicrotaskCheckpoint").reduce((n, e) => n + e.tdur, 0);
  const stamped = events.filter((e) => e.ts > 0);
  const span = Math.max(...stamped.map((e) => e.ts + (e.dur || 0))) - Math.min(...stamped.map((e) => e.ts));
  return { totalMs: total / 1000, microtaskMs: microtasks / 1000, spanMs: span / 1000 };
}

async function run(browser, fake, dep, jobs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(probe, { apiKey: API_KEY, apiUrl: fake.apiUrl, lines: 4 * jobs.length, meters: 2 * jobs.length });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${fake.url}/deployments/${dep.id}?usage=24h`);
  await page
    .waitForFunction((n) => window.__usageBench?.lines() >= 4 * n && document.querySelectorAll(".usage-strip meter").length >= 2 * n, jobs.length, { timeout: 90_000 })
    .catch(async (e) => {
      const seen = await page.evaluate(() => ({ url: location.href, lines: window.__usageBench?.lines(), text: document.querySelector(".usage")?.innerText.slice(0, 400) }));
      throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
    });
  // First draw: from the last /stats answer to the first frame with every line.
  const first = await page.evaluate(async () => {
    const stats = performance.getEntriesByType("resource").filter((e) => /\/stats\?/.test(e.name));
    const answered = Math.max(...stats.map((e) => e.responseEnd));
    const bytes = stats.reduce((n, e) => n + (e.decodedBodySize || 0), 0);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { answered, bytes, requests: stats.length };
  });
  const drawnAt = await page.evaluate(() => performance.now());
  const drawnInPage = await page.waitForFunction(() => window.__usageBench.drawnAt > 0).then((h) => h.jsonValue()).then(() => page.evaluate(() => window.__usageBench.drawnAt));
  const held = await page.evaluate(() => window.__usageBench.points());
  const ranges = [];
  for (const label of ["1 h", "24 h", "5 min", "24 h", "6 h", "24 h"]) {
    ranges.push({ label, ms: await page.evaluate((l) => window.__usageBench.range(l), label) });
  }
  const before = await page.evaluate(() => window.__usageBench.live.length);
  // CPU time (not wall time) of the page's main thread while the live frames come, from a
  // Chromium trace: on a loaded machine a task's wall time is mostly waiting for a core.
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute"] });
  await page.waitForFunction((n) => window.__usageBench.live.length >= n, before + FRAMES, { timeout: 120_000 });
  const live = await page.evaluate((from) => window.__usageBench.live.slice(from), before);
  const traced = JSON.parse((await browser.stopTracing()).toString());
  const cpu = mainThreadCpu(traced);
  if (process.env.USAGE_TRACE_FILE) writeFileSync(process.env.USAGE_TRACE_FILE, JSON.stringify(traced));
  const longest = await page.evaluate(() => Math.max(0, ...window.__usageBench.longTasks.map((t) => t.ms)));
  const domNodes = await page.evaluate(() => document.querySelectorAll(".usage-charts *").length);
  await context.close();
  return { liveCpuMs: cpu.totalMs, liveMicrotaskCpuMs: cpu.microtaskMs, liveSpanMs: cpu.spanMs, liveFrames: live.length, firstDrawMs: drawnInPage - first.answered, firstDrawPolledMs: drawnAt - first.answered, statsBytes: first.bytes, statsRequests: first.requests, pathPoints: held, domNodes, ranges, live, longestTaskMs: longest, problems };
}

process.env.DIST_DIR = opts.dist;
const fake = await startFake();
try {
  // A seeded deployment with exactly 4 running jobs on nodes: the page follows every running
  // job, so with more the first draw would be judged on a subset (and could end before the
  // last answer was read). Without one, the one with the most, all of its jobs counted.
  const get = async (path) => (await fetch(`${fake.apiUrl}${path}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json();
  let dep = null;
  let jobs = [];
  for (const d of await fake.deployments()) {
    const running = (await get(`/deployments/${d.id}/jobs?state=RUNNING`)).jobs.filter((j) => j.node);
    if (running.length === REPLICAS || (jobs.length !== REPLICAS && running.length > jobs.length)) [dep, jobs] = [d, running];
    if (jobs.length === REPLICAS) break;
  }
  let samples = 0;
  for (const j of jobs) {
    const res = await fake.control("POST", `/jobs/${j.job}/usage`, { history_hours: 24 });
    samples += 17_280 * res.ops.length;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run(browser, fake, dep, jobs);
    runs.push(r);
    console.log(`run ${i + 1}: first draw ${r.firstDrawMs.toFixed(0)} ms (polled from outside ${r.firstDrawPolledMs.toFixed(0)}), ranges ${r.ranges.map((x) => `${x.label} ${x.ms.toFixed(0)}`).join(", ")} ms, live median ${median(r.live).toFixed(2)} ms (max ${Math.max(...r.live).toFixed(2)}), main-thread CPU while live ${r.liveCpuMs.toFixed(0)} ms in ${(r.liveSpanMs / 1000).toFixed(0)} s for ${r.liveFrames} frames (${(r.liveCpuMs / r.liveFrames).toFixed(2)} ms a frame, everything included; in microtasks ${(r.liveMicrotaskCpuMs / r.liveFrames).toFixed(2)} ms a frame), path points ${r.pathPoints}, chart DOM nodes ${r.domNodes}${r.problems.length ? `, problems: ${r.problems.join("; ")}` : ""}`);
  }
  await browser.close();
  const rangeMs = runs.flatMap((r) => r.ranges.map((x) => x.ms));
  const liveMs = runs.flatMap((r) => r.live);
  const summary = {
    replicas: jobs.length,
    samplesHeld: samples,
    statsBytes: runs[0].statsBytes,
    firstDrawMedianMs: median(runs.map((r) => r.firstDrawMs)),
    firstDrawPolledMedianMs: median(runs.map((r) => r.firstDrawPolledMs)),
    rangeChangeMedianMs: median(rangeMs),
    rangeChangeMaxMs: Math.max(...rangeMs),
    liveMedianMs: median(liveMs),
    liveMaxMs: Math.max(...liveMs),
    liveCpuPerFrameMedianMs: median(runs.map((r) => r.liveCpuMs / r.liveFrames)),
    liveMicrotaskCpuPerFrameMedianMs: median(runs.map((r) => r.liveMicrotaskCpuMs / r.liveFrames)),
    pathPoints: runs[0].pathPoints,
    chartDomNodes: runs[0].domNodes,
    load: loadavg().map((l) => l.toFixed(1)).join(" "),
    cpus: cpus().length,
  };
  console.log(JSON.stringify(summary, null, 2));
  for (const [name, value, limit] of [
    ["first draw of 24 h x 4 replicas, median", summary.firstDrawMedianMs, 100],
    ["re-draw on a range change, median", summary.rangeChangeMedianMs, 100],
    ["live sample main-thread time, median", summary.liveMedianMs, 5],
  ]) console.log(`${value <= limit ? "PASS" : "OVER"} ${name}: ${value.toFixed(1)} ms (budget ${limit} ms)`);
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "usage-latest.json"), JSON.stringify({ summary, runs }, null, 2));
} finally {
  fake.stop();
}
