// Issue 14: deployments as files. Export (the file compared with the fake's
// deployment and revision), round trip (export, import, create: the fake gets
// an equal body), and bad files (each refused with its message, nothing sent,
// the form unchanged).
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition, api } from "./helpers/fake.mjs";
import { openDetail, button } from "./helpers/detail-page.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { expectNoRequests, waitForRequests, WRITES } from "./helpers/request-log.mjs";

const CREATE = { method: "POST", path: "/deployments/create" };

/** What the contract says the export holds, read from the fake by the tests. */
async function expectedExport(fake, id) {
  const d = await api(fake, `/deployments/${id}`);
  const { revisions } = await api(fake, `/deployments/${id}/revisions?limit=100`);
  const active = revisions.find((r) => r.revision === d.active_revision);
  const file = { format: "nosana-deployment/1", name: d.name, market: d.market, strategy: d.strategy };
  if (d.strategy === "SCHEDULED") file.schedule = d.schedule;
  if (d.strategy === "INFINITE" && d.rotation_time != null) file.rotation_time = d.rotation_time;
  Object.assign(file, { replicas: d.replicas, timeout: d.timeout, confidential: d.confidential, job_definition: active.job_definition });
  return { file, definition: active.job_definition };
}

async function download(page, name) {
  const started = page.waitForEvent("download");
  await button(page, name).click();
  const done = await started;
  return { name: done.suggestedFilename(), text: await readFile(await done.path(), "utf8") };
}

async function importFile(page, file) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import from file" }).click();
  await (await chooser).setFiles(file);
}

const jsonFile = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

test("Export downloads the deployment as <name>.nosana.json, keys in a fixed order", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake, { strategy: "INFINITE", rotation_time: 20, confidential: true });
  await openDetail(page, fake, dep);
  const { file, definition } = await expectedExport(fake, dep.id);

  const exported = await download(page, "Export");
  expect(exported.name).toBe(`${dep.name}.nosana.json`);
  // Byte for byte: the documented key order, the revision's own key order, two-space indent.
  expect(exported.text).toBe(JSON.stringify(file, null, 2) + "\n");
  expect(Object.keys(JSON.parse(exported.text))).toEqual([
    "format", "name", "market", "strategy", "rotation_time", "replicas", "timeout", "confidential", "job_definition",
  ]);

  const bare = await download(page, "Export job definition");
  expect(bare.name).toBe(`${dep.name}.job-definition.json`);
  expect(bare.text).toBe(JSON.stringify(definition, null, 2) + "\n");
  await expectNoRequests(fake, page, WRITES);
});

test("round trip: export, import on the create page, create: the fake receives an equal body", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake, { strategy: "SCHEDULED", schedule: "*/15 * * * *", replicas: 2, timeout: 90 });
  await openDetail(page, fake, dep);
  const exported = await download(page, "Export");

  await page.goto(`${fake.url}/deployments/new`);
  await expect(page.getByRole("heading", { name: "New deployment" })).toBeVisible();
  await importFile(page, jsonFile(exported.name, exported.text));
  await expect(page.getByRole("status").filter({ hasText: `Imported the deployment from ${exported.name}.` })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(dep.name);
  await expect(page.getByLabel("Schedule")).toHaveValue("*/15 * * * *");
  await page.getByRole("button", { name: "Create deployment" }).click();

  const [sent] = await waitForRequests(fake, CREATE);
  const { format, ...rest } = JSON.parse(exported.text);
  expect(format).toBe("nosana-deployment/1");
  expect(JSON.parse(sent.body)).toEqual({ ...rest, autostart: false });
});

test("a bare job definition dropped onto the form fills only the editor, and its checks run at once", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  await page.getByLabel("Name", { exact: true }).fill("keep-me");
  const text = '{\n  "version": "0.1",\n  "type": "container",\n  "ops": [{"type": "container/run", "id": "a", "args": {}}]\n}\n';
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "job.json", { type: "application/json" }));
    return dt;
  }, text);
  await page.locator("form.create-form").dispatchEvent("drop", { dataTransfer: transfer });

  await expect(page.getByLabel("Job definition")).toHaveValue(text);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("keep-me");
  await expect(page.locator("#create-job-problems")).toContainText("ops[0].args.image: required");
  // Only the editor's checks: the untouched market has no message yet.
  await expect(page.getByText("Choose a market, or paste a market address")).toHaveCount(0);
  await expectNoRequests(fake, page, WRITES);
});

test("the edit page's job definition editor takes a picked .json file", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake);
  await signIn(page, fake, `/deployments/${dep.id}/edit`);
  const editor = page.getByLabel("Job definition", { exact: true });
  await expect(editor).toHaveValue(/nginx/);
  const text = '{"version": "0.1", "type": "container", "ops": []}';
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open .json file" }).click();
  await (await chooser).setFiles(jsonFile("other.json", text));
  await expect(editor).toHaveValue(text);
  await expectNoRequests(fake, page, WRITES);
});

test("the edit page's job definition editor takes a dropped .json file", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake);
  await signIn(page, fake, `/deployments/${dep.id}/edit`);
  const editor = page.getByLabel("Job definition", { exact: true });
  await expect(editor).toHaveValue(/nginx/);
  const text = '{"version": "0.1", "type": "container", "ops": [{"type": "container/run", "id": "b", "args": {"image": "docker.io/redis:7"}}]}';
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, text);
  await page.locator(".json-editor").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(editor).toHaveValue(text);
  await expectNoRequests(fake, page, WRITES);
});

const valid = JSON.stringify({
  format: "nosana-deployment/1", name: "from-file", market: "97G9NnvBqQm6MjtLyC4hS2y2cUGEvGENSLrqYKbTqF38",
  strategy: "SIMPLE", replicas: 1, timeout: 60, confidential: false,
  job_definition: { version: "0.1", type: "container", ops: [] },
}, null, 2);

const BAD = [
  ["not JSON", "broken.json", '{\n  "name": "x",\n  oops\n}', /broken\.json was not imported\. Line 3: The file is not JSON/],
  ["too large", "big.json", "x".repeat(1024 * 1024 + 1), /big\.json was not imported\. The file is 1\.0 MB; the limit is 1 MB/],
  ["an unknown field", "unknown.json", valid.replace('"replicas": 1,', '"replicas": 1,\n  "gpu": "a100",'), /unknown\.json was not imported\. “gpu” \(line 7\): not a field of a deployment file/],
  ["a wrong field", "wrong.json", valid.replace('"replicas": 1,', '"replicas": "2",'), /wrong\.json was not imported\. “replicas” \(line 6\): must be a whole number, not "2"/],
  ["a wrong format marker", "format.json", valid.replace("nosana-deployment/1", "nosana-deployment/2"), /“format” \(line 2\): expected "nosana-deployment\/1"/],
];

for (const [what, name, text, message] of BAD) {
  test(`a file with ${what} is refused with its message, the form unchanged and nothing sent`, async ({ page, fake }) => {
    await signIn(page, fake, "/deployments/new");
    await page.getByLabel("Name", { exact: true }).fill("typed-by-hand");
    const before = await page.getByLabel("Job definition").inputValue();
    await importFile(page, jsonFile(name, text));
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("typed-by-hand");
    await expect(page.getByLabel("Job definition")).toHaveValue(before);
    await expectNoRequests(fake, page, WRITES);
  });
}
