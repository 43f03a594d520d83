// A stubbed `Notification` for the alert specs: an init script records every
// notification shown (title, body, and its onclick for the test to call) and
// answers the permission prompt with `answer`, counting how often it was asked.
import { expect } from "@playwright/test";

export async function stubNotifications(page, answer) {
  await page.addInitScript((answer) => {
    window.__notes = [];
    window.__asked = 0;
    class StubNotification {
      constructor(title, options = {}) {
        this.title = title;
        this.body = options.body;
        this.onclick = null;
        window.__notes.push(this);
      }
      static async requestPermission() {
        window.__asked += 1;
        StubNotification.permission = answer;
        return answer;
      }
      close() {}
    }
    StubNotification.permission = "default";
    window.Notification = StubNotification;
  }, answer);
}

/** The notifications shown so far: [{title, body}]. */
export const notes = (page) => page.evaluate(() => window.__notes.map((n) => ({ title: n.title, body: n.body })));
/** How often the permission prompt was asked. */
export const asked = (page) => page.evaluate(() => window.__asked);
export const notifyMe = (page) => page.getByRole("button", { name: "Notify me" });

/** Presses "Notify me" (permission granted by the stub) and waits until alerts are on. */
export async function turnOnAlerts(page) {
  await notifyMe(page).click();
  await expect(notifyMe(page)).toHaveAttribute("aria-pressed", "true");
}

/** Clicks the `index`th notification, as the browser would on the user's click. */
export const clickNote = (page, index = 0) => page.evaluate((i) => window.__notes[i].onclick(), index);

/** What a failed job's notification says. */
export const jobFailed = (dep, job, op, code) => ({
  title: `${dep.name}: job failed`,
  body: `Job ${job.slice(0, 4)}\u2026: op "${op}" exited with code ${code}.`,
});
