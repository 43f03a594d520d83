import { test, expect } from "./fixtures.mjs";
import { API_KEY } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { expectNoRequests, waitForRequests } from "./helpers/request-log.mjs";

const CREATE = { method: "POST", path: "/deployments/create" };

test("create from a template with a market picked from the list", async ({ page, fake }) => {
  await signIn(page, fake);
  await page.getByRole("link", { name: "New deployment" }).click();
  await expect(page.getByRole("heading", { name: "New deployment" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("my-http-service");
  await page.getByLabel("Search markets").fill("4090");
  const option = page.getByRole("radiogroup", { name: "Markets" }).getByRole("radio").first();
  await option.check();
  const market = await page.getByLabel("Market address").inputValue();
  expect(market).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
  await page.getByLabel("Replicas").fill("2");
  await page.getByLabel("Timeout (minutes)").fill("90");
  await page.getByLabel("Template").selectOption("http");
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByLabel("Job definition")).toHaveValue(/nginx/);
  await page.getByLabel("Start now").check();
  await page.getByRole("button", { name: "Create deployment" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "my-http-service" })).toBeVisible();
  const [sent] = await waitForRequests(fake, CREATE);
  expect(sent.authorization).toBe(`Bearer ${API_KEY}`);
  expect(sent.content_type).toBe("application/json");
  const body = JSON.parse(sent.body);
  expect(body).toMatchObject({
    name: "my-http-service",
    market,
    replicas: 2,
    timeout: 90,
    strategy: "SIMPLE",
    confidential: false,
    autostart: true,
  });
  expect(body.job_definition.ops[0].args.image).toBe("docker.io/nginx:latest");
  expect(body).not.toHaveProperty("schedule");
  const created = (await fake.deployments()).find((d) => d.name === "my-http-service");
  await expect(page).toHaveURL(new RegExp(`/deployments/${created.id}$`));
});

test("bad input gets messages next to the fields and sends nothing", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  await page.getByLabel("Replicas").fill("0");
  await page.getByLabel("Strategy").selectOption("INFINITE");
  await page.getByLabel("Timeout (minutes)").fill("59");
  await page.getByLabel("Job definition").fill('{"version": "0.1", "type": "container", "ops": [{"type": "container/run", "id": "a", "args": {}}]}');
  await page.getByRole("button", { name: "Create deployment" }).click();

  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a name")).toBeVisible();
  await expect(page.getByText("Choose a market, or paste a market address")).toBeVisible();
  await expect(page.getByText("A new deployment needs at least 1 replica")).toBeVisible();
  await expect(page.getByText("An INFINITE deployment needs a timeout of at least 60 minutes")).toBeVisible();
  await expect(page.locator("#create-job-problems")).toContainText("ops[0].args.image: required");
  await expectNoRequests(fake, page, CREATE);

  // Fixing a field clears its message.
  await page.getByLabel("Name", { exact: true }).fill("fixed");
  await expect(page.getByText("Enter a name")).toHaveCount(0);
});

test("a SCHEDULED deployment needs a valid schedule and shows its next runs", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  await page.getByLabel("Strategy").selectOption("SCHEDULED");
  await page.getByLabel("Schedule").fill("0 9 * * 1-5");
  await expect(page.locator(".cron-words")).toContainText("Monday through Friday");
  await expect(page.locator(".cron-runs li")).toHaveCount(5);
  await page.getByLabel("Schedule").fill("0 9 * *");
  await page.getByRole("button", { name: "Create deployment" }).click();
  await expect(page.locator("#create-schedule-error")).toBeVisible();
  await expectNoRequests(fake, page, CREATE);
});

test("a refused create keeps everything typed and shows the server's words", async ({ page, fake }) => {
  page.allowConsoleErrors();
  await signIn(page, fake, "/deployments/new");
  await page.getByLabel("Name", { exact: true }).fill("keeps-my-input");
  await page.getByLabel("Market address").fill((await fake.deployments())[0].market);
  await page.getByLabel("Job definition").fill(
    '{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"x","args":{"image":"alpine"}}]}',
  );
  await fake.faults({ fail_next: { count: 1, status: 400, body: '{"error":"Market is full."}' } });
  await page.getByRole("button", { name: "Create deployment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Market is full. (HTTP 400)" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("keeps-my-input");
  await expect(page.getByLabel("Job definition")).toHaveValue(/alpine/);

  await page.getByRole("button", { name: "Create deployment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "keeps-my-input" })).toBeVisible();
  expect((await waitForRequests(fake, CREATE, { count: 2 })).map((r) => r.status)).toEqual([400, 200]);
});

test("duplicate prefills from a deployment and its active revision", async ({ page, fake }) => {
  const source = await fake.pick("STOPPED", "SCHEDULED");
  await signIn(page, fake, `/deployments/new?from=${source.id}`);
  await expect(page.getByRole("heading", { name: "Duplicate deployment" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`${source.name} (copy)`);
  await expect(page.getByLabel("Strategy")).toHaveValue("SCHEDULED");
  await expect(page.getByLabel("Schedule")).toHaveValue(source.schedule);
  await expect(page.getByLabel("Market address")).toHaveValue(source.market);
  await expect(page.getByLabel("Job definition")).toHaveValue(/"version": "0.1"/);
  await expect(page.getByLabel("Start now")).not.toBeChecked();
  await page.getByRole("button", { name: "Create deployment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${source.name} (copy)` })).toBeVisible();
  const body = JSON.parse((await waitForRequests(fake, CREATE))[0].body);
  expect(body).toMatchObject({ strategy: "SCHEDULED", schedule: source.schedule, market: source.market });
});
