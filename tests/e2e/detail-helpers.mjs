// Helpers shared by the detail-page specs: own deployments with known fields,
// opening the page, finding its parts, and reading what the fake received.
import { expect, signIn, API_KEY } from "./fixtures.mjs";

/** Well-formed (44 base58 characters) and never seeded: the fake's ids are random. */
export const UNKNOWN_ID = "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU";

let counter = 0;

/** Adds a deployment of our own to the fake; `fields` overrides the defaults. */
export async function addDeployment(fake, fields = {}) {
  counter += 1;
  return fake.addDeployment({
    name: `detail-e2e-${counter}`,
    status: "DRAFT",
    strategy: "SIMPLE",
    replicas: 1,
    timeout: 60,
    ...fields,
  });
}

/** Signs in on the deployment's page and waits until it shows. */
export async function openDetail(page, fake, dep) {
  await signIn(page, fake, `/deployments/${dep.id}`);
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
  await expect(badge(page)).toHaveAttribute("data-status", dep.status);
}

export const badge = (page) => page.locator(".detail-grid [data-status]");
export const button = (page, name) => page.getByRole("button", { name, exact: true });
export const alertArea = (page) => page.locator(".detail-action-error[role=alert]");

/** The `<dd>` of the term `label` in the page's `<dl>`. */
export const field = (page, label) =>
  page.locator(`xpath=//dl//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);

/** Requests the fake received with this method and path. */
export async function sent(fake, method, path) {
  return (await fake.requests()).filter((r) => r.method === method && r.path === path);
}

/** Waits until exactly `n` such requests have arrived and returns them. */
export async function expectSent(fake, method, path, n) {
  await expect.poll(async () => (await sent(fake, method, path)).length).toBe(n);
  return sent(fake, method, path);
}

/** A body-less request as the contract wants it: the key, no content type, no body. */
export function expectBodyless(request) {
  expect(request.authorization).toBe(`Bearer ${API_KEY}`);
  expect(request.content_type).toBeNull();
  expect(request.body).toBeNull();
}

/** The contract's status table, written out independently of the app's code. */
export const ALLOWED = {
  DRAFT: ["Start", "Edit"],
  STARTING: ["Edit"],
  RUNNING: ["Stop", "Edit"],
  STOPPING: ["Edit"],
  STOPPED: ["Start", "Archive", "Delete", "Edit"],
  ERROR: ["Start", "Stop", "Edit"],
  INSUFFICIENT_FUNDS: ["Start", "Stop", "Edit"],
  ARCHIVED: [],
};

const NEEDS = {
  Start: "a DRAFT, STOPPED, ERROR or INSUFFICIENT_FUNDS",
  Stop: "a RUNNING, ERROR or INSUFFICIENT_FUNDS",
  Archive: "a STOPPED",
  Delete: "a STOPPED",
};

/** Why `action` is not possible from `status`, in the page's words. */
export function reason(action, status) {
  if (status === "ARCHIVED") return "An archived deployment cannot be changed";
  return `${action} needs ${NEEDS[action]} deployment (this one is ${status})`;
}

/** Asserts which of the five buttons are enabled, and the reason wired to each disabled one. */
export async function expectButtonsFor(page, status) {
  for (const action of ["Start", "Stop", "Archive", "Delete", "Edit"]) {
    const b = button(page, action);
    if (ALLOWED[status].includes(action)) {
      await expect(b, `${action} from ${status}`).toBeEnabled();
      await expect(b).not.toHaveAttribute("aria-describedby");
      continue;
    }
    const why = reason(action, status);
    await expect(b, `${action} from ${status}`).toBeDisabled();
    await expect(b).toHaveAttribute("title", why);
    const describedBy = await b.getAttribute("aria-describedby");
    expect(describedBy, `${action} from ${status} has aria-describedby`).toBeTruthy();
    const note = page.locator(`[id="${describedBy}"]`);
    await expect(note).toBeVisible();
    await expect(note).toHaveText(why);
    await expect(b).toHaveAccessibleDescription(why);
  }
}

/** Pretends the tab was hidden or shown again (headless Chromium never hides it). */
export async function setVisibility(page, state) {
  await page.evaluate((state) => {
    Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
    Object.defineProperty(document, "hidden", { value: state === "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, state);
}

/** How the page keeps fresh: "Live", "Polling", "Connecting…", "Paused while the tab is hidden". */
export const liveMode = (page) => page.locator(".detail-mode");
export const recentActivity = (page) => page.getByRole("region", { name: "Recent activity" });

/** Stream connections the fake received for this deployment. */
export const streamsOf = (fake, id) => sent(fake, "GET", `/deployments/${id}/stream`);
