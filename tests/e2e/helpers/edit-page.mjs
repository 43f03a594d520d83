// The edit page's parts: opening it, its cards, and its unsaved-changes guard.
import { expect } from "@playwright/test";
import { signIn } from "./sign-in.mjs";

/** Signs in straight into the edit page of `dep` and waits for it to load. */
export async function openEdit(page, fake, dep) {
  await signIn(page, fake, `/deployments/${dep.id}/edit`);
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}/edit$`));
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${dep.name}` })).toBeVisible();
  await expect(page.getByLabel("Job definition", { exact: true })).not.toHaveValue("");
}

/** The card (section) of one form, found by its heading. */
export function card(page, heading) {
  return page.locator("section.edit-card").filter({ has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });
}

/** Whether a `beforeunload` now would ask the user first. */
export function wouldAskBeforeUnload(page) {
  return page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}
