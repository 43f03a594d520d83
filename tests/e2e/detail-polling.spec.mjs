// Without the live stream (an older API), the detail page follows a settling
// deployment by polling: STARTING -> RUNNING and STOPPING -> STOPPED show
// without a reload; polling pauses while the tab is hidden and ends with the
// page. (With the stream, live.spec.mjs proves the page does not poll.)
// Where "no more polls" is the point, the page's clock is run forward instead of waiting.
import { test as base, expect } from "./fixtures.mjs";
import { addDeployment } from "./helpers/fake.mjs";
import { expectBodyless, sentSoFar, waitForRequests } from "./helpers/request-log.mjs";
import {
  openDetail as open, badge, button, expectButtonsFor, setVisibility, liveMode, runTimersFor,
} from "./helpers/detail-page.mjs";

const test = base.extend({
  // An API without the stream route: the browser logs the stream's 404.
  page: async ({ page, fake }, use) => {
    page.allowConsoleErrors();
    await fake.config({ stream: false });
    await use(page);
  },
});

async function openDetail(page, fake, dep) {
  await open(page, fake, dep);
  await expect(liveMode(page)).toHaveText("Polling");
}

const reads = (dep) => ({ method: "GET", path: `/deployments/${dep.id}` });

test("STARTING becomes RUNNING without a reload", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  await page.evaluate(() => { window.__samePage = true; });
  const readsBefore = (await sentSoFar(fake, page, reads(dep))).length;

  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 8_000 });
  await expectButtonsFor(page, "RUNNING");
  expect(await page.evaluate(() => window.__samePage)).toBe(true);

  const polls = (await waitForRequests(fake, reads(dep), { atLeast: readsBefore + 1 })).slice(readsBefore);
  for (const r of polls) expectBodyless(r);
  expect(polls.some((r) => r.status === 200)).toBe(true);
});

test("STOPPING becomes STOPPED without a reload, and polling then stops", async ({ page, fake }) => {
  await page.clock.install();
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  await button(page, "Stop").click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPING");
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPED", { timeout: 8_000 });
  await expectButtonsFor(page, "STOPPED");

  const settled = (await sentSoFar(fake, page, reads(dep))).length;
  // Far longer than the polls' backoff: any poll still scheduled fires now.
  await runTimersFor(page, 30_000);
  expect(await sentSoFar(fake, page, reads(dep))).toHaveLength(settled);
});

test("polling pauses while the tab is hidden and resumes when it is shown", async ({ page, fake }) => {
  await page.clock.install();
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await setVisibility(page, "hidden");
  const hiddenAt = (await sentSoFar(fake, page, reads(dep))).length;

  // The fake reaches RUNNING, and the page's time runs on for two polls and more.
  await expect.poll(async () => (await fake.deployment(dep.id)).status, { timeout: 8_000 }).toBe("RUNNING");
  await runTimersFor(page, 10_000);
  expect(await sentSoFar(fake, page, reads(dep))).toHaveLength(hiddenAt);
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");

  await page.clock.resume();
  await setVisibility(page, "visible");
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 5_000 });
  await waitForRequests(fake, reads(dep), { atLeast: hiddenAt + 1 });
});

test("polling ends when the page is left", async ({ page, fake }) => {
  await page.clock.install();
  const dep = await addDeployment(fake, { status: "STARTING" });
  await openDetail(page, fake, dep);
  // A patched STARTING never settles by itself: the page keeps polling until left.
  await waitForRequests(fake, reads(dep), { atLeast: 2 });
  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();
  const left = (await sentSoFar(fake, page, reads(dep))).length;
  await runTimersFor(page, 30_000);
  expect(await sentSoFar(fake, page, reads(dep))).toHaveLength(left);
});
