import { test, expect } from "./fixtures.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { params, sentSoFar, waitForRequest } from "./helpers/request-log.mjs";

/** The app's list reads, with `query` parameters among theirs. */
const listReads = (query) => ({ method: "GET", path: "/deployments", query });
const rows = (page) => page.locator("table.deployments tbody tr");

test.beforeEach(async ({ page, fake }) => {
  await signIn(page, fake);
  await expect(rows(page)).toHaveCount(10);
  await fake.clearRequests();
});

test("filters by several statuses, in the URL and in the request", async ({ page, fake }) => {
  const all = await fake.deployments();
  await page.getByRole("checkbox", { name: "Running" }).check();
  await expect(page).toHaveURL(/status=RUNNING$/);
  await page.getByRole("checkbox", { name: "Stopped" }).check();
  await expect(page).toHaveURL(/status=RUNNING%2CSTOPPED$/);

  const expected = all.filter((d) => d.status === "RUNNING" || d.status === "STOPPED");
  await expect(rows(page)).toHaveCount(Math.min(10, expected.length));
  await expect(page.getByText(`${expected.length} deployments`)).toBeVisible();
  const last = await waitForRequest(fake, listReads({ status: "RUNNING,STOPPED" }));
  expect(params(last.query)).toMatchObject({ status: "RUNNING,STOPPED", limit: "10", sort_order: "desc" });
  for (const badge of await page.locator("table.deployments .badge").allTextContents()) {
    expect(["Running", "Stopped"]).toContain(badge);
  }
});

test("the view survives reload, back and forward", async ({ page, fake }) => {
  await page.getByRole("checkbox", { name: "Stopped" }).check();
  await page.getByLabel("Page size").selectOption("20");
  await expect(page).toHaveURL(/status=STOPPED&limit=20$/);
  await page.getByLabel("Sort").selectOption("asc");
  await expect(page).toHaveURL(/status=STOPPED&sort=asc&limit=20$/);

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Stopped" })).toBeChecked();
  await expect(page.getByLabel("Page size")).toHaveValue("20");
  await expect(page.getByLabel("Sort")).toHaveValue("asc");

  await page.goBack();
  await expect(page).toHaveURL(/status=STOPPED&limit=20$/);
  await expect(page.getByLabel("Sort")).toHaveValue("desc");
  await page.goBack();
  await expect(page).toHaveURL(/status=STOPPED$/);
  await expect(page.getByLabel("Page size")).toHaveValue("10");
  await page.goForward();
  await expect(page.getByLabel("Page size")).toHaveValue("20");
  // The controls follow the URL at once; the request they start may still be on its way to the fake.
  await expect
    .poll(async () => params((await sentSoFar(fake, page, listReads())).at(-1)?.query))
    .toMatchObject({ status: "STOPPED", limit: "20", sort_order: "desc" });
});

test("a shared link opens the same view", async ({ page, fake }) => {
  await page.goto(`${fake.url}/deployments?strategy=SCHEDULED&limit=50`);
  const scheduled = (await fake.deployments()).filter((d) => d.strategy === "SCHEDULED");
  await expect(rows(page)).toHaveCount(scheduled.length);
  await expect(page.getByLabel("Strategy")).toHaveValue("SCHEDULED");
  const last = await waitForRequest(fake, listReads({ strategy: "SCHEDULED" }), { atLeast: 1 });
  expect(params(last.query)).toMatchObject({ strategy: "SCHEDULED", limit: "50" });
});

test("search is debounced and sent to the server", async ({ page, fake }) => {
  const target = (await fake.deployments())[3];
  const term = target.name.slice(0, 6);
  await page.getByRole("searchbox", { name: "Search" }).pressSequentially(term, { delay: 30 });
  await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(term)}`));
  await expect(page.locator(`tr[data-id="${target.id}"]`)).toBeVisible();
  await waitForRequest(fake, listReads({ search: term }));
  const searches = await sentSoFar(fake, page, { ...listReads(), where: (r) => params(r.query).search });
  expect(searches.map((r) => params(r.query).search)).toEqual([term]);
});

test("next and previous pages follow the API's cursors", async ({ page, fake }) => {
  const total = (await fake.deployments()).length;
  const firstPage = await page.locator("table.deployments tbody tr").evaluateAll((trs) => trs.map((t) => t.dataset.id));
  await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/cursor=.+&page=2/);
  await expect(page.getByText("Page 2")).toBeVisible();
  const secondPage = await rows(page).evaluateAll((trs) => trs.map((t) => t.dataset.id));
  expect(secondPage).toHaveLength(Math.min(10, total - 10));
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await waitForRequest(fake, { ...listReads(), where: (r) => params(r.query).cursor });

  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByText("Page 1")).toBeVisible();
  expect(await rows(page).evaluateAll((trs) => trs.map((t) => t.dataset.id))).toEqual(firstPage);
});

test("rows show the fields people scan for", async ({ page, fake }) => {
  const [first] = [...(await fake.deployments())].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const row = page.locator(`tr[data-id="${first.id}"]`);
  await expect(row.getByRole("link", { name: first.name })).toBeVisible();
  await expect(row).toContainText(first.strategy);
  await expect(row.locator("time")).toHaveAttribute("title", /UTC$/);
  await expect(row.getByRole("button", { name: "Copy id" })).toBeVisible();
  await row.getByRole("link", { name: first.name }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${first.id}$`));
});

test("an empty result says so and offers to clear the filters", async ({ page }) => {
  await page.getByRole("searchbox", { name: "Search" }).fill("no-such-deployment-anywhere");
  await expect(page.getByText("No deployments match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows(page)).toHaveCount(10);
});

test("a server error shows the message and Retry recovers", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await fake.faults({ fail_next: { count: 1, status: 500, body: '{"error":"Database unavailable."}' } });
  await page.getByRole("checkbox", { name: "Draft" }).check();
  await expect(page.getByRole("alert")).toContainText("Database unavailable. (HTTP 500)");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(rows(page).first()).toBeVisible();
});

test("a network failure is shown as such", async ({ page, fake }) => {
  page.allowConsoleErrors();
  // The app retries a GET on network errors, and Chromium itself retries a request
  // whose connection dropped, so drop more requests than either will send.
  await fake.faults({ drop_next: 20 });
  await page.getByRole("checkbox", { name: "Error" }).check();
  await expect(page.getByRole("alert")).toContainText("Could not reach the API");
  await expect(page.getByRole("alert")).toContainText(/CORS/);
  await fake.faults({ drop_next: 0 });
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
