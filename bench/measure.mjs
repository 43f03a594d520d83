// The browser measurements: one list load, filter and detail click per run (a fresh browser
// context each run, so the HTTP cache is cold like a first visit), and one soak of live updates.
import { probe } from "./probe.mjs";

export const LIMIT = 100;
const SETTLE_MS = 500; // after a view renders, time for any late or duplicate request to show up
const STEP_TIMEOUT_MS = 30_000;
const PRELOAD_START_MS = 50; // time for a preload's first fetch to start after the pointer arrives
const PRELOAD_CAP_MS = 2_000;
// The log read directly after SETTLE_MS: the e2e helpers' fake.requests() refuses plain reads
// (they race the app's requests in a test); here the settle time is what is measured against.
const requestLog = (fake) => fake.control("GET", "/requests");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** page.evaluate that fails after STEP_TIMEOUT_MS instead of waiting forever for a check. */
async function evaluate(page, what, fn, arg) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what} (url ${page.url()})`)), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([page.evaluate(fn, arg), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openPage(browser, fake, apiKey) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe, { apiKey, apiUrl: fake.apiUrl, firstRows: LIMIT });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  return { context, page, problems };
}

/** API requests logged by the fake since the last clear, summarised. */
async function apiRequests(fake) {
  await sleep(SETTLE_MS);
  const log = await requestLog(fake);
  const keys = log.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ""}`);
  return {
    count: log.length,
    lists: log.filter((r) => r.method === "GET" && r.path === "/deployments").length,
    duplicates: keys.length - new Set(keys).size,
    requests: keys,
  };
}

/** One run: first table, then a status filter, then a click into a deployment. */
export async function viewRun(browser, fake, { apiKey, runningCount }) {
  const { context, page, problems } = await openPage(browser, fake, apiKey);
  const assets = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith("/api/")) assets.push(r.resourceType() === "document" ? "/index.html" : url.pathname);
  });
  try {
    await fake.clearRequests();
    await page.goto(`${fake.url}/deployments?limit=${LIMIT}`);
    const firstTableMs = await evaluate(page, "first table", () => window.__bench.firstTable);
    const startedMs = await page.evaluate(() => window.__bench.startedAt ?? null);
    // Where the first table's time went: the main wasm downloaded, the list's answer in.
    const phases = await page.evaluate(() => {
      const end = (test) => performance.getEntriesByType("resource").find((e) => test(new URL(e.name)))?.responseEnd ?? null;
      return {
        wasmLoadedMs: end((u) => u.pathname.endsWith("_bg.wasm")),
        listAnsweredMs: end((u) => u.pathname.endsWith("/deployments") && u.search.includes("limit=")),
      };
    });
    // What the first view needed; later pages' code (lazy wasm chunks) is counted apart.
    const firstViewAssets = assets.splice(0);
    const listRequests = await apiRequests(fake);

    await fake.clearRequests();
    const filterMs = await evaluate(
      page,
      "filter",
      (n) => window.__bench.clickUntil({ kind: "checkbox", text: "Running" }, "onlyStatus", ["Running", n]),
      runningCount,
    );
    const filterRequests = await apiRequests(fake);

    const name = await page.evaluate(() => document.querySelector("table.deployments tbody a").textContent.trim());
    await fake.clearRequests();
    // As a person would: the pointer moves onto the link first (which starts fetching the
    // detail page's code), then clicks. The click waits for that preload (at most PRELOAD_CAP_MS);
    // how long it took is reported as preloadMs.
    const hoverAt = Date.now();
    const pending = new Set();
    const onRequest = (r) => r.url().endsWith(".wasm") && pending.add(r);
    const onDone = (r) => pending.delete(r);
    page.on("request", onRequest);
    page.on("requestfinished", onDone);
    page.on("requestfailed", onDone);
    await page.locator("table.deployments tbody a", { hasText: name }).first().hover();
    await sleep(PRELOAD_START_MS);
    while (pending.size && Date.now() - hoverAt < PRELOAD_CAP_MS) await sleep(10);
    const preloadMs = Date.now() - hoverAt;
    page.off("request", onRequest);
    page.off("requestfinished", onDone);
    page.off("requestfailed", onDone);
    const detailMs = await evaluate(page, "detail", (n) => window.__bench.clickUntil({ kind: "link", text: n }, "heading", n), name);
    const detailRequests = await apiRequests(fake);
    if (problems.length) throw new Error(`page errors: ${problems.join("; ")}`);
    return {
      firstTableMs,
      startedMs,
      ...phases,
      filterMs,
      detailMs,
      preloadMs,
      listRequests,
      filterRequests,
      detailRequests,
      assets: firstViewAssets,
      laterAssets: assets,
    };
  } finally {
    await context.close();
  }
}

/**
 * The old detail figure: a scripted click with no pointer over the table first, so the
 * detail page's code is fetched and compiled after the click. A fresh context per run.
 */
export async function coldDetailRun(browser, fake, { apiKey }) {
  const { context, page, problems } = await openPage(browser, fake, apiKey);
  try {
    await page.goto(`${fake.url}/deployments?limit=${LIMIT}`);
    await evaluate(page, "first table", () => window.__bench.firstTable);
    const name = await page.evaluate(() => document.querySelector("table.deployments tbody a").textContent.trim());
    const ms = await evaluate(page, "detail", (n) => window.__bench.clickUntil({ kind: "link", text: n }, "heading", n), name);
    if (problems.length) throw new Error(`page errors: ${problems.join("; ")}`);
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * The code each later page adds to the first view: opened from the list by a client-side
 * navigation in a fresh context, every .wasm fetched after the first table (the page's
 * chunks) until its h1 is there and nothing is loading.
 */
export async function laterPageCode(browser, fake, { apiKey, pages }) {
  const out = {};
  for (const [label, path] of pages) {
    const { context, page } = await openPage(browser, fake, apiKey);
    try {
      await page.goto(`${fake.url}/deployments?limit=${LIMIT}`);
      await evaluate(page, "first table", () => window.__bench.firstTable);
      const wasm = [];
      const pending = new Set();
      page.on("request", (r) => {
        if (!r.url().endsWith(".wasm")) return;
        wasm.push(new URL(r.url()).pathname);
        pending.add(r);
      });
      page.on("requestfinished", (r) => pending.delete(r));
      page.on("requestfailed", (r) => pending.delete(r));
      await page.evaluate((p) => {
        const a = Object.assign(document.createElement("a"), { href: p, textContent: "go" });
        document.body.append(a);
        a.click();
      }, path);
      await page.locator("h1").filter({ hasNotText: "Deployments" }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      while (pending.size) await sleep(10);
      out[label] = wasm;
    } finally {
      await context.close();
    }
  }
  return out;
}

async function heap(page, cdp) {
  // Twice: the first pass can leave objects that only the second one frees (finalizers, weak refs).
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasmMemory = await page.evaluate(() => window.__bench.memory?.buffer.byteLength ?? null);
  return { jsHeap: usedSize, wasmMemory };
}

/**
 * The detail page open while the deployment changes `updates` times (status and replicas,
 * through the fake's control route). If the page follows the live stream the change arrives by
 * itself; otherwise the page's "Refresh" button re-reads it. Each update waits until the page
 * shows it. Heap readings after forced GC: on load, after a warm-up, and at the end.
 */
export async function soak(browser, fake, { apiKey, deployment, updates, warmup, spreadMs }) {
  const { context, page, problems } = await openPage(browser, fake, apiKey);
  try {
    const cdp = await context.newCDPSession(page);
    await fake.clearRequests();
    await page.goto(`${fake.url}/deployments/${deployment.id}`);
    await evaluate(page, "detail page", (n) => window.__bench.when("heading", n), deployment.name);
    await sleep(SETTLE_MS);
    const streamed = (await requestLog(fake)).some((r) => r.path.endsWith("/stream"));
    const readings = { load: await heap(page, cdp) };
    const started = Date.now();
    for (let i = 1; i <= warmup + updates; i += 1) {
      const running = i % 2 === 0;
      const replicas = 1 + (i % 7);
      await fake.patchDeployment(deployment.id, { status: running ? "RUNNING" : "STOPPED", replicas });
      const expect = [["Status", running ? "Running" : "Stopped"], ["Replicas", String(replicas)]];
      await evaluate(
        page,
        `update ${i}`,
        ([refresh, pairs]) =>
          refresh
            ? window.__bench.clickUntil({ kind: "button", text: "Refresh" }, "fields", pairs)
            : window.__bench.when("fields", pairs),
        [!streamed, expect],
      );
      if (i === warmup) readings.warm = await heap(page, cdp);
      if (spreadMs) await sleep(Math.max(0, started + (spreadMs * i) / (warmup + updates) - Date.now()));
    }
    readings.end = await heap(page, cdp);
    if (problems.length) throw new Error(`page errors: ${problems.join("; ")}`);
    return { mode: streamed ? "stream" : "refresh", updates, warmup, seconds: (Date.now() - started) / 1000, readings };
  } finally {
    await context.close();
  }
}
