// The list's first read starts in the boot script, before the wasm is ready
// (src/boot/first_read.js); the app takes that answer instead of asking again.
import { test, expect } from "./fixtures.mjs";
import { API_KEY } from "./helpers/fake.mjs";
import { expectNoRequests, waitForRequests } from "./helpers/request-log.mjs";

const signedIn = (page, fake) =>
  page.addInitScript(([key, url]) => {
    sessionStorage.setItem("nosana.apiKey", key);
    sessionStorage.setItem("nosana.apiUrl", url);
  }, [API_KEY, fake.apiUrl]);

const LIST = { method: "GET", path: "/deployments" };
const rows = (page) => page.locator("table.deployments tbody tr");

for (const [path, limit] of [["/deployments", "10"], ["/deployments?limit=50", "50"], ["/", "10"]]) {
  test(`${path}: the list is read once, ahead of the app's other requests`, async ({ page, fake }) => {
    await signedIn(page, fake);
    await page.goto(`${fake.url}${path}`);
    const total = (await fake.deployments()).length;
    await expect(rows(page)).toHaveCount(Math.min(Number(limit), total));
    await waitForRequests(fake, { ...LIST, query: `limit=${limit}&sort_order=desc` });
    // Read ahead, it reaches the server before anything the mounted app asks for
    // (the header's balance); asked by the app, it would come after.
    const both = await waitForRequests(
      fake,
      { where: (r) => (r.path === "/deployments" && !r.query.includes("status=")) || r.path === "/credits/balance" },
      { atLeast: 2 },
    );
    expect(both.map((r) => r.path)).toEqual(["/deployments", "/credits/balance"]);
    await expect(page.evaluate(() => "__nosanaFirstRead" in window)).resolves.toBe(false);
  });
}

test("a filtered list is not read ahead: the app sends its one request", async ({ page, fake }) => {
  await signedIn(page, fake);
  await page.goto(`${fake.url}/deployments?status=RUNNING`);
  await expect(rows(page).first()).toBeVisible();
  await waitForRequests(fake, { ...LIST, query: { status: "RUNNING", limit: "10" } });
  await expectNoRequests(fake, page, { ...LIST, where: (r) => !r.query.includes("status=") });
});

test("a read ahead that fails is sent again by the app, and the list shows", async ({ page, fake }) => {
  page.allowConsoleErrors(); // the failed read is logged by the browser
  await signedIn(page, fake);
  let failed = 0;
  await page.route(/\/api\/deployments\?limit=10&sort_order=desc$/, (route) => {
    if (failed++ === 0) return route.abort("internetdisconnected");
    return route.continue();
  });
  await page.goto(`${fake.url}/deployments`);
  await expect(rows(page)).toHaveCount(10);
  expect(failed).toBe(2);
  await waitForRequests(fake, { ...LIST, query: "limit=10&sort_order=desc" });
});
