// Starts the list's first read while the wasm is still downloading, so the answer
// is in when the app mounts instead of being asked for then (README "Performance").
// The app takes it only for a request with the same URL (src/api/http/first_read.rs)
// and sends its own otherwise. Only the list's plain view (no query but `limit`) is
// read ahead: every other view waits for the app, which knows all the rules.
// The key goes only into the Authorization header, as the app sends it.
(() => {
  try {
    if (location.pathname !== "/" && location.pathname !== "/deployments") return;
    const query = new URLSearchParams(location.search);
    const limit = query.get("limit") ?? "10";
    if ([...query.keys()].some((k) => k !== "limit") || !["10", "20", "50", "100"].includes(limit)) return;
    const key = (sessionStorage.getItem("nosana.apiKey") ?? "").trim();
    const api = (sessionStorage.getItem("nosana.apiUrl") ?? "").trim().replace(/\/+$/, "");
    // What src/api/request.rs would refuse to send is left to the app to report.
    if (!/^[\x21-\x7e]+$/.test(key) || !api) return;
    const url = `${api}/deployments?limit=${limit}&sort_order=desc`;
    const controller = new AbortController();
    // The body is read here too: once the wasm runs, the answer is all in memory.
    const answer = fetch(url, { headers: { Authorization: `Bearer ${key}` }, signal: controller.signal })
      .then(async (response) => ({ status: response.status, body: await response.text() }));
    answer.catch(() => {}); // a failed read ahead is sent again by the app
    window.__nosanaFirstRead = { url, answer, controller };
  } catch {
    // No storage or no fetch here: the app reads the list itself.
  }
})();
