// The performance benchmark: sizes of dist/, then in Debian's headless Chromium against the
// fake API (100 deployments) the median of N runs of first table, filter and detail click
// (pointer over the link first, as a person's; and a scripted click without it), each later page's code,
// API requests per view, and a heap soak of live updates on the detail page. The same views
// run against bench/baseline/ (plain HTML and JavaScript), the floor a framework is held to.
// Writes bench/results/latest.json and prints a table with a verdict per budget.
//
//   node bench/run.mjs [--runs 5] [--updates 2400] [--soak-minutes 0] [--dist dist] [--no-baseline]
import { chromium } from "@playwright/test";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { API_KEY, startFake } from "../tests/e2e/fake.mjs";
import { coldDetailRun, laterPageCode, soak, viewRun } from "./measure.mjs";
import { printCrateTable, splitCrateTable } from "./crate-sizes.mjs";
import { distSizes, transferBrotli } from "./sizes.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    updates: { type: "string", default: "2400" },
    "soak-minutes": { type: "string", default: "0" },
    dist: { type: "string", default: join(ROOT, "dist") },
    "no-baseline": { type: "boolean", default: false },
  },
});
const RUNS = Math.max(5, Number(opts.runs));
const UPDATES = Number(opts.updates);
const WARMUP = 100;

// Issue 16: times as ratios to the plain-JS baseline's median in the same run (the machine is
// shared, so absolute times move with its load); bytes as absolute brotli kB.
const RATIO_BUDGETS = [
  { name: "first table (100 rows)", limit: 1.6, key: "firstTableMs" },
  { name: "filter re-render", limit: 2, key: "filterMs" },
  { name: "detail after click, pointer preload", limit: 3, key: "detailMs" },
];
const BUDGETS = [
  { name: "first view transfer (brotli)", unit: "kB", limit: 160, get: (r) => r.firstViewBrotli / 1000 },
  { name: "largest later page's code (brotli)", unit: "kB", limit: 120, get: (r) => (r.laterPages ? Math.max(...Object.values(r.laterPages).map((p) => p.brotli)) / 1000 : null) },
  { name: "JS heap growth over the soak", unit: "%", limit: 10, below: true, get: (r) => r.soak?.growth.jsHeap },
  { name: "wasm memory growth over the soak", unit: "%", limit: 10, below: true, get: (r) => r.soak?.growth.wasmMemory },
  { name: "list requests per list view", unit: "", limit: 1, exact: true, get: (r) => r.requests.listPerListView },
  { name: "duplicate API requests (all views)", unit: "", limit: 0, get: (r) => r.requests.duplicates },
];
// Pages whose code loads after the first view (src/app/lazy_pages.rs), opened once each.
const laterPages = (id) => [
  ["detail", `/deployments/${id}`],
  ["edit", `/deployments/${id}/edit`],
  ["create", "/deployments/new"],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const growth = (from, to) => (from && to != null ? ((to - from) / from) * 100 : null);
const max = (xs) => Math.max(...xs);

async function measure(browser, label, dist) {
  process.env.DIST_DIR = dist; // startFake serves this directory
  const fake = await startFake(["--seed-count", "100"]);
  try {
    await fake.reset({ seed_count: 100 });
    const all = await fake.deployments();
    const runningCount = Math.min(100, all.filter((d) => d.status === "RUNNING").length);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(await viewRun(browser, fake, { apiKey: API_KEY, runningCount }));
      process.stderr.write(`${label}: run ${i + 1}/${RUNS} first table ${runs.at(-1).firstTableMs.toFixed(0)} ms\n`);
    }
    const isApp = label === "app";
    const coldDetail = [];
    if (isApp) {
      for (let i = 0; i < RUNS; i += 1) coldDetail.push(await coldDetailRun(browser, fake, { apiKey: API_KEY }));
    }
    let pages = null;
    if (isApp) {
      const found = await laterPageCode(browser, fake, { apiKey: API_KEY, pages: laterPages(all[0].id) });
      pages = Object.fromEntries(
        Object.entries(found).map(([page, files]) => [page, { files: [...new Set(files)], brotli: transferBrotli(dist, files) }]),
      );
    }
    const pick = (k) => runs.map((r) => r[k]);
    const views = runs.flatMap((r) => [r.listRequests, r.filterRequests, r.detailRequests]);
    let soakResult = null;
    if (UPDATES > 0) {
      await fake.reset({ seed_count: 100 });
      const deployment = (await fake.deployments()).find((d) => d.status === "RUNNING");
      process.stderr.write(`${label}: soak of ${UPDATES} updates on ${deployment.name}\n`);
      const spreadMs = Number(opts["soak-minutes"]) * 60_000;
      soakResult = await soak(browser, fake, { apiKey: API_KEY, deployment, updates: UPDATES, warmup: WARMUP, spreadMs });
      const { warm, end } = soakResult.readings;
      soakResult.growth = { jsHeap: growth(warm.jsHeap, end.jsHeap), wasmMemory: growth(warm.wasmMemory, end.wasmMemory) };
    }
    return {
      label,
      dist,
      sizes: distSizes(dist),
      firstViewAssets: [...new Set(runs[0].assets)],
      firstViewBrotli: transferBrotli(dist, runs[0].assets),
      laterAssets: [...new Set(runs[0].laterAssets)],
      laterBrotli: transferBrotli(dist, runs[0].laterAssets),
      laterPages: pages,
      runs: { coldDetailMs: coldDetail, preloadMs: pick("preloadMs"), wasmLoadedMs: pick("wasmLoadedMs"), listAnsweredMs: pick("listAnsweredMs"), startedMs: pick("startedMs"), firstTableMs: pick("firstTableMs"), filterMs: pick("filterMs"), detailMs: pick("detailMs") },
      median: {
        startedMs: runs[0].startedMs == null ? null : median(pick("startedMs")),
        wasmLoadedMs: runs[0].wasmLoadedMs == null ? null : median(pick("wasmLoadedMs")),
        listAnsweredMs: runs[0].listAnsweredMs == null ? null : median(pick("listAnsweredMs")),
        firstTableMs: median(pick("firstTableMs")), filterMs: median(pick("filterMs")), detailMs: median(pick("detailMs")),
        preloadMs: median(pick("preloadMs")), coldDetailMs: coldDetail.length ? median(coldDetail) : null },
      requests: {
        listPerListView: max(runs.map((r) => r.listRequests.lists)),
        listPerFilterView: max(runs.map((r) => r.filterRequests.lists)),
        perListView: max(runs.map((r) => r.listRequests.count)),
        perFilterView: max(runs.map((r) => r.filterRequests.count)),
        perDetailView: max(runs.map((r) => r.detailRequests.count)),
        duplicates: max(views.map((v) => v.duplicates)),
        examples: { list: runs[0].listRequests.requests, filter: runs[0].filterRequests.requests, detail: runs[0].detailRequests.requests },
      },
      soak: soakResult,
    };
  } finally {
    fake.stop();
  }
}

const kb = (n) => (n / 1000).toFixed(1);
function printSizes(result) {
  console.log(`\nBytes of ${result.label} (kB = 1000 bytes)  raw / gzip / brotli`);
  for (const kind of ["wasm", "js", "css", "html", "other"]) {
    const s = result.sizes.kinds[kind];
    if (s) console.log(`  ${kind.padEnd(6)} ${kb(s.raw).padStart(8)} ${kb(s.gzip).padStart(8)} ${kb(s.brotli).padStart(8)}`);
  }
  console.log(`  first view loads ${result.firstViewAssets.length} files: ${kb(result.firstViewBrotli)} kB brotli`);
  if (result.laterAssets.length) {
    console.log(`  filter + detail load ${result.laterAssets.length} more: ${kb(result.laterBrotli)} kB brotli (${result.laterAssets.join(", ")})`);
  }
}

function printTable(results) {
  const rows = [
    ["main wasm downloaded, median ms", (r) => r.median.wasmLoadedMs?.toFixed(0) ?? "-"],
    ["app started (wasm + mount), median ms", (r) => r.median.startedMs?.toFixed(0) ?? "-"],
    ["list answer received, median ms", (r) => r.median.listAnsweredMs?.toFixed(0) ?? "-"],
    ["first table, median ms", (r) => r.median.firstTableMs.toFixed(0)],
    ["filter re-render, median ms", (r) => r.median.filterMs.toFixed(1)],
    ["detail after click (pointer preload), ms", (r) => r.median.detailMs.toFixed(1)],
    ["  hover until preload done, median ms", (r) => r.median.preloadMs.toFixed(0)],
    ["detail after scripted click (no preload), ms", (r) => r.median.coldDetailMs?.toFixed(1) ?? "-"],
    ["API requests: list / filter / detail view", (r) => `${r.requests.perListView} / ${r.requests.perFilterView} / ${r.requests.perDetailView}`],
    ["JS heap MB: load / warm / end", (r) => (r.soak ? ["load", "warm", "end"].map((k) => (r.soak.readings[k].jsHeap / 1e6).toFixed(2)).join(" / ") : "-")],
    ["wasm memory MB: load / warm / end", (r) => (r.soak?.readings.end.wasmMemory ? ["load", "warm", "end"].map((k) => (r.soak.readings[k].wasmMemory / 1e6).toFixed(2)).join(" / ") : "-")],
    ["soak: updates, how, seconds", (r) => (r.soak ? `${r.soak.updates} by ${r.soak.mode}, ${r.soak.seconds.toFixed(0)} s` : "-")],
  ];
  console.log(`\n${"".padEnd(44)}${results.map((r) => r.label.padStart(26)).join("")}`);
  for (const [name, get] of rows) console.log(`${name.padEnd(44)}${results.map((r) => String(get(r)).padStart(26)).join("")}`);
  for (const r of results) {
    const ms = (k) => r.runs[k].map((x) => x.toFixed(0)).join(" ");
    console.log(`runs of ${r.label}: first table ${ms("firstTableMs")}; filter ${ms("filterMs")}; detail ${ms("detailMs")}`);
    if (r.laterPages) {
      for (const [page, p] of Object.entries(r.laterPages)) console.log(`  ${page} page's code: ${kb(p.brotli)} kB brotli (${p.files.join(", ")})`);
    }
  }
}

function ratioVerdicts(app, floor) {
  if (!floor) return [];
  return RATIO_BUDGETS.map((b) => {
    const ratio = app.median[b.key] / floor.median[b.key];
    return {
      budget: b.name,
      limit: `<= ${b.limit}x the baseline`,
      value: ratio,
      appMs: app.median[b.key],
      floorMs: floor.median[b.key],
      verdict: ratio <= b.limit ? "PASS" : "OVER",
    };
  });
}

function verdicts(result) {
  return BUDGETS.map((b) => {
    const value = b.get(result);
    const ok = value == null ? null : b.exact ? value === b.limit : b.below ? value < b.limit : value <= b.limit;
    return { budget: b.name, limit: `${b.exact ? "=" : b.below ? "<" : "<="} ${b.limit}${b.unit && ` ${b.unit}`}`, value, verdict: ok == null ? "N/A" : ok ? "PASS" : "OVER" };
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const loadBefore = loadavg();
const results = [];
try {
  results.push(await measure(browser, "app", opts.dist));
  if (!opts["no-baseline"]) results.push(await measure(browser, "plain-js baseline", join(ROOT, "bench", "baseline")));
} finally {
  await browser.close();
}
const app = results[0];
// The per-crate cost of the first module and the later pages' chunks, from the name-keeping
// copies bench/crate-sizes.sh made of the last release build (issue 16, item 3).
const wasmSplit = join(ROOT, "target", "wasm-split", "release");
const crates = splitCrateTable(join(wasmSplit, "named"));
const cratesStale =
  crates && existsSync(join(wasmSplit, "out", "main.wasm")) &&
  statSync(join(wasmSplit, "named", "main.wasm")).mtimeMs < statSync(join(wasmSplit, "out", "main.wasm")).mtimeMs;
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
  chromium: browser.version(),
  settings: { runs: RUNS, deployments: 100, limit: 100, updates: UPDATES, warmup: WARMUP, soakMinutes: Number(opts["soak-minutes"]) },
  budgets: [...ratioVerdicts(app, results[1]), ...verdicts(app)],
  crates: crates && { ...crates, stale: cratesStale },
  results,
};
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results", "latest.json"), JSON.stringify(report, null, 2));

results.forEach(printSizes);
printTable(results);
console.log("\nBudgets (app)");
for (const v of report.budgets) {
  const value = v.value == null ? "-" : Number.isInteger(v.value) ? v.value : v.value.toFixed(v.appMs == null ? 1 : 2);
  const shown = v.appMs == null ? value : `${value}x (${v.appMs.toFixed(1)} / ${v.floorMs.toFixed(1)} ms)`;
  console.log(`  ${v.verdict.padEnd(5)} ${v.budget.padEnd(38)} ${String(shown).padStart(26)}  (budget ${v.limit})`);
}
if (crates) {
  console.log(`\nWhat each crate costs (bench/crate-sizes.sh, wasm-opt -Oz -g of the last release build's modules)`);
  if (cratesStale) console.log("  STALE: the release build is newer than these copies; run bench/crate-sizes.sh again");
  printCrateTable(crates, (line) => console.log(`  ${line}`));
} else {
  console.log("\nPer-crate table: run bench/crate-sizes.sh after a release build to have it printed here");
}
console.log(`\nload average before/after: ${loadBefore.map((x) => x.toFixed(1)).join(" ")} / ${report.machine.loadavgAfter.map((x) => x.toFixed(1)).join(" ")}`);
console.log("wrote bench/results/latest.json");
