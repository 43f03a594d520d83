// The edit page's job-definition form: the JSON editor, its checks and
// creating a revision from exactly what was typed.
import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition as addDeployment, apiWrite, definition } from "./helpers/fake.mjs";
import { expectNoRequests, expectOneWrite, waitForRequests, WRITES } from "./helpers/request-log.mjs";
import { card, openEdit } from "./helpers/edit-page.mjs";

const editor = (page) => page.getByLabel("Job definition", { exact: true });
const problems = (page) => page.locator("#edit-job-definition-problems");
const markedLines = (page) => page.locator(".json-gutter .json-line-marked");

test("prefills the active revision's definition, pretty-printed in its own key order, with line numbers", async ({ page, fake }) => {
  const def = definition("docker.io/library/nginx:1.27");
  const dep = await addDeployment(fake, { job_definition: def });
  await openEdit(page, fake, dep);

  const text = JSON.stringify(def, null, 2);
  await expect(editor(page)).toHaveValue(text);
  const lines = text.split("\n").length;
  await expect(page.locator(".json-gutter .json-line")).toHaveCount(lines);
  await expect(page.locator(".json-gutter .json-line").last()).toHaveText(String(lines));
  await expect(markedLines(page)).toHaveCount(0);
  await expect(page.getByText(`Revision 1 is active.`)).toBeVisible();

  const reads = await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}/revisions` }, { atLeast: 1 });
  expect(new URLSearchParams(reads[0].query).get("limit")).toBe("100");
});

test("pages through the revisions until it finds the active one", async ({ page, fake }) => {
  const older = definition("docker.io/library/nginx:1.25");
  const dep = await addDeployment(fake, { job_definition: older });
  // 100 newer revisions, then make the oldest active: it is on the second page.
  for (let i = 0; i < 100; i++) {
    await apiWrite(fake, "POST", `/deployments/${dep.id}/create-revision`, definition(`docker.io/library/nginx:2.${i}`));
  }
  await fake.patchDeployment(dep.id, { active_revision: 1 });
  await fake.clearRequests();

  await openEdit(page, fake, dep);
  await expect(editor(page)).toHaveValue(JSON.stringify(older, null, 2));
  const reads = await waitForRequests(fake, { method: "GET", path: `/deployments/${dep.id}/revisions` }, { count: 2 });
  const [first, second] = reads.map((r) => new URLSearchParams(r.query));
  expect(first.get("limit")).toBe("100");
  expect(first.get("cursor")).toBeNull();
  expect(second.get("limit")).toBe("100");
  expect(second.get("cursor")).toBeTruthy();
});

test("creates a revision from the edited JSON, sent exactly as typed", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const edited = definition("docker.io/library/nginx:1.28");
  edited.ops[0].args.env = { ZETA: "last-but-first", ALPHA: "1" };
  edited.ops[0].args.cmd = ["nginx", "-g", "daemon off;"];
  await editor(page).fill(JSON.stringify(edited, null, 4));
  await expect(problems(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Create revision" }).click();

  await expect(card(page, "Job definition").getByRole("status")).toHaveText("Revision 2 is now active.");
  await expect(page.getByText("Revision 2 is active.")).toBeVisible();
  const sent = await expectOneWrite(fake, page, "POST", `/deployments/${dep.id}/create-revision`, edited);
  // Not wrapped, nothing added or dropped, and the keys in the order typed.
  expect(sent.body).toBe(JSON.stringify(edited));
  const stored = (await fake.deployments()).find((d) => d.id === dep.id);
  expect(stored.active_revision).toBe(2);
  // What was typed stays in the editor.
  await expect(editor(page)).toHaveValue(JSON.stringify(edited, null, 4));
});

test("invalid JSON shows the line and column, marks the line, and sends nothing", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  await editor(page).fill('{\n  "version": "0.1",\n  "type" "container",\n  "ops": []\n}');
  await expect(problems(page)).toContainText("line 3, column 10");
  await expect(editor(page)).toHaveAttribute("aria-invalid", "true");
  await expect(editor(page)).toHaveAttribute("aria-describedby", /edit-job-definition-problems/);
  await expect(markedLines(page)).toHaveText(["3"]);

  await page.getByRole("button", { name: "Create revision" }).click();
  await expect(problems(page)).toContainText("Nothing was sent");
  await expect(editor(page)).toBeFocused();
  await expectNoRequests(fake, page, WRITES);
});

test("a rule problem is listed as path: message, its line marked, and nothing is sent", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const broken = definition();
  delete broken.ops[0].args.image;
  const text = JSON.stringify(broken, null, 2);
  await editor(page).fill(text);
  await expect(problems(page).locator("li")).toHaveCount(1);
  await expect(problems(page).locator("li")).toContainText("ops[0].args.image: required");
  const argsLine = text.split("\n").findIndex((l) => l.includes('"args"')) + 1;
  await expect(markedLines(page)).toHaveText([String(argsLine)]);

  await page.getByRole("button", { name: "Create revision" }).click();
  await expect(problems(page)).toContainText("Nothing was sent");
  await expectNoRequests(fake, page, WRITES);

  // Fixing it clears the list and the marks.
  await editor(page).fill(JSON.stringify(definition(), null, 2));
  await expect(problems(page)).toHaveCount(0);
  await expect(markedLines(page)).toHaveCount(0);
});

test("Format pretty-prints valid JSON and explains invalid JSON instead", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.clearRequests();

  const def = definition("docker.io/library/redis:7");
  await editor(page).fill(JSON.stringify(def));
  await expect(page.locator(".json-gutter .json-line")).toHaveCount(1);
  await page.getByRole("button", { name: "Format", exact: true }).click();
  await expect(editor(page)).toHaveValue(JSON.stringify(def, null, 2));
  await expect(page.locator(".json-gutter .json-line")).toHaveCount(JSON.stringify(def, null, 2).split("\n").length);

  const invalid = '{"version": "0.1", "ops": [}';
  await editor(page).fill(invalid);
  await page.getByRole("button", { name: "Format", exact: true }).click();
  await expect(page.locator("#edit-job-definition-format-error")).toContainText("Cannot format: not valid JSON");
  await expect(page.locator("#edit-job-definition-format-error")).toContainText("line 1, column 28");
  await expect(editor(page)).toHaveValue(invalid);
  await expectNoRequests(fake, page, WRITES);
});

test("the gutter scrolls with the text", async ({ page, fake }) => {
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  const long = { ...definition(), global: { variables: Object.fromEntries([...Array(80)].map((_, i) => [`V${i}`, String(i)])) } };
  await editor(page).fill(JSON.stringify(long, null, 2));
  await editor(page).evaluate((el) => {
    el.scrollTop = 400;
    el.dispatchEvent(new Event("scroll"));
  });
  await expect
    .poll(() => page.locator(".json-gutter").evaluate((el) => el.scrollTop))
    .toBe(await editor(page).evaluate((el) => el.scrollTop));
});

test("a failed create-revision keeps the edited JSON and shows the server's message", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const dep = await addDeployment(fake);
  await openEdit(page, fake, dep);
  await fake.patchDeployment(dep.id, { status: "ARCHIVED" });
  await fake.clearRequests();

  const edited = JSON.stringify(definition("docker.io/library/nginx:1.29"), null, 2);
  await editor(page).fill(edited);
  await page.getByRole("button", { name: "Create revision" }).click();
  await expect(card(page, "Job definition").getByRole("alert")).toHaveText("Cannot modify an archived deployment. (HTTP 500)");
  await expect(editor(page)).toHaveValue(edited);
  await expectOneWrite(fake, page, "POST", `/deployments/${dep.id}/create-revision`, JSON.parse(edited));
});
