// Cost at a glance: market name, GPU types and price wherever a deployment is
// shown, the hourly cost, the create estimate, and the header's spend and
// runway, all against the fake's seeded markets and credits.
import { test, expect } from "./fixtures.mjs";
import { addDeployment, api, API_KEY, UNKNOWN_ID } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { field, runTimersFor } from "./helpers/detail-page.mjs";
import { params, sentSoFar, waitForRequest, waitForRequests } from "./helpers/request-log.mjs";

/** The header's reads of every spending deployment (not the list's own reads). */
const SPEND_READS = {
  method: "GET",
  path: "/deployments",
  where: (r) => params(r.query).status === "RUNNING,STOPPING" && params(r.query).limit === "100",
};
const MARKET_READS = { method: "GET", path: "/markets/" };

const spend = (page) => page.locator(".account .spend");
const runway = (page) => page.locator(".account .runway");
const costCell = (page, id) => page.locator(`tr[data-id="${id}"] td.cost`);

/** Dollars as the app shows them: rounded to the cent, thousands grouped. */
const usd = (x) => `$${(Math.round(x * 100) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

async function marketsByAddress(fake) {
  return new Map((await api(fake, "/markets/")).map((m) => [m.address, m]));
}

async function availableCredits(fake) {
  const b = await api(fake, "/credits/balance");
  return b.assignedCredits - b.reservedCredits - b.settledCredits;
}

test("the header sums what every running deployment costs per hour and says how long the credits last", async ({ page, fake }) => {
  const markets = await marketsByAddress(fake);
  const spending = (await fake.deployments()).filter((d) => d.status === "RUNNING" || d.status === "STOPPING");
  // usd_reward_per_hour is per hour and per job: price × active jobs, summed.
  const perHour = spending.reduce((sum, d) => sum + markets.get(d.market).usd_reward_per_hour * d.active_jobs, 0);
  expect(perHour, "the seed's spend (4 RUNNING and 4 STOPPING deployments)").toBeCloseTo(16.33, 2);
  const hours = (await availableCredits(fake)) / perHour;
  expect(hours).toBeLessThan(24);

  await signIn(page, fake);
  await expect(spend(page)).toHaveText(`Spend: ${usd(perHour)}/h`);
  await expect(runway(page)).toContainText(`about ${Math.floor(hours)} h left at the current spend`);
  await expect(runway(page)).toHaveClass(/runway-warning/);
  await expect(page.locator(".account .credits")).toContainText(usd(await availableCredits(fake)));
  const [read] = await waitForRequests(fake, SPEND_READS);
  expect(params(read.query)).toEqual({ status: "RUNNING,STOPPING", limit: "100", sort_order: "desc" });
});

test("a day or more of credits is no warning, and nothing running spends nothing", async ({ page, fake }) => {
  await fake.reset({ seed_count: 3, transition_ms: 1500 });
  const [, , running] = await fake.deployments();
  const markets = await marketsByAddress(fake);
  const price = markets.get(running.market).usd_reward_per_hour;
  expect(running).toMatchObject({ status: "RUNNING", active_jobs: 2 });
  const hours = (await availableCredits(fake)) / (price * 2);
  expect(hours).toBeGreaterThan(24);

  await signIn(page, fake);
  await expect(spend(page)).toHaveText(`Spend: ${usd(price * 2)}/h`);
  await expect(runway(page)).toHaveText(`about ${Math.floor(hours)} h left at the current spend`);
  await expect(runway(page)).not.toHaveClass(/runway-warning/);

  await fake.patchDeployment(running.id, { status: "STOPPED", active_jobs: 0 });
  await page.reload();
  await expect(spend(page)).toHaveText("Spend: $0.00/h");
  await expect(runway(page)).toHaveText("nothing running, no spend");
  await expect(runway(page)).not.toHaveClass(/runway-warning/);
});

test("the spend counts every page of running deployments, not the list's page", async ({ page, fake }) => {
  await fake.reset({ seed_count: 3, transition_ms: 1500 });
  const [, , seeded] = await fake.deployments();
  const markets = [...(await marketsByAddress(fake)).values()];
  const cheap = markets.find((m) => m.slug === "nvidia-3060");
  for (let i = 0; i < 101; i += 1) {
    await addDeployment(fake, { status: "RUNNING", market: cheap.address, replicas: 1, active_jobs: 1 });
  }
  const seededPrice = markets.find((m) => m.address === seeded.market).usd_reward_per_hour;
  const perHour = 101 * cheap.usd_reward_per_hour + seededPrice * seeded.active_jobs;

  await signIn(page, fake);
  await expect(spend(page)).toHaveText(`Spend: ${usd(perHour)}/h`);
  const reads = await waitForRequests(fake, SPEND_READS, { count: 2 });
  expect(params(reads[0].query).cursor).toBeUndefined();
  expect(params(reads[1].query).cursor).toBeTruthy();
  const hours = (await availableCredits(fake)) / perHour;
  await expect(runway(page)).toHaveText(`about ${Math.floor(hours)} h left at the current spend`);
});

test("list and detail show the market, its GPUs and price, and the hourly cost", async ({ page, fake }) => {
  const markets = [...(await marketsByAddress(fake)).values()];
  const rtx4090 = markets.find((m) => m.slug === "nvidia-4090");
  const a100 = markets.find((m) => m.slug === "nvidia-a100-80gb");
  const running = await addDeployment(fake, { name: "cost-running", status: "RUNNING", market: rtx4090.address, replicas: 3, active_jobs: 2 });
  const draft = await addDeployment(fake, { name: "cost-draft", status: "DRAFT", market: a100.address, replicas: 3 });
  const lost = await addDeployment(fake, { name: "cost-lost", status: "RUNNING", market: UNKNOWN_ID, replicas: 1, active_jobs: 1 });

  await signIn(page, fake);
  await expect(page.getByRole("columnheader", { name: "Cost" })).toBeVisible();
  const runningCell = costCell(page, running.id);
  await expect(runningCell.locator(".cost-figure")).toHaveText("$0.90/h");
  await expect(runningCell).toContainText(`${rtx4090.name} · $0.45/h per job`);
  await expect(runningCell).toContainText(rtx4090.gpu_types[0]);
  await expect(costCell(page, draft.id).locator(".cost-figure")).toHaveText("est. $4.80/h");
  await expect(costCell(page, draft.id)).toContainText(a100.gpu_types.join(", "));
  await expect(costCell(page, lost.id).locator(".cost-figure")).toHaveText("price unknown");
  await expect(costCell(page, lost.id)).not.toContainText("$");
  // A running deployment without a known price makes the total a lower bound.
  await expect(spend(page)).toContainText("Spend: at least $");
  await expect(runway(page)).toHaveText("runway unknown");

  await page.getByRole("link", { name: "cost-running" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "cost-running" })).toBeVisible();
  await expect(field(page, "Cost")).toContainText("$0.90/h (2 active jobs × $0.45/h)");
  await expect(field(page, "Cost")).toContainText(`${rtx4090.name} · $0.45/h per job`);
  await expect(field(page, "Cost")).toContainText(rtx4090.gpu_types[0]);
  // The market address keeps its own field.
  await expect(field(page, "Market")).toHaveText(rtx4090.address);

  await page.goto(`${fake.url}/deployments/${lost.id}`);
  await expect(field(page, "Cost")).toContainText("price unknown");
  await expect(field(page, "Cost")).not.toContainText("$");
});

test("the markets are read once per session, shared by every page, and again after signing in anew", async ({ page, fake }) => {
  const [dep] = [...(await fake.deployments())].sort((a, b) => b.created_at.localeCompare(a.created_at));
  await signIn(page, fake);
  await expect(page.locator("td.cost .cost-figure").first()).not.toHaveText("Loading price…");
  await page.getByRole("link", { name: dep.name, exact: true }).click();
  await expect(field(page, "Cost")).toContainText("/h");
  await page.getByRole("link", { name: "Back to deployments" }).click();
  await page.getByRole("link", { name: "New deployment" }).click();
  await expect(page.getByRole("radiogroup", { name: "Markets" })).toBeVisible();
  await page.getByRole("link", { name: "Back to deployments" }).click();
  await expect(page.locator("td.cost").first()).toBeVisible();
  expect(await sentSoFar(fake, page, MARKET_READS)).toHaveLength(1);
  expect(await sentSoFar(fake, page, SPEND_READS)).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(spend(page)).toBeVisible();
  await waitForRequests(fake, MARKET_READS, { count: 2 });
  await waitForRequests(fake, SPEND_READS, { count: 2 });
});

test("the create page estimates the chosen replicas and timeout", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  const estimate = page.locator(".cost-estimate");
  await expect(estimate).toContainText("Choose a market to see the estimate.");
  await page.getByLabel("Search markets").fill("4090");
  await page.getByRole("radiogroup", { name: "Markets" }).getByRole("radio").first().check();
  await page.getByLabel("Replicas").fill("2");
  await page.getByLabel("Timeout (minutes)").fill("90");
  await expect(estimate.locator(".cost-figure")).toHaveText("$0.90/h for 2 replicas");
  await expect(estimate).toContainText("$1.35 for one run of 90 min");
  await expect(estimate).toContainText("NVIDIA RTX 4090 · $0.45/h per job");

  await page.getByLabel("Replicas").fill("3");
  await page.getByLabel("Timeout (minutes)").fill("120");
  await expect(estimate.locator(".cost-figure")).toHaveText("$1.35/h for 3 replicas");
  await expect(estimate).toContainText("$2.70 for one run of 2 h");

  await page.getByLabel("Replicas").fill("");
  await expect(estimate).toContainText("Enter the replicas and a timeout to see the estimate.");
  await expect(estimate).not.toContainText("/h for");

  await page.getByLabel("Replicas").fill("1");
  await page.getByLabel("Market address").fill(UNKNOWN_ID);
  await expect(estimate.locator(".cost-figure")).toHaveText("price unknown");
  await expect(estimate).not.toContainText("$");
});

test("markets that cannot be read mean \"price unknown\" everywhere, never a wrong number", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await fake.faults({ fail_next: { count: 50, status: 500, body: '{"error":"Markets are resting."}' }, path_contains: "/markets/" });
  await signIn(page, fake);
  await expect(page.locator("td.cost .cost-figure").first()).toHaveText("price unknown");
  const figures = await page.locator("td.cost .cost-figure").allTextContents();
  expect(new Set(figures)).toEqual(new Set(["price unknown"]));
  await expect(spend(page)).toHaveText("Spend: price unknown");
  await expect(runway(page)).toHaveText("runway unknown");
});

test("without a credits route the spend shows and no runway is guessed", async ({ page, fake }) => {
  page.allowConsoleErrors(); // the browser reports the 404
  await fake.config({ credits: false });
  await signIn(page, fake);
  await expect(spend(page)).toHaveText(/^Spend: \$\d+\.\d\d\/h$/);
  await waitForRequest(fake, { method: "GET", path: "/credits/balance" });
  await expect(page.locator(".account .credits")).toHaveCount(0);
  await expect(runway(page)).toHaveCount(0);
});

test("the spend is read again every minute while the tab is shown, and not while hidden", async ({ page, fake }) => {
  await fake.reset({ seed_count: 3, transition_ms: 1500 });
  const [, , running] = await fake.deployments();
  await page.clock.install();
  await signIn(page, fake);
  await expect(spend(page)).not.toHaveText("Spend: $0.00/h");
  await waitForRequests(fake, SPEND_READS);

  await fake.patchDeployment(running.id, { status: "STOPPED", active_jobs: 0 });
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });
  await runTimersFor(page, 61_000);
  expect(await sentSoFar(fake, page, SPEND_READS)).toHaveLength(1);

  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });
  await waitForRequests(fake, SPEND_READS, { count: 2 });
  await expect(spend(page)).toHaveText("Spend: $0.00/h");

  await runTimersFor(page, 61_000);
  await waitForRequests(fake, SPEND_READS, { count: 3 });
});

test("starting or stopping from the list reads the spend again", async ({ page, fake }) => {
  await fake.reset({ seed_count: 3, transition_ms: 60_000 });
  const [draft] = await fake.deployments();
  expect(draft.status).toBe("DRAFT");
  await signIn(page, fake);
  await expect(spend(page)).toBeVisible();
  await waitForRequests(fake, SPEND_READS);
  await page.getByRole("checkbox", { name: `Select ${draft.name}`, exact: true }).check();
  await page.getByRole("button", { name: "Start selected" }).click();
  expect(await sentSoFar(fake, page, SPEND_READS)).toHaveLength(1);
  await page.getByRole("region", { name: /^Start 1 of 1/ }).getByRole("button", { name: "Confirm" }).click();
  await waitForRequest(fake, { method: "POST", path: `/deployments/${draft.id}/start` });
  await waitForRequests(fake, SPEND_READS, { count: 2 });
});
