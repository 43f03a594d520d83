import { test, expect } from "./fixtures.mjs";
import { signIn } from "./helpers/sign-in.mjs";

const XSS_NAME = `<img src=x onerror="window.__pwned=1">`;
const SCRIPT_NAME = `</td><script>window.__pwned=2</script>`;
const LONG_NAME = "x".repeat(10_000);

async function seedHostile(fake) {
  const xss = await fake.addDeployment({
    name: XSS_NAME,
    status: "RUNNING",
    created_at: "2030-01-01T00:00:03Z",
    endpoints: [
      { opId: "web", port: 80, url: "javascript:window.__pwned=3" },
      { opId: "api", port: "8080", url: "https://ok.example.com/path" },
      { opId: "data", port: 81, url: "data:text/html,<script>window.__pwned=4</script>" },
    ],
  });
  const script = await fake.addDeployment({ name: SCRIPT_NAME, status: "STOPPED", created_at: "2030-01-01T00:00:02Z" });
  const long = await fake.addDeployment({ name: LONG_NAME, status: "DRAFT", created_at: "2030-01-01T00:00:01Z" });
  return { xss, script, long };
}

test.beforeEach(async ({ page }) => {
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
});

test("names from the API are text in the list, and the layout holds", async ({ page, fake }) => {
  const { xss, script, long } = await seedHostile(fake);
  await signIn(page, fake);
  await expect(page.locator(`tr[data-id="${xss.id}"] td.name`)).toHaveText(XSS_NAME);
  await expect(page.locator(`tr[data-id="${script.id}"] td.name`)).toHaveText(SCRIPT_NAME);
  await expect(page.locator(`tr[data-id="${long.id}"] td.name`)).toHaveText(LONG_NAME);
  expect(await page.locator("main img, main script").count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  // A 10 kB name is cut with an ellipsis, not stretched across the page.
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
});

test("names and endpoints are text on the detail page; only http(s) URLs are links", async ({ page, fake }) => {
  const { xss, long } = await seedHostile(fake);
  await signIn(page, fake, `/deployments/${xss.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(XSS_NAME);
  await expect(page.getByRole("link", { name: "https://ok.example.com/path" })).toHaveAttribute(
    "href",
    "https://ok.example.com/path",
  );
  await expect(page.getByText("javascript:window.__pwned=3")).toBeVisible();
  expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
  expect(await page.locator("main img, main script").count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  await page.goto(`${fake.url}/deployments/${long.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LONG_NAME);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
});
