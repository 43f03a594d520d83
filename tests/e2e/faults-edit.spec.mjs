import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition as addDeployment } from "./helpers/fake.mjs";
import { signIn, submitKey } from "./helpers/sign-in.mjs";
import { waitForRequest } from "./helpers/request-log.mjs";

test("a 401 in the middle of an edit keeps what was typed through signing in again", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const d = await addDeployment(fake, { replicas: 1, timeout: 120 });
  await signIn(page, fake, `/deployments/${d.id}/edit`);
  await expect(page.getByLabel("Job definition")).toHaveValue(/nginx/);
  await page.getByLabel("Replicas").fill("7");
  await page.getByLabel("Timeout (minutes)").fill("240");
  const edited = (await page.getByLabel("Job definition").inputValue()).replace("nginx:1.27", "nginx:1.28");
  await page.getByLabel("Job definition").fill(edited);

  await fake.faults({ fail_next: { count: 1, status: 401, body: "Unauthorized" } });
  await page.getByRole("button", { name: "Save replicas" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("alert")).toContainText("Your API key was refused");

  await submitKey(page);
  await expect(page).toHaveURL(new RegExp(`/deployments/${d.id}/edit$`));
  await expect(page.getByLabel("Replicas")).toHaveValue("7");
  await expect(page.getByLabel("Timeout (minutes)")).toHaveValue("240");
  await expect(page.getByLabel("Job definition")).toHaveValue(edited);

  await fake.clearRequests();
  await page.getByRole("button", { name: "Save replicas" }).click();
  await expect(page.getByRole("status").filter({ hasText: /7/ }).first()).toBeVisible();
  const sent = await waitForRequest(fake, { method: "PATCH" });
  expect(sent).toMatchObject({ path: `/deployments/${d.id}/update-replica-count`, body: '{"replicas":7}', status: 200 });
});

test("leaving on purpose drops unsaved text", async ({ page, fake }) => {
  const d = await addDeployment(fake, { replicas: 1 });
  await signIn(page, fake, `/deployments/${d.id}/edit`);
  await page.getByLabel("Replicas").fill("9");
  await page.getByRole("button", { name: "Sign out" }).click();
  await submitKey(page);
  await expect(page).not.toHaveURL(/\/sign-in/); // signed in before the reload below
  await page.goto(`${fake.url}/deployments/${d.id}/edit`);
  await expect(page.getByLabel("Replicas")).toHaveValue("1");
});
