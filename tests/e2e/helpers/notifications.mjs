// The browser's notification permission, answered "denied" when asked (a headless browser
// has no real prompt): for checks of what the page says when it may not notify.

/** Before the page loads: `Notification.requestPermission()` answers "denied". */
export async function denyNotifications(page) {
  await page.addInitScript(() => {
    class DeniedNotification {
      static async requestPermission() {
        DeniedNotification.permission = "denied";
        return "denied";
      }
    }
    DeniedNotification.permission = "default";
    window.Notification = DeniedNotification;
  });
}
