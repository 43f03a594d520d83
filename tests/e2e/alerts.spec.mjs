// Issue 14: opt-in alerts. `Notification` is stubbed by an init script that
// records every notification and lets the test click one; the permission
// prompt's answer is set per test (helpers/notifications.mjs). Alerts of the
// light poll (list page, detail page without stream) are in alerts-poll.spec.mjs.
import { test, expect } from "./fixtures.mjs";
import { addDeployment, api } from "./helpers/fake.mjs";
import { openDetail, badge, liveMode } from "./helpers/detail-page.mjs";
import { waitForRequests } from "./helpers/request-log.mjs";
import { asked, jobFailed, notes, notifyMe, stubNotifications } from "./helpers/notifications.mjs";

test("granted: a change into ERROR notifies once per 5 minutes, and a click opens the deployment", async ({ page, fake }) => {
  await stubNotifications(page, "granted");
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  expect(await asked(page), "never asked unprompted").toBe(0);

  await notifyMe(page).click();
  await expect(notifyMe(page)).toHaveAttribute("aria-pressed", "true");
  expect(await asked(page)).toBe(1);
  expect(await page.evaluate(() => sessionStorage.getItem("nosana.alerts"))).toBe("on");

  await fake.patchDeployment(dep.id, { status: "ERROR" });
  await expect(badge(page)).toHaveAttribute("data-status", "ERROR");
  await expect.poll(() => notes(page)).toEqual([{ title: `${dep.name}: ERROR`, body: `Deployment ${dep.name} is now ERROR.` }]);

  // Throttled: a second bad change within 5 minutes stays quiet.
  await fake.patchDeployment(dep.id, { status: "RUNNING" });
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING");
  await fake.patchDeployment(dep.id, { status: "STOPPED" });
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPED");
  expect(await notes(page)).toHaveLength(1);

  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page).toHaveURL(/\/deployments$/);
  await page.evaluate(() => window.__notes[0].onclick());
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
});

test("denied: the refusal is explained, alerts stay off and nothing is shown", async ({ page, fake }) => {
  await stubNotifications(page, "denied");
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  await notifyMe(page).click();
  await expect(page.getByRole("alert").filter({ hasText: "Notifications are blocked for this site" })).toBeVisible();
  await expect(notifyMe(page)).toHaveAttribute("aria-pressed", "false");
  expect(await page.evaluate(() => sessionStorage.getItem("nosana.alerts"))).toBeNull();
  await fake.patchDeployment(dep.id, { status: "ERROR" });
  await expect(badge(page)).toHaveAttribute("data-status", "ERROR");
  expect(await notes(page)).toEqual([]);
});

// A seeded RUNNING deployment with running jobs, open with alerts on and its stream live.
// Two jobs or more: ending one leaves the deployment RUNNING whatever its strategy.
async function openRunningJob(page, fake) {
  await stubNotifications(page, "granted");
  // The node uploads an ended job's result at once: the app's first read finds it.
  await fake.config({ result_delay_ms: 0 });
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING" && d.active_jobs > 1);
  const { jobs } = await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING`);
  const job = jobs[0].job;
  await openDetail(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Live");
  await notifyMe(page).click();
  await expect(notifyMe(page)).toHaveAttribute("aria-pressed", "true");
  return { dep, job };
}

test("granted: a running job ending with a non-zero exit code notifies once, with the name and code", async ({ page, fake }) => {
  const { dep, job } = await openRunningJob(page, fake);
  await fake.endJob(job, "COMPLETED", 137);
  const { jobDefinition } = await api(fake, `/deployments/${dep.id}/jobs/${job}`);
  await expect.poll(() => notes(page)).toEqual([jobFailed(dep, job, jobDefinition.ops[0].id, 137)]);
  // Shared throttle: a bad status change right after stays quiet.
  await fake.patchDeployment(dep.id, { status: "ERROR" });
  await expect(badge(page)).toHaveAttribute("data-status", "ERROR");
  expect(await notes(page)).toHaveLength(1);
  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page).toHaveURL(/\/deployments$/);
  await page.evaluate(() => window.__notes[0].onclick());
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}$`));
});

test("granted: a running job ending with exit code 0 does not notify", async ({ page, fake }) => {
  const { dep, job } = await openRunningJob(page, fake);
  await fake.endJob(job, "COMPLETED", 0);
  await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}/jobs/${job}` });
  // Had the job notified, this status alert would be throttled behind it.
  await fake.patchDeployment(dep.id, { status: "ERROR" });
  await expect(badge(page)).toHaveAttribute("data-status", "ERROR");
  await expect.poll(() => notes(page)).toEqual([{ title: `${dep.name}: ERROR`, body: `Deployment ${dep.name} is now ERROR.` }]);
});
