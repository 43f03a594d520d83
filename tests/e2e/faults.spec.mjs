import { test, expect } from "./fixtures.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { waitForRequests } from "./helpers/request-log.mjs";

const rows = (page) => page.locator("table.deployments tbody tr");

test.beforeEach(async ({ page, fake }) => {
  page.allowConsoleErrors();
  await signIn(page, fake);
  await expect(rows(page)).toHaveCount(10);
});

test("3 s of latency: the old rows stay, marked busy, until the new ones arrive", async ({ page, fake }) => {
  await fake.faults({ latency_ms: 3000 });
  await page.getByRole("checkbox", { name: "Stopped" }).check();
  await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeVisible();
  await expect(page.locator(".list-body")).toHaveAttribute("aria-busy", "true");
  await expect(rows(page)).toHaveCount(10);
  await expect(page.locator(".list-body")).toHaveAttribute("aria-busy", "false", { timeout: 10_000 });
  for (const badge of await page.locator("table.deployments .badge").allTextContents()) {
    expect(badge).toBe("Stopped");
  }
});

test("a malformed response is explained, and Retry recovers", async ({ page, fake }) => {
  await fake.faults({ malformed_next: 1 });
  await page.getByRole("checkbox", { name: "Draft" }).check();
  await expect(page.getByRole("alert")).toContainText(/could not (be )?read|unexpected/i);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(rows(page).first()).toBeVisible();
});

test("a 503 is retried by itself for reads", async ({ page, fake }) => {
  await fake.clearRequests();
  await fake.faults({ fail_next: { count: 1, status: 503 } });
  await page.getByRole("checkbox", { name: "Running" }).check();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator("table.deployments .badge").first()).toHaveText("Running");
  const lists = await waitForRequests(fake, { method: "GET", path: "/deployments" }, { count: 2 });
  expect(lists.map((r) => r.status)).toEqual([503, 200]);
});
