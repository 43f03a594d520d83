// The Revisions tab (JSON of any revision, a side-by-side diff of any two,
// "Make active" behind a confirmation that shows the diff) and the edit page's
// "Show changes" before a revision is created.
import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition as addDeployment, api, apiWrite, definition, pagingDeployment } from "./helpers/fake.mjs";
import {
  expectBodyless, expectJsonBody, expectNoRequests, params, sentSoFar, waitForRequest, waitForRequests, WRITES,
} from "./helpers/request-log.mjs";
import { field } from "./helpers/detail-page.mjs";
import { openEdit } from "./helpers/edit-page.mjs";
import { openHistory, panel, rows } from "./helpers/history-page.mjs";

const revisionsOf = (dep) => ({ method: "GET", path: `/deployments/${dep.id}/revisions` });

/** Revision 2 of `twoRevisions`: another image, no `gpu`, one more env var. */
function secondDefinition() {
  const def = definition("docker.io/nginx:1.28");
  delete def.ops[0].args.gpu;
  def.ops[0].args.env.DEBUG = "1";
  return def;
}

/** A deployment of our own with revision 1 (`definition()`) and revision 2 (active). */
async function twoRevisions(fake, fields = {}) {
  const dep = await addDeployment(fake, { name: `history-rev-e2e-${Date.now()}`, ...fields });
  const created = await apiWrite(fake, "POST", `/deployments/${dep.id}/create-revision`, secondDefinition());
  expect(created.active_revision).toBe(2);
  return { ...dep, active_revision: 2 };
}

const revisionRow = (page, n) => panel(page, "Revisions").locator(`tr[data-revision="${n}"]`);
const diffRows = (scope, kind) => scope.locator(`tr[data-kind="${kind}"]`);
/** The old and new text of a diff row (line number, sign and text cells of each side). */
async function sides(row) {
  const cells = row.locator("td");
  return {
    oldSign: (await cells.nth(1).textContent()).trim(),
    oldText: (await cells.nth(2).textContent()).trim(),
    newSign: (await cells.nth(4).textContent()).trim(),
    newText: (await cells.nth(5).textContent()).trim(),
  };
}

test("lists the revisions with the active one marked, and shows any revision's JSON", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  const { revisions } = await api(fake, `/deployments/${dep.id}/revisions`);
  await openHistory(page, fake, dep, "?tab=revisions");
  await expect(rows(page, "Revisions", "data-revision")).toHaveCount(revisions.length);
  await expect(panel(page, "Revisions").getByText(`${revisions.length} revisions`)).toBeVisible();
  await expect(revisionRow(page, dep.active_revision).locator("th")).toHaveText(`Revision ${dep.active_revision} Active`);
  await expect(revisionRow(page, dep.active_revision).getByRole("button", { name: "Make active" })).toHaveCount(0);
  await expect(revisionRow(page, 1).locator("th")).toHaveText("Revision 1");
  await expect(revisionRow(page, 1).getByRole("button", { name: "Make active" })).toBeEnabled();

  const view = revisionRow(page, 1).getByRole("button", { name: "View JSON" });
  await expect(view).toHaveAttribute("aria-expanded", "false");
  await view.click();
  const json = page.getByLabel("Revision 1 job definition");
  await expect(json).toBeVisible();
  const rev1 = revisions.find((r) => r.revision === 1);
  await expect(json).toHaveText(JSON.stringify(rev1.job_definition, null, 2));
  await revisionRow(page, 1).getByRole("button", { name: "Hide JSON" }).click();
  await expect(json).toBeHidden();

  const [read] = await waitForRequests(fake, revisionsOf(dep));
  expect(params(read.query)).toEqual({ limit: "10", sort_order: "desc" });
  expectBodyless(read);
});

test("compares two revisions side by side, changed, added and removed lines marked with − and +", async ({ page, fake }) => {
  const dep = await twoRevisions(fake);
  await openHistory(page, fake, dep, "?tab=revisions");
  const compare = page.getByRole("region", { name: "Compare revisions" });
  await expect(compare).toContainText("Pick A and B");

  await page.getByRole("radio", { name: "Revision 1 as A" }).check();
  await page.getByRole("radio", { name: "Revision 2 as B" }).check();
  const table = compare.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["A: revision 1", "B: revision 2"]);
  await expect(compare.locator(".diff-summary")).toHaveText("4 lines: 2 changed, 1 added, 1 removed.");

  await expect(diffRows(table, "changed")).toHaveCount(2);
  expect(await sides(diffRows(table, "changed").first())).toEqual({
    oldSign: "−", oldText: '"image": "docker.io/nginx:1.27",', newSign: "+", newText: '"image": "docker.io/nginx:1.28",',
  });
  expect(await sides(diffRows(table, "removed").first())).toEqual({
    oldSign: "−", oldText: '"gpu": true,', newSign: "", newText: "",
  });
  expect(await sides(diffRows(table, "added").first())).toEqual({
    oldSign: "", oldText: "", newSign: "+", newText: '"DEBUG": "1"',
  });
  // Unchanged lines are there too, with both line numbers.
  const same = diffRows(table, "same").first().locator("td");
  await expect(same.nth(0)).toHaveText("1");
  await expect(same.nth(3)).toHaveText("1");

  // The same revision twice is not a comparison.
  await page.getByRole("radio", { name: "Revision 1 as B" }).check();
  await expect(compare).toContainText("A and B are both revision 1");
  await compare.getByRole("button", { name: "Clear comparison" }).click();
  await expect(compare).toContainText("Pick A and B");
  await expect(page.getByRole("radio", { name: "Revision 1 as A" })).not.toBeChecked();

  // Comparing is done in the page: the list was read once, nothing was written.
  expect(await sentSoFar(fake, page, revisionsOf(dep))).toHaveLength(1);
  await expectNoRequests(fake, page, WRITES);
});

test("Make active shows what changes from the active revision and sends {active_revision: n}", async ({ page, fake }) => {
  const dep = await twoRevisions(fake);
  await openHistory(page, fake, dep, "?tab=revisions");
  await expect(field(page, "Active revision")).toHaveText("2");
  await revisionRow(page, 1).getByRole("button", { name: "Make active" }).click();

  const dialog = page.getByRole("dialog", { name: "Make revision 1 active?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Revision 1 replaces revision 2 as the active revision");
  const table = dialog.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Revision 2 (active)", "Revision 1"]);
  expect(await sides(diffRows(table, "changed").first())).toEqual({
    oldSign: "−", oldText: '"image": "docker.io/nginx:1.28",', newSign: "+", newText: '"image": "docker.io/nginx:1.27",',
  });
  expect(await sides(diffRows(table, "added").first())).toEqual({
    oldSign: "", oldText: "", newSign: "+", newText: '"gpu": true,',
  });
  expect(await sides(diffRows(table, "removed").first())).toEqual({
    oldSign: "−", oldText: '"DEBUG": "1"', newSign: "", newText: "",
  });
  // The active revision was on screen: nothing more was read to compare.
  expect(await sentSoFar(fake, page, revisionsOf(dep))).toHaveLength(1);

  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel(page, "Revisions").getByRole("status").filter({ hasText: "Revision 1 is now active." })).toBeVisible();
  await expect(revisionRow(page, 1).locator("th")).toHaveText("Revision 1 Active");
  await expect(revisionRow(page, 2).locator("th")).toHaveText("Revision 2");
  await expect(revisionRow(page, 2).getByRole("button", { name: "Make active" })).toBeEnabled();
  await expect(field(page, "Active revision")).toHaveText("1");

  const [sent] = await waitForRequests(fake, { method: "PATCH" });
  expect(sent.path).toBe(`/deployments/${dep.id}/update-active-revision`);
  expectJsonBody(sent, { active_revision: 1 });
  expect(sent.status).toBe(200);
  expect((await fake.deployment(dep.id)).active_revision).toBe(1);
  // The list was read again after the change.
  await waitForRequests(fake, revisionsOf(dep), { count: 2 });
});

test("Cancel and Esc close the confirmation and send nothing", async ({ page, fake }) => {
  const dep = await twoRevisions(fake);
  await openHistory(page, fake, dep, "?tab=revisions");
  const make = revisionRow(page, 1).getByRole("button", { name: "Make active" });
  const dialog = page.getByRole("dialog", { name: "Make revision 1 active?" });

  await make.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(make).toBeFocused();

  await make.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await expectNoRequests(fake, page, WRITES);
  await expect(revisionRow(page, 2).locator("th")).toHaveText("Revision 2 Active");
  expect((await fake.deployment(dep.id)).active_revision).toBe(2);
});

test("when the active revision is on another page, it is looked up to compare", async ({ page, fake }) => {
  // Revisions 1..11 alike, 12 different; then 1 made active, so page 1 (12..3) lacks it.
  const dep = await addDeployment(fake, { name: "history-far-active-e2e", active_revision: 11 });
  await apiWrite(fake, "POST", `/deployments/${dep.id}/create-revision`, secondDefinition());
  await apiWrite(fake, "PATCH", `/deployments/${dep.id}/update-active-revision`, { active_revision: 1 });
  await openHistory(page, fake, { ...dep, active_revision: 1 }, "?tab=revisions");
  await expect(rows(page, "Revisions", "data-revision")).toHaveCount(10);
  await expect(revisionRow(page, 1)).toHaveCount(0);

  await revisionRow(page, 12).getByRole("button", { name: "Make active" }).click();
  const dialog = page.getByRole("dialog", { name: "Make revision 12 active?" });
  await expect(dialog.getByRole("columnheader")).toHaveText(["Revision 1 (active)", "Revision 12"]);
  await expect(dialog.locator(".diff-summary")).toHaveText("4 lines: 2 changed, 1 added, 1 removed.");
  const reads = await waitForRequests(fake, revisionsOf(dep), { count: 2 });
  expect(params(reads[1].query).limit).toBe("100");

  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(revisionRow(page, 12).locator("th")).toHaveText("Revision 12 Active");
  const patch = await waitForRequest(fake, { method: "PATCH" });
  expect(JSON.parse(patch.body)).toEqual({ active_revision: 12 });
});

test("a refused Make active shows the server's words and keeps the active revision", async ({ page, fake }) => {
  page.allowConsoleErrors();
  const dep = await twoRevisions(fake);
  await openHistory(page, fake, dep, "?tab=revisions");
  await fake.faults({
    fail_next: { count: 1, status: 500, body: '{"error":"Deployment is in the incorrect state."}' },
    path_contains: "update-active-revision",
  });
  await revisionRow(page, 1).getByRole("button", { name: "Make active" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  const alert = panel(page, "Revisions").getByRole("alert");
  await expect(alert).toContainText("Revision 1 was not made active");
  await expect(alert).toContainText("Deployment is in the incorrect state.");
  await expect(revisionRow(page, 2).locator("th")).toHaveText("Revision 2 Active");
  await expect(field(page, "Active revision")).toHaveText("2");
});

test("an archived deployment's revisions cannot be made active", async ({ page, fake }) => {
  const dep = await twoRevisions(fake);
  await fake.patchDeployment(dep.id, { status: "ARCHIVED" });
  await openHistory(page, fake, dep, "?tab=revisions");
  const make = revisionRow(page, 1).getByRole("button", { name: "Make active" });
  await expect(make).toBeDisabled();
  await expect(make).toHaveAttribute("title", "An archived deployment cannot be changed");
});

test("the edit page's Show changes compares the editor with the active revision before sending", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { name: "history-show-changes-e2e" });
  await openEdit(page, fake, dep);
  const editor = page.getByLabel("Job definition", { exact: true });
  const show = page.getByRole("button", { name: "Show changes" });
  await expect(show).toHaveAttribute("aria-expanded", "false");

  await editor.fill(JSON.stringify(secondDefinition(), null, 2));
  await show.click();
  const hide = page.getByRole("button", { name: "Hide changes" });
  await expect(hide).toHaveAttribute("aria-expanded", "true");
  const changes = page.locator(`[id="${await hide.getAttribute("aria-controls")}"]`);
  const table = changes.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Revision 1 (active)", "Your edit"]);
  await expect(changes.locator(".diff-summary")).toHaveText("4 lines: 2 changed, 1 added, 1 removed.");
  expect(await sides(diffRows(table, "changed").first())).toEqual({
    oldSign: "−", oldText: '"image": "docker.io/nginx:1.27",', newSign: "+", newText: '"image": "docker.io/nginx:1.28",',
  });

  // It follows the typing; layout alone is no change.
  await editor.fill(JSON.stringify(definition()));
  await expect(changes.locator(".diff-summary")).toHaveText("No differences.");
  await expect(diffRows(table, "same").first()).toBeVisible();
  // Looking sends nothing.
  await expectNoRequests(fake, page, WRITES);

  // After a revision is created, changes are against the new active revision.
  await editor.fill(JSON.stringify(secondDefinition(), null, 2));
  await expect(changes.locator(".diff-summary")).not.toHaveText("No differences.");
  await page.getByRole("button", { name: "Create revision" }).click();
  await expect(page.getByText("Revision 2 is now active.")).toBeVisible();
  await expect(changes.getByRole("columnheader")).toHaveText(["Revision 2 (active)", "Your edit"]);
  await expect(changes.locator(".diff-summary")).toHaveText("No differences.");

  await hide.click();
  await expect(changes).toBeHidden();
  await expect(show).toHaveAttribute("aria-expanded", "false");
});
