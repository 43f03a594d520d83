// The wasm is split per route (scripts/wasm-pipeline.sh): the list downloads only
// the main module, a page's code arrives when the page is first needed, and a
// chunk that cannot be downloaded leaves the rest of the app working.
import { test, expect } from "./fixtures.mjs";
import { API_KEY, addDeployment } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { openDetail } from "./helpers/detail-page.mjs";

const wasmRequests = (page) => {
  const seen = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".wasm")) seen.push(path);
  });
  return seen;
};

test("the list downloads only the main module; pointing at a row fetches the detail page's code", async ({ page, fake }) => {
  const wasm = wasmRequests(page);
  // Signed in from the keyboard: a pointer left over the spot where the table
  // appears would rightly start the detail page's download at once.
  await page.goto(`${fake.url}/deployments`);
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByLabel("API key").press("Enter");
  await expect(page.locator("table.deployments tbody tr")).toHaveCount(10);

  // The sign-in form is a page of its own too: the main module, then its code.
  expect(wasm[0]).toMatch(/^\/nosana-deployments-[0-9a-f]{16}_bg\.wasm$/);
  expect(wasm.filter((p) => /\/split_sign_in_page-[0-9a-f]{16}\.wasm$/.test(p))).toHaveLength(1);
  expect(wasm.some((p) => /split_(detail|edit|create)_page/.test(p))).toBe(false);

  const link = page.locator("table.deployments tbody tr").first().getByRole("link").first();
  const name = await link.textContent();
  const detailChunk = page.waitForRequest((r) => /\/split_detail_page-[0-9a-f]{16}\.wasm$/.test(r.url()));
  await link.hover();
  await detailChunk;

  await link.click();
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  expect(wasm.filter((p) => p.includes("split_detail_page"))).toHaveLength(1);
  expect(wasm.some((p) => p.includes("split_edit_page") || p.includes("split_create_page"))).toBe(false);
});

test("a signed-in tab opening the list downloads only the main module", async ({ page, fake }) => {
  const wasm = wasmRequests(page);
  // The session as the sign-in form leaves it (src/session.rs): this tab signed in before.
  await page.addInitScript(([key, url]) => {
    sessionStorage.setItem("nosana.apiKey", key);
    sessionStorage.setItem("nosana.apiUrl", url);
  }, [API_KEY, fake.apiUrl]);
  await page.goto(`${fake.url}/deployments`);
  await expect(page.locator("table.deployments tbody tr")).toHaveCount(10);
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^\/nosana-deployments-[0-9a-f]{16}_bg\.wasm$/);
});

test("a page whose code cannot be downloaded says so, offers Reload, and the app keeps working", async ({ page, fake }) => {
  page.allowConsoleErrors(); // the failed chunk fetch is logged
  const dep = await addDeployment(fake, { status: "STOPPED" });
  await openDetail(page, fake, dep);
  await page.route(/\/split_edit_page-[0-9a-f]{16}\.wasm$/, (route) => route.abort("internetdisconnected"));

  await page.getByRole("link", { name: "Edit", exact: true }).or(page.getByRole("button", { name: "Edit", exact: true })).click();
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded." });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}/edit$`));

  // Still alive: the header's link leads back to a working list.
  await page.getByRole("navigation").getByRole("link", { name: "Deployments" }).click();
  await expect(page.locator("table.deployments tbody tr").first()).toBeVisible();
  await page.goBack();
  await expect(alert).toBeVisible();

  // Once the file can be fetched again, Reload brings the page up.
  await page.unroute(/\/split_edit_page-[0-9a-f]{16}\.wasm$/);
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByLabel("Replicas", { exact: true })).toBeVisible();
});

test("while a page's code downloads the old page stays and says the next one is loading", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "STOPPED" });
  await signIn(page, fake);
  await expect(page.locator("table.deployments tbody tr").first()).toBeVisible();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/split_detail_page-[0-9a-f]{16}\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(`${fake.url}/deployments`); // a fresh start: nothing of the detail page loaded yet
  await expect(page.locator("table.deployments tbody tr").first()).toBeVisible();
  await page.evaluate((id) => {
    // An in-app navigation, as a link click would make, without hovering the table first.
    history.pushState(null, "", `/deployments/${id}`);
    dispatchEvent(new PopStateEvent("popstate"));
  }, dep.id);
  const notice = page.getByRole("status").filter({ hasText: "Loading page…" });
  await expect(notice).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();

  release();
  await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("the palette's code arrives on the first Ctrl+K; when it cannot, the palette stays shut and the next Ctrl+K tries again", async ({ page, fake }) => {
  page.allowConsoleErrors(); // the failed chunk fetch is logged
  const wasm = wasmRequests(page);
  const chunk = /\/split_on_first_use-[0-9a-f]{16}\.wasm$/;
  await signIn(page, fake);
  await expect(page.locator("table.deployments tbody tr")).toHaveCount(10);
  expect(wasm.some((p) => p.includes("split_on_first_use"))).toBe(false);
  await page.route(chunk, (route) => route.abort("internetdisconnected"));

  await page.locator("#list-title").click();
  const failed = page.waitForEvent("requestfailed", (r) => chunk.test(r.url()));
  await page.keyboard.press("Control+k");
  await failed;
  const palette = page.getByRole("dialog", { name: "Go to deployment" });
  await expect(palette).toHaveCount(0);

  await page.unroute(chunk);
  // The failure reaches the app a moment after the request failed (nothing on screen says
  // so): a Ctrl+K before that finds the palette still wanted, so press until it opens.
  // Keys do nothing while it is open.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(palette.getByRole("combobox", { name: "Name or id" })).toBeFocused();
});
