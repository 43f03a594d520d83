// Init script of the logs benchmark (runs before the app): signs the tab in like bench/probe.mjs,
// records when the first log rows exist, how long the view takes to follow a search, and every
// main-thread task over 50 ms (Long Tasks API). Checks are named here: the CSP forbids eval.
export function logsProbe({ apiKey, apiUrl }) {
  if (location.protocol !== "http:") return;
  sessionStorage.setItem("nosana.apiKey", apiKey);
  sessionStorage.setItem("nosana.apiUrl", apiUrl);
  const bench = (window.__logsBench = { longTasks: [] });
  addEventListener("TrunkApplicationStarted", (e) => {
    bench.startedAt = performance.now();
    bench.memory = e.detail?.wasm?.memory;
  });
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) bench.longTasks.push({ start: t.startTime, ms: t.duration });
  }).observe({ type: "longtask", buffered: true });

  // The Logs tab's rows carry `data-line-id` (the permalink id); only rows in view exist.
  const rows = () => document.querySelectorAll("[data-line-id]");
  const text = (n) => (n?.textContent ?? "").trim();
  const when = (check) =>
    new Promise((resolve) => {
      if (check()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!check()) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  bench.firstRows = when(() => rows().length > 0).then((at) => {
    // Places the first rows in a trace (bench/logs-trace.mjs): the mark is taken at `at`.
    performance.mark("logs-first-rows", { startTime: at });
    return at;
  });
  bench.rowCount = () => rows().length;
  /** Types `query` into "Search logs" and resolves with the ms until every row shown matches it. */
  bench.search = async (query) => {
    const input = [...document.querySelectorAll("input")].find(
      (i) => i.getAttribute("aria-label") === "Search logs" || i.labels?.[0]?.textContent.trim() === "Search logs",
    );
    if (!input) throw new Error('no "Search logs" field');
    const lower = query.toLowerCase();
    const done = when(() => rows().length > 0 && [...rows()].every((r) => text(r).toLowerCase().includes(lower)));
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return (await done) - start;
  };
  /** The id of the newest row shown (live lines arrive at the bottom). */
  bench.lastRowId = () => [...rows()].at(-1)?.getAttribute("data-line-id") ?? null;
}
