// Helpers shared by the history-tab specs: reading the API as the app would
// (to know what to expect), opening a deployment on a tab, and the tabs' parts.
import { expect, signIn, API_KEY } from "./fixtures.mjs";

/** The tests' own key, so their reads are told apart from the app's in the fake's log. */
const TEST_KEY = "nos_e2e_history_reader";

/** A GET of the fake's API, to know what to expect. */
export async function api(fake, path) {
  const res = await fetch(`${fake.apiUrl}${path}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A write to the fake's API with a JSON body. */
export async function apiWrite(fake, method, path, body) {
  const res = await fetch(`${fake.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The seeded deployment with 15 jobs and 21 events (index 2, RUNNING). */
export async function pagingDeployment(fake) {
  const dep = (await fake.deployments())[2];
  expect(dep.status).toBe("RUNNING");
  return dep;
}

/** Signs in straight onto the deployment's page (with `query`), and waits for it. */
export async function openHistory(page, fake, dep, query = "") {
  await fake.clearRequests();
  await signIn(page, fake, `/deployments/${dep.id}${query}`);
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
  await expect(page.getByRole("tablist", { name: "History" })).toBeVisible();
}

export const tab = (page, name) => page.getByRole("tab", { name, exact: true });
export const panel = (page, name) => page.locator(`#history-panel-${name.toLowerCase()}`);
/** The data rows of a tab's table (detail rows excluded). */
export const rows = (page, name, attr) => panel(page, name).locator(`tbody tr[${attr}]`);

/** The app's requests (not the tests' own). */
export async function appRequests(fake) {
  return (await fake.requests()).filter((r) => r.authorization === `Bearer ${API_KEY}`);
}

/** GET requests the app sent for a deployment's sub-list, e.g. "jobs". */
export async function listReads(fake, dep, what) {
  return (await appRequests(fake)).filter((r) => r.method === "GET" && r.path === `/deployments/${dep.id}/${what}`);
}

/** Waits until exactly `n` reads of the list arrived, and returns them. */
export async function expectReads(fake, dep, what, n) {
  await expect.poll(async () => (await listReads(fake, dep, what)).length, { message: `reads of ${what}` }).toBe(n);
  return listReads(fake, dep, what);
}

/** A query string as a map (decoded). */
export const params = (query) => Object.fromEntries(new URLSearchParams(query ?? ""));

/**
 * An exact time as the app shows it in `timeZone` (en-US, Playwright's default locale):
 * "Sat, Nov 28, 2026, 02:03:22 PM GMT"; `seconds: false` for schedules.
 */
export function localText(date, timeZone, { seconds = true } = {}) {
  const options = {
    weekday: "short", year: "numeric", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "shortOffset", timeZone,
  };
  if (seconds) options.second = "2-digit";
  return new Intl.DateTimeFormat("en-US", options).format(new Date(date));
}

/** The instant as the app's tooltips show it: "2026-11-28 14:03:22 UTC". */
export const exactUtc = (date) => new Date(date).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");

/** "7xKX…gAsU", as the app shortens addresses. */
export const short = (id) => (id.length <= 9 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`);
