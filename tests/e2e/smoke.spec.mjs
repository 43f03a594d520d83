import { test, expect } from "./fixtures.mjs";
import { API_KEY } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { waitForRequests } from "./helpers/request-log.mjs";

test("signs in and lists the seeded deployments", async ({ page, fake }) => {
  const seeded = await fake.deployments();
  await signIn(page, fake);
  await expect(page).toHaveURL(/\/deployments$/);
  await expect(page.getByRole("heading", { name: "Deployments" })).toBeVisible();

  const rows = page.locator("table.deployments tbody tr");
  await expect(rows).toHaveCount(10);
  const newest = [...seeded].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 10);
  for (const d of newest) {
    await expect(page.locator(`tr[data-id="${d.id}"]`)).toContainText(d.name);
  }
  await expect(page.getByText(`${seeded.length} deployments`)).toBeVisible();

  // The sign-in probe and the list.
  const lists = await waitForRequests(fake, { method: "GET", path: "/deployments" }, { atLeast: 2 });
  for (const r of lists) {
    expect(r.authorization).toBe(`Bearer ${API_KEY}`);
    expect(r.content_type).toBeNull();
  }

  // The key lives in sessionStorage only.
  const stored = await page.evaluate(() => ({
    session: JSON.stringify(sessionStorage),
    local: JSON.stringify(localStorage),
    cookie: document.cookie,
    url: location.href,
  }));
  expect(stored.session).toContain(API_KEY);
  expect(stored.local).not.toContain(API_KEY);
  expect(stored.cookie).not.toContain(API_KEY);
  expect(stored.url).not.toContain(API_KEY);
});
