// The benchmark's floor: the same list, filter and detail as the app, in plain JavaScript,
// with no framework, no build step and no styling. Reads the session the app's sign-in writes.
const api = sessionStorage.getItem("nosana.apiUrl");
const key = sessionStorage.getItem("nosana.apiKey");
const STATUSES = ["DRAFT", "STARTING", "RUNNING", "STOPPING", "STOPPED", "ERROR", "INSUFFICIENT_FUNDS", "ARCHIVED"];
const label = (s) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ");
const app = document.getElementById("app");

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.map((c) => (c instanceof Node ? c : String(c))));
  return node;
}

async function get(path) {
  const res = await fetch(api + path, { headers: { Authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

function go(url) {
  history.pushState(null, "", url);
  route();
}

async function listView(params) {
  const chosen = (params.get("status") || "").split(",").filter(Boolean);
  const filters = el("fieldset", {}, el("legend", {}, "Status"));
  for (const s of STATUSES) {
    const box = el("input", { type: "checkbox", checked: chosen.includes(s) });
    box.onchange = () => {
      const next = box.checked ? [...chosen, s] : chosen.filter((c) => c !== s);
      if (next.length) params.set("status", next.join(","));
      else params.delete("status");
      go(`/deployments?${params}`);
    };
    filters.append(el("label", {}, box, label(s)));
  }
  const query = new URLSearchParams({ limit: params.get("limit") || "10", sort_order: "desc" });
  if (chosen.length) query.set("status", chosen.join(","));
  const { deployments, pagination } = await get(`/deployments?${query}`);
  const rows = deployments.map((d) => {
    const link = el("a", { href: `/deployments/${d.id}` }, d.name);
    link.onclick = (e) => (e.preventDefault(), go(link.href));
    const cells = [link, d.id, el("span", { className: "badge" }, label(d.status)), d.strategy, d.replicas, d.active_jobs, `${d.timeout} min`, d.updated_at];
    const row = el("tr", {}, ...cells.map((c) => el("td", {}, c)));
    row.dataset.id = d.id;
    return row;
  });
  const head = el("tr", {}, ...["Name", "ID", "Status", "Strategy", "Replicas", "Active jobs", "Timeout", "Updated"].map((h) => el("th", {}, h)));
  const table = el("table", { className: "deployments" }, el("thead", {}, head), el("tbody", {}, ...rows));
  app.replaceChildren(el("h1", {}, "Deployments"), el("p", {}, `${pagination.total_items} deployments`), filters, table);
}

async function detailView(id) {
  const d = await get(`/deployments/${id}`);
  const refresh = el("button", { type: "button" }, "Refresh");
  refresh.onclick = () => detailView(id);
  const fields = { ID: d.id, Status: label(d.status), Strategy: d.strategy, Replicas: d.replicas, "Active jobs": d.active_jobs, Timeout: `${d.timeout} min`, Updated: d.updated_at };
  const list = el("dl", {}, ...Object.entries(fields).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  app.replaceChildren(el("h1", {}, d.name), refresh, list);
}

function route() {
  const match = location.pathname.match(/^\/deployments\/([^/]+)$/);
  const view = match ? detailView(match[1]) : listView(new URLSearchParams(location.search));
  view.catch((e) => app.replaceChildren(el("p", { role: "alert" }, e.message)));
}

addEventListener("popstate", route);
if (!key || !api) app.replaceChildren(el("p", {}, "Sign in with the app first (the key lives in sessionStorage)."));
else route();
