// Runs in every benchmarked page before the page's own scripts (Playwright init script).
// It signs the tab in the way the app's sign-in form does (sessionStorage, see src/session.rs)
// and records, with performance.now(), the first DOM change after which a check holds: the
// moment the last table row or the new heading exists, before style, layout and paint.
// Checks are named here because the page's CSP forbids eval of code sent later.
export function probe({ apiKey, apiUrl, firstRows }) {
  if (location.protocol !== "http:") return;
  sessionStorage.setItem("nosana.apiKey", apiKey);
  sessionStorage.setItem("nosana.apiUrl", apiUrl);
  const bench = (window.__bench = {});
  // Trunk's boot script fires this once the wasm is compiled and main() has mounted the app,
  // and hands over the wasm exports, whose memory is the app's linear memory.
  addEventListener("TrunkApplicationStarted", (e) => {
    bench.startedAt = performance.now();
    bench.memory = e.detail?.wasm?.memory;
  });

  const text = (node) => (node?.textContent ?? "").trim();
  const rows = () => [...document.querySelectorAll("table.deployments tbody tr")];
  const field = (term) => [...document.querySelectorAll("dt")].find((dt) => text(dt) === term)?.nextElementSibling;
  bench.checks = {
    rows: (n) => rows().length === n,
    heading: (name) => [...document.querySelectorAll("h1")].some((h) => text(h) === name),
    onlyStatus: ([label, n]) => rows().length === n && rows().every((r) => text(r.querySelector(".badge")) === label),
    fields: (pairs) => pairs.every(([term, value]) => text(field(term)) === value),
  };
  bench.when = (check, arg) =>
    new Promise((resolve) => {
      if (bench.checks[check](arg)) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!bench.checks[check](arg)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  /** Clicks the element `find` returns and resolves with the ms until the check holds. */
  bench.clickUntil = async (find, check, arg) => {
    const target = bench.find[find.kind](find.text);
    if (!target) throw new Error(`nothing to click: ${find.kind} ${find.text}`);
    const done = bench.when(check, arg);
    const start = performance.now();
    target.click();
    return (await done) - start;
  };
  bench.find = {
    link: (name) => [...document.querySelectorAll("table.deployments a")].find((a) => text(a) === name),
    checkbox: (label) => [...document.querySelectorAll("label")].find((l) => text(l) === label)?.querySelector("input[type=checkbox]"),
    button: (label) => [...document.querySelectorAll("button")].find((b) => text(b) === label),
  };
  if (firstRows && location.pathname === "/deployments") bench.firstTable = bench.when("rows", firstRows);
}
