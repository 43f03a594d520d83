import { test, expect } from "./fixtures.mjs";
import { signIn } from "./helpers/sign-in.mjs";

test("a request still in flight is aborted when its page goes away", async ({ page, fake }) => {
  await signIn(page, fake);
  const firstRow = page.locator("table.deployments tbody tr").first();
  await expect(firstRow).toBeVisible();
  const aborted = [];
  page.on("requestfailed", (r) => aborted.push([new URL(r.url()).pathname + new URL(r.url()).search, r.failure()?.errorText]));

  await fake.faults({ latency_ms: 3000 });
  await page.getByRole("checkbox", { name: "Stopped" }).check();
  await expect(page.locator(".list-body")).toHaveAttribute("aria-busy", "true");
  await firstRow.getByRole("link").click();
  await expect(page).toHaveURL(/\/deployments\/[1-9A-HJ-NP-Za-km-z]{43,44}$/);
  await expect.poll(() => aborted.filter(([url]) => url.includes("status=STOPPED")).length).toBe(1);
  expect(aborted.find(([url]) => url.includes("status=STOPPED"))[1]).toBe("net::ERR_ABORTED");
});
