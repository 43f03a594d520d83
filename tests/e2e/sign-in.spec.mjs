import { test, expect } from "./fixtures.mjs";
import { API_KEY } from "./helpers/fake.mjs";
import { signIn, submitKey } from "./helpers/sign-in.mjs";
import { expectNoRequests, waitForRequest, waitForRequests } from "./helpers/request-log.mjs";

test("a protected page sends the user to sign in and back afterwards", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments?status=RUNNING");
  await expect(page).toHaveURL(/\/deployments\?status=RUNNING$/);
  await expect(page.getByRole("checkbox", { name: "Running" })).toBeChecked();
});

test("an empty key gets a message and sends nothing", async ({ page, fake }) => {
  await page.goto(`${fake.url}/sign-in`);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your API key");
  await expectNoRequests(fake, page);
});

test("a refused key gives a clear message and stays on the form", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await page.goto(`${fake.url}/sign-in`);
  await page.getByLabel("API key").fill("not_a_nosana_key");
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("API key was refused (HTTP 401)");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("API key")).toHaveValue("not_a_nosana_key");
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  const probe = await waitForRequest(fake, { key: "not_a_nosana_key" });
  expect(probe).toMatchObject({ method: "GET", path: "/deployments", status: 401 });
});

const MAINNET = "https://dashboard.k8s.prd.nos.ci/api";

test("the host's config.json preselects This server (/api): a key is all it takes", async ({ page, fake }) => {
  const config = page.waitForResponse((r) => r.url() === `${fake.url}/config.json`);
  await page.goto(`${fake.url}/sign-in`);
  expect(await (await config).json()).toEqual({ api: "/api", nodes: "/nodes/{node}" });
  await expect(page.getByLabel("API URL")).toHaveValue("/api");
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deployments$/);
  // The probe went to this server's API with the key.
  await waitForRequests(fake, { method: "GET", path: "/deployments" }, { atLeast: 1 });
});

test("without a config.json the default stays Nosana mainnet", async ({ page, fake }) => {
  page.allowConsoleErrors(); // the browser reports the 404 of config.json
  await fake.config({ config_json: false });
  const config = page.waitForResponse((r) => r.url() === `${fake.url}/config.json`);
  await page.goto(`${fake.url}/sign-in`);
  expect((await config).status()).toBe(404);
  await expect(page.getByLabel("API URL")).toHaveValue(MAINNET);
  await expect(page.getByRole("option", { name: "Nosana mainnet" })).toHaveJSProperty("selected", true);
});

test("a choice made before config.json arrives is kept", async ({ page, fake }) => {
  // config.json is answered only after the user chose.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(`${fake.url}/config.json`, async (route) => {
    await held;
    await route.continue();
  });
  const config = page.waitForResponse((r) => r.url() === `${fake.url}/config.json`);
  await page.goto(`${fake.url}/sign-in`);
  await page.getByLabel("API URL").selectOption("custom");
  release();
  expect((await config).ok()).toBe(true);
  await expect(page.getByLabel("API URL", { exact: true })).toHaveValue("custom");
  await expect(page.getByLabel("Custom API URL")).toBeVisible();
});

test("the key can be shown and hidden", async ({ page, fake }) => {
  await page.goto(`${fake.url}/sign-in`);
  const key = page.getByLabel("API key");
  await expect(key).toHaveAttribute("type", "password");
  await page.getByRole("button", { name: "Show key" }).click();
  await expect(key).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide key" }).click();
  await expect(key).toHaveAttribute("type", "password");
});

test("a custom API URL is checked before anything is sent", async ({ page, fake }) => {
  await page.goto(`${fake.url}/sign-in`);
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("custom");
  await page.getByLabel("Custom API URL").fill("ftp://example.com/api");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("must start with https://");
  await page.getByLabel("Custom API URL").fill(fake.apiUrl);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deployments$/);
});

test("the key survives a reload and is gone after Sign out", async ({ page, fake }) => {
  await signIn(page, fake);
  await expect(page.locator("table.deployments")).toBeVisible();
  await page.reload();
  await expect(page.locator("table.deployments")).toBeVisible();
  await expect(page).toHaveURL(/\/deployments$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage));
  expect(stored).not.toContain(API_KEY);
  await page.goto(`${fake.url}/deployments`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a new tab does not inherit the key", async ({ page, fake, context }) => {
  await signIn(page, fake);
  await expect(page.locator("table.deployments")).toBeVisible();
  const other = await context.newPage();
  await other.goto(`${fake.url}/deployments`);
  await expect(other).toHaveURL(/\/sign-in/);
  await other.close();
});

test("a 401 in the middle of a session asks for the key and returns to the page", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await signIn(page, fake);
  await expect(page.locator("table.deployments")).toBeVisible();
  await fake.faults({ fail_next: { count: 1, status: 401, body: "Unauthorized" } });
  // click, not check: the page leaves before the box could be seen checked.
  await page.getByRole("checkbox", { name: "Stopped" }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdeployments%3Fstatus%3DSTOPPED$/);
  await expect(page.getByRole("alert")).toContainText("Your API key was refused");
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(API_KEY);

  await submitKey(page);
  await expect(page).toHaveURL(/\/deployments\?status=STOPPED$/);
  await expect(page.getByRole("checkbox", { name: "Stopped" })).toBeChecked();
});
