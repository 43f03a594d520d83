// Times as people read them: relative times advance on their own, exact times
// are in the browser's time zone with the UTC instant on hover.
import { test, expect } from "./fixtures.mjs";
import { api, pagingDeployment } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { exactUtc, localText, openHistory } from "./helpers/history-page.mjs";

const iso = (ms) => new Date(ms).toISOString();

test("a relative time on the list advances while the page stays open", async ({ page, fake }) => {
  const now = Date.now();
  await page.clock.install({ time: now });
  const dep = await fake.addDeployment({
    name: "tick-e2e", status: "DRAFT", strategy: "SIMPLE", replicas: 1, timeout: 60,
    created_at: iso(now - 3_000), updated_at: iso(now - 3_000),
  });
  await signIn(page, fake);
  const time = page.locator(`tr[data-id="${dep.id}"] time`);
  await expect(time).toHaveText("just now");
  await expect(time).toHaveAttribute("title", exactUtc(now - 3_000));
  await page.clock.fastForward("02:00");
  await expect(time).toHaveText("2 min ago");
  await page.clock.fastForward("01:00:00");
  await expect(time).toHaveText("1 h ago");
});

test.describe("in a browser set to New York", () => {
  test.use({ timezoneId: "America/New_York", locale: "en-US" });

  test("a job's start is shown in local time, UTC on hover", async ({ page, fake }) => {
    const dep = await pagingDeployment(fake);
    const { jobs } = await api(fake, `/deployments/${dep.id}/jobs`);
    const done = jobs.find((j) => j.state === "COMPLETED");
    const detail = await api(fake, `/deployments/${dep.id}/jobs/${done.job}`);
    await openHistory(page, fake, dep);
    await page.locator(`tr[data-job="${done.job}"]`).getByRole("button", { name: "Details" }).click();
    const when = page.locator(`xpath=//dt[normalize-space()="Started"]/following-sibling::dd[1]/time`);
    await expect(when).toHaveText(localText(detail.timeStart * 1000, "America/New_York"));
    await expect(when).toContainText(/GMT-[45]$/);
    await expect(when).toHaveAttribute("title", exactUtc(detail.timeStart * 1000));
  });
});
