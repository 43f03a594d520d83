// Accessibility: axe-core on every page and every open dialog, in light and dark
// (runs in the desktop and the mobile project), and what a route change does:
// the tab's title, focus on the new page's heading, and a polite announcement.
import { test, expect } from "./fixtures.mjs";
import { addDeployment, addDeploymentWithDefinition, apiWrite, definition, pagingDeployment } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { waitForRequests } from "./helpers/request-log.mjs";
import { button } from "./helpers/detail-page.mjs";
import { expectAccessible } from "./helpers/axe.mjs";
import { logPane, logRow, logSocketOpen, runningOnNodes } from "./helpers/logs-page.mjs";
import { stubNotifications } from "./helpers/notifications.mjs";

const h1 = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });
const announcer = (page) => page.locator("#page-announcer");
const tab = (page, name) => page.getByRole("tab", { name, exact: true });

// Each audit runs axe twice (light, dark) over the whole page: more than the default 30 s
// on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** Opens a modal dialog with `open`, audits it, and closes it with Cancel. */
async function auditDialog(page, open, name, what) {
  await open();
  const dialog = page.getByRole("dialog", { name });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, what);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
}

test("sign-in page, also with a problem shown", async ({ page, fake }) => {
  await page.goto(`${fake.url}/sign-in`);
  await expect(h1(page, "Sign in")).toBeVisible();
  await expect(page).toHaveTitle("Sign in · Nosana Deployments");
  await expectAccessible(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Enter your API key.");
  await page.getByLabel("API URL").selectOption("custom");
  await expectAccessible(page, "sign-in with a problem and a custom URL");
});

test("list: filters, a selection with its bulk review and summary, and an empty result", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments?status=RUNNING");
  const rows = page.locator("table.deployments tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(page).toHaveTitle("Deployments · Nosana Deployments");
  await expectAccessible(page, "list");

  await rows.nth(0).locator("td.select input").check();
  await rows.nth(1).locator("td.select input").check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await expectAccessible(page, "list with a selection");
  await page.getByRole("button", { name: "Stop selected" }).click();
  await expect(page.getByRole("heading", { name: "Stop 2 of 2 selected" })).toBeVisible();
  await expectAccessible(page, "bulk review");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: /^Stop: 2 succeeded/ })).toBeVisible();
  await expectAccessible(page, "bulk summary");

  await page.getByRole("searchbox", { name: "Search" }).fill("no-such-deployment-anywhere");
  await expect(page.getByText("No deployments match these filters.")).toBeVisible();
  await expectAccessible(page, "list with nothing found");
});

test("detail page: fields, every history tab, a job's details, and the rename form", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  await signIn(page, fake, `/deployments/${dep.id}`);
  await expect(h1(page, dep.name)).toBeVisible();
  await expect(page).toHaveTitle(`${dep.name} · Nosana Deployments`);
  await expect(page.locator("#history-panel-jobs tbody tr").first()).toBeVisible();
  await expectAccessible(page, "detail, Jobs tab");

  await page.locator("#history-panel-jobs").getByRole("button", { name: "Details" }).first().click();
  await waitForRequests(fake, { method: "GET", path: new RegExp(`^/deployments/${dep.id}/jobs/.+`) });
  await expect(page.locator("#history-panel-jobs .job-detail").first()).toBeVisible();
  await expectAccessible(page, "detail, a job's details");

  for (const name of ["Events", "Revisions", "Tasks"]) {
    await tab(page, name).click();
    const panel = page.locator(`#history-panel-${name.toLowerCase()}`);
    await expect(panel).toBeVisible();
    await expect(panel.locator("[aria-busy=true]")).toHaveCount(0);
    await expect(panel.locator("tbody tr, .empty").first()).toBeVisible();
    await expectAccessible(page, `detail, ${name} tab`);
  }

  await button(page, "Rename").click();
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expectAccessible(page, "detail, renaming");
});

test("detail page: the Stop, Archive, Delete and Make active dialogs", async ({ page, fake }) => {
  const running = await addDeployment(fake, { status: "RUNNING", name: "a11y-running" });
  await signIn(page, fake, `/deployments/${running.id}`);
  await expect(h1(page, running.name)).toBeVisible();
  await auditDialog(page, () => button(page, "Stop").click(), `Stop “${running.name}”?`, "the Stop dialog");

  const stopped = await addDeploymentWithDefinition(fake, { name: "a11y-stopped" });
  await apiWrite(fake, "POST", `/deployments/${stopped.id}/create-revision`, definition("docker.io/nginx:1.28"));
  await page.goto(`${fake.url}/deployments/${stopped.id}?tab=revisions`);
  await expect(h1(page, stopped.name)).toBeVisible();
  await page.getByRole("button", { name: "Show job status" }).click();
  await expect(page.getByRole("region", { name: "Job status" }).getByText("No jobs yet.")).toBeVisible();
  await expectAccessible(page, "detail of a STOPPED deployment: Revisions tab, Job status open");
  await auditDialog(page, () => button(page, "Archive").click(), `Archive “${stopped.name}”?`, "the Archive dialog");
  await auditDialog(page, () => button(page, "Delete").click(), `Delete “${stopped.name}”?`, "the Delete dialog");
  const make = page.locator('tr[data-revision="1"]').getByRole("button", { name: "Make active" });
  await auditDialog(page, () => make.click(), "Make revision 1 active?", "the Make active dialog with its diff");
});

test("detail page: the Logs tab with lines shown, searched, and paused with Jump to latest", async ({ page, fake }) => {
  const { dep, jobs } = await runningOnNodes(fake, 2);
  const [a, b] = jobs;
  // Only the lines the test writes.
  await fake.nodeOutput(false);
  await signIn(page, fake, `/deployments/${dep.id}?tab=logs`);
  await expect(h1(page, dep.name)).toBeVisible();
  await expect(tab(page, "Logs")).toHaveAttribute("aria-selected", "true");
  await expect(logPane(page)).toBeVisible();
  await logSocketOpen(fake, a.job);
  await logSocketOpen(fake, b.job);
  // Few enough lines that every one is drawn (the view draws only what is in sight).
  await fake.pushLines(a.job, Array.from({ length: 12 }, (_, i) => `a11y line ${i} from A`));
  await fake.pushLines(b.job, ["a11y needle from B", { type: "error", message: "a11y trouble on the node\n" }]);
  await expect(logRow(page, "a11y line 11 from A")).toHaveCount(1);
  await expect(logRow(page, "a11y trouble on the node")).toHaveCount(1);
  await expectAccessible(page, "the Logs tab with lines of two replicas");

  await page.getByRole("searchbox", { name: "Search logs" }).fill("needle");
  await expect(logPane(page).locator("mark")).toHaveText(["needle"]);
  await expectAccessible(page, "the Logs tab searched, a match marked");
  await page.getByRole("searchbox", { name: "Search logs" }).fill("");
  await fake.pushLines(a.job, Array.from({ length: 80 }, (_, i) => `a11y more ${i} from A`));
  await expect(logRow(page, "a11y more 79 from A")).toHaveCount(1);

  // Scrolled up, following pauses and "Jump to latest" is offered.
  await logPane(page).evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(page.getByLabel("Follow")).not.toBeChecked();
  await fake.pushLines(a.job, ["a11y late line"]);
  await expect(page.getByRole("button", { name: /Jump to latest/ })).toBeVisible();
  await expectAccessible(page, "the Logs tab paused, Jump to latest offered");
});

test("edit page, with problems shown and the leave guard open", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake, { name: "a11y-edit" });
  await signIn(page, fake, `/deployments/${dep.id}/edit`);
  await expect(h1(page, `Edit ${dep.name}`)).toBeVisible();
  await expect(page.getByLabel("Job definition", { exact: true })).not.toHaveValue("");
  await expect(page).toHaveTitle(`Edit ${dep.name} · Nosana Deployments`);
  await expectAccessible(page, "edit");

  await page.getByLabel("Replicas", { exact: true }).fill("-1");
  await page.getByRole("button", { name: "Save replicas" }).click();
  await expect(page.locator("#edit-replicas-error")).not.toBeEmpty();
  await page.getByLabel("Job definition", { exact: true }).fill('{\n  "version": "0.1",\n  "type" "container"\n}');
  await page.getByRole("button", { name: "Create revision" }).click();
  await expect(page.locator("#edit-job-definition-problems")).toContainText("Nothing was sent");
  await expectAccessible(page, "edit with problems shown");

  await page.getByRole("link", { name: "Back to deployment" }).click();
  await expect(page.getByRole("alertdialog", { name: "Leave without saving?" })).toBeVisible();
  await expectAccessible(page, "edit with the leave guard");
});

test("create page, empty and with problems shown; the not-found page", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  await expect(h1(page, "New deployment")).toBeVisible();
  await expect(page).toHaveTitle("New deployment · Nosana Deployments");
  await waitForRequests(fake, { method: "GET", path: /^\/markets/ }, { atLeast: 1 });
  await expect(page.locator(".market-option").first()).toBeVisible();
  await expectAccessible(page, "create");
  await page.getByRole("button", { name: "Create deployment" }).click();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await expectAccessible(page, "create with problems shown");

  await page.goto(`${fake.url}/deployments/missing/edit/nothing`);
  await expect(h1(page, "Page not found")).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Nosana Deployments");
  await expectAccessible(page, "not found");
});

test("the Keyboard shortcuts dialog and the Go to deployment palette with results listed", async ({ page, fake }) => {
  const all = await fake.deployments();
  await signIn(page, fake);
  await expect(page.locator("table.deployments tbody tr").first()).toBeVisible();
  // Keys go to the page, not to the sign-in button that had focus.
  await page.locator("#list-title").click();

  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expectAccessible(page, "the Keyboard shortcuts dialog");
  await shortcuts.getByRole("button", { name: "Close" }).click();
  await expect(shortcuts).toHaveCount(0);

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Go to deployment" });
  await expect(palette).toBeVisible();
  await expectAccessible(page, "the Go to deployment palette, empty");
  const term = all[0].name.slice(0, 3);
  await palette.getByRole("combobox", { name: "Name or id" }).fill(term);
  await expect(palette.getByRole("option").first()).toBeVisible();
  await expect(palette.getByRole("status")).toHaveText(/deployments?: /);
  await expectAccessible(page, "the Go to deployment palette with results");
  await palette.getByRole("combobox", { name: "Name or id" }).fill("no-such-deployment-anywhere");
  await expect(palette.getByRole("status")).toHaveText("No deployment matches.");
  await expectAccessible(page, "the Go to deployment palette, nothing found");
  await palette.getByRole("button", { name: "Close" }).click();
  await expect(palette).toHaveCount(0);
});

test("header spend and runway, the detail page's Export buttons, and Notify me with its refusal explained", async ({ page, fake }) => {
  await stubNotifications(page, "denied");
  const dep = await addDeploymentWithDefinition(fake, { name: "a11y-export" });
  await signIn(page, fake, `/deployments/${dep.id}`);
  await expect(h1(page, dep.name)).toBeVisible();
  await expect(page.locator(".account .spend")).toHaveText(/^Spend: \$/);
  await expect(page.locator(".account .runway")).toContainText("h left at the current spend");
  await expect(button(page, "Export")).toBeVisible();
  await expect(button(page, "Export job definition")).toBeVisible();
  await expectAccessible(page, "detail with the header's spend and runway and the Export buttons");

  await page.getByRole("button", { name: "Notify me" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Notifications are blocked for this site" })).toBeVisible();
  await expectAccessible(page, "Notify me refused, explained");
});

test("create page: the Estimated cost with a market chosen, and a file imported", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  await expect(h1(page, "New deployment")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import from file" })).toBeVisible();
  await page.getByLabel("Search markets").fill("4090");
  await page.getByRole("radiogroup", { name: "Markets" }).getByRole("radio").first().check();
  await page.getByLabel("Replicas").fill("2");
  await page.getByLabel("Timeout (minutes)").fill("90");
  const estimate = page.locator(".cost-estimate");
  await expect(estimate.locator(".cost-figure")).toHaveText("$0.90/h for 2 replicas");
  await expect(estimate.locator(".cost-market")).toBeVisible();
  await expectAccessible(page, "create with an estimate");

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import from file" }).click();
  const text = '{\n  "version": "0.1",\n  "type": "container",\n  "ops": []\n}\n';
  await (await chooser).setFiles({ name: "job.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByLabel("Job definition", { exact: true })).toHaveValue(text);
  await expect(page.getByRole("status").filter({ hasText: "Imported the job definition from job.json." })).toBeVisible();
  await expectAccessible(page, "create after importing a file");
});

test("a route change names the page in the title, focuses its heading and announces it; the first load does not", async ({ page, fake }) => {
  const dep = await addDeployment(fake, { status: "RUNNING", name: "a11y-focus-target" });
  await page.goto(`${fake.url}/sign-in`);
  await expect(h1(page, "Sign in")).toBeVisible();
  // First load: the title, but no focus move and nothing announced.
  await expect(page).toHaveTitle("Sign in · Nosana Deployments");
  await expect(announcer(page)).toHaveText("");
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  await signIn(page, fake, "/deployments");
  await expect(h1(page, "Deployments")).toBeFocused();
  await expect(page).toHaveTitle("Deployments · Nosana Deployments");
  await expect(announcer(page)).toHaveText("Deployments · Nosana Deployments");
  await expect(announcer(page)).toHaveAttribute("aria-live", "polite");

  // The detail page's heading is the deployment's name, which comes with its data.
  await page.locator(`tr[data-id="${dep.id}"]`).getByRole("link", { name: dep.name }).click();
  await expect(h1(page, dep.name)).toBeFocused();
  await expect(page).toHaveTitle(`${dep.name} · Nosana Deployments`);
  await expect(announcer(page)).toHaveText(`${dep.name} · Nosana Deployments`);
  expect(await h1(page, dep.name).getAttribute("tabindex")).toBe("-1");

  // A query change on the same page (a history tab) is no route change: focus stays on the tab.
  await tab(page, "Events").click();
  await expect(page).toHaveURL(/\?tab=events$/);
  await expect(tab(page, "Events")).toBeFocused();

  // Back in the browser is a route change too.
  await page.goBack();
  await page.goBack();
  await expect(h1(page, "Deployments")).toBeFocused();
  await expect(announcer(page)).toHaveText("Deployments · Nosana Deployments");

  // A reload is a first load again.
  await page.reload();
  await expect(h1(page, "Deployments")).toBeVisible();
  await expect(page).toHaveTitle("Deployments · Nosana Deployments");
  await expect(announcer(page)).toHaveText("");
  await expect(h1(page, "Deployments")).not.toBeFocused();
});
