// Without the live stream (an older API), the detail page follows a settling
// deployment by polling: STARTING -> RUNNING and STOPPING -> STOPPED show
// without a reload; polling pauses while the tab is hidden and ends with the
// page. (With the stream, live.spec.mjs proves the page does not poll.)
import { test as base, expect } from "./fixtures.mjs";
import {
  addDeployment, openDetail as open, badge, button, sent, expectBodyless, expectButtonsFor, setVisibility, liveMode,
} from "./detail-helpers.mjs";

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

test("STARTING becomes RUNNING without a reload", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  await page.evaluate(() => { window.__samePage = true; });
  const readsBefore = (await sent(fake, "GET", `/deployments/${dep.id}`)).length;

  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 8_000 });
  await expectButtonsFor(page, "RUNNING");
  expect(await page.evaluate(() => window.__samePage)).toBe(true);

  const polls = (await sent(fake, "GET", `/deployments/${dep.id}`)).slice(readsBefore);
  expect(polls.length).toBeGreaterThanOrEqual(1);
  for (const r of polls) expectBodyless(r);
  expect(polls.some((r) => r.status === 200)).toBe(true);
});

test("STOPPING becomes STOPPED without a reload, and polling then stops", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING" });
  await openDetail(page, fake, dep);
  await button(page, "Stop").click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPING");
  await expect(badge(page)).toHaveAttribute("data-status", "STOPPED", { timeout: 8_000 });
  await expectButtonsFor(page, "STOPPED");

  const settled = (await sent(fake, "GET", `/deployments/${dep.id}`)).length;
  await page.waitForTimeout(2_500);
  expect((await sent(fake, "GET", `/deployments/${dep.id}`)).length).toBe(settled);
});

test("polling pauses while the tab is hidden and resumes when it is shown", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "DRAFT" });
  await openDetail(page, fake, dep);
  await button(page, "Start").click();
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");
  await setVisibility(page, "hidden");
  const hiddenAt = (await sent(fake, "GET", `/deployments/${dep.id}`)).length;

  // Long enough for the fake to reach RUNNING and for two polls to have happened.
  await page.waitForTimeout(3_500);
  expect((await sent(fake, "GET", `/deployments/${dep.id}`)).length).toBe(hiddenAt);
  await expect(badge(page)).toHaveAttribute("data-status", "STARTING");

  await setVisibility(page, "visible");
  await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 5_000 });
  expect((await sent(fake, "GET", `/deployments/${dep.id}`)).length).toBeGreaterThan(hiddenAt);
});

test("polling ends when the page is left", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STARTING" });
  await openDetail(page, fake, dep);
  // A patched STARTING never settles by itself: the page keeps polling until left.
  await expect.poll(async () => (await sent(fake, "GET", `/deployments/${dep.id}`)).length, { timeout: 4_000 })
    .toBeGreaterThanOrEqual(2);
  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();
  const left = (await sent(fake, "GET", `/deployments/${dep.id}`)).length;
  await page.waitForTimeout(3_000);
  expect((await sent(fake, "GET", `/deployments/${dep.id}`)).length).toBe(left);
});
