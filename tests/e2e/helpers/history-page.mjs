// The detail page's history tabs: opening a deployment on a tab, the tabs' parts,
// and how the app shows times and addresses.
import { expect } from "@playwright/test";
import { signIn } from "./sign-in.mjs";

/** Signs in straight onto the deployment's page (with `query`), with a fresh request log, and waits for it. */
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

/**
 * An exact time as the app shows it in `timeZone` (en-US, the suite's locale):
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
