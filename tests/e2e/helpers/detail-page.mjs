// The detail page's parts: opening it, its badge, buttons and fields, the status
// table its buttons follow, and its live/polling mode.
import { expect } from "@playwright/test";
import { signIn } from "./sign-in.mjs";

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

/** Clicks the action's button and returns its dialog ("Stop “name”?") once it shows. */
export async function askFor(page, action, dep) {
  await button(page, action).click();
  const dialog = page.getByRole("dialog", { name: `${action} “${dep.name}”?` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The `<dd>` of the term `label` in the page's `<dl>`. */
export const field = (page, label) =>
  page.locator(`xpath=//dl//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);

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

/**
 * Stops the page's clock (installed with page.clock.install() before the page opened)
 * and fires every timer due in the next `ms`: what the page would do in that time,
 * without waiting for it.
 */
export async function runTimersFor(page, ms) {
  // A second ahead: the page's clock keeps running while this call reaches it.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await page.clock.runFor(ms);
}
