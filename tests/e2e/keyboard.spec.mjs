// Keyboard: `/`, `n`, `g` then `d`, `?`, Esc, the "Go to deployment" palette
// (Ctrl+K / Cmd+K), shortcuts that never fire while typing, and Ctrl+Z after
// "Format".
import { test, expect } from "./fixtures.mjs";
import { addDeploymentWithDefinition } from "./helpers/fake.mjs";
import { signIn } from "./helpers/sign-in.mjs";
import { openEdit } from "./helpers/edit-page.mjs";
import { params, waitForRequest } from "./helpers/request-log.mjs";

const rows = (page) => page.locator("table.deployments tbody tr");
const search = (page) => page.getByRole("searchbox", { name: "Search" });
const shortcutsDialog = (page) => page.getByRole("dialog", { name: "Keyboard shortcuts" });
const palette = (page) => page.getByRole("dialog", { name: "Go to deployment" });

async function onList(page, fake) {
  await signIn(page, fake);
  await expect(rows(page)).toHaveCount(10);
  // Keys go to the page, not to the sign-in button that had focus.
  await page.locator("#list-title").click();
}

test("/ focuses the list search, and keys typed there are text", async ({ page, fake }) => {
  await onList(page, fake);
  await page.keyboard.press("/");
  await expect(search(page)).toBeFocused();
  await expect(search(page)).toHaveValue("");
  await page.keyboard.type("n/g?d");
  await expect(search(page)).toHaveValue("n/g?d");
  await expect(page).toHaveURL(/\/deployments\?search=/);
  await expect(shortcutsDialog(page)).toHaveCount(0);
});

test("n opens New deployment, g then d goes back to the list", async ({ page, fake }) => {
  await onList(page, fake);
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/deployments\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New deployment" })).toBeVisible();
  await page.locator("h1").click();
  await page.keyboard.press("g");
  await page.keyboard.press("d");
  await expect(page).toHaveURL(/\/deployments$/);
  await expect(rows(page)).toHaveCount(10);
});

test("g and d too far apart, or d alone, do nothing", async ({ page, fake }) => {
  await page.clock.install();
  await signIn(page, fake, "/deployments/new");
  await expect(page.getByRole("heading", { level: 1, name: "New deployment" })).toBeVisible();
  await page.locator("h1").click();
  await page.keyboard.press("d");
  await page.keyboard.press("g");
  await page.clock.fastForward(2_000);
  await page.keyboard.press("d");
  // A key that does something, to know the ones before it were handled.
  await page.keyboard.press("?");
  await expect(shortcutsDialog(page)).toBeVisible();
  await expect(page).toHaveURL(/\/deployments\/new$/);
});

test("shortcuts never fire while typing in a field", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  const name = page.getByLabel("Name", { exact: true });
  await name.click();
  await page.keyboard.type("gdn?/");
  await expect(name).toHaveValue("gdn?/");
  const editor = page.getByLabel("Job definition", { exact: true });
  await editor.fill("");
  await editor.click();
  await page.keyboard.type("g");
  await page.keyboard.type("d");
  await page.keyboard.press("Control+k");
  await expect(editor).toHaveValue("gd");
  await page.getByLabel("Strategy").focus();
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/deployments\/new$/);
  await expect(shortcutsDialog(page)).toHaveCount(0);
  await expect(palette(page)).toHaveCount(0);
});

test("? shows the shortcuts, Esc closes them and focus comes back", async ({ page, fake }) => {
  await onList(page, fake);
  await page.getByRole("link", { name: "New deployment" }).focus();
  await page.keyboard.press("?");
  const dialog = shortcutsDialog(page);
  await expect(dialog).toBeVisible();
  for (const text of ["Search the deployments list", "New deployment", "Go to the deployments list", "Go to deployment", "Close a dialog"]) {
    await expect(dialog).toContainText(text);
  }
  await expect(dialog.locator("kbd")).toContainText(["/", "n", "g", "d", "Ctrl+K", "⌘K", "?", "Esc"]);
  // Shortcuts rest while a dialog is open.
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/deployments$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New deployment" })).toBeFocused();

  await page.keyboard.press("?");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
});

test("Ctrl+K finds a deployment by name and Enter jumps to it", async ({ page, fake }) => {
  const all = await fake.deployments();
  const target = all[5];
  const term = target.name.slice(0, 5);
  const expected = all.filter((d) => d.name.toLowerCase().includes(term.toLowerCase()) || d.id.toLowerCase().includes(term.toLowerCase()));
  await onList(page, fake);
  await page.keyboard.press("Control+k");
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole("combobox", { name: "Name or id" });
  await expect(input).toBeFocused();
  await input.pressSequentially(term, { delay: 20 });
  const read = await waitForRequest(fake, { method: "GET", path: "/deployments", where: (r) => params(r.query).search === term });
  expect(params(read.query)).toEqual({ search: term, limit: "10", sort_order: "desc" });
  const options = dialog.getByRole("option");
  await expect(options).toHaveCount(Math.min(10, expected.length));
  await expect(options.first()).toHaveAttribute("aria-selected", "true");

  // Arrow keys move the choice; Enter follows it.
  const names = await options.locator(".palette-name").allTextContents();
  const index = names.indexOf(target.name);
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i += 1) await page.keyboard.press("ArrowDown");
  await expect(options.nth(index)).toHaveAttribute("aria-selected", "true");
  await expect(input).toHaveAttribute("aria-activedescendant", await options.nth(index).getAttribute("id"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/deployments/${target.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: target.name, exact: true })).toBeVisible();
  await expect(dialog).toHaveCount(0);
});

test("Cmd+K finds a deployment by its id; Esc closes the palette", async ({ page, fake }) => {
  const target = (await fake.deployments())[7];
  await signIn(page, fake, "/deployments/new");
  await page.locator("h1").click();
  await page.keyboard.press("Meta+k");
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("combobox", { name: "Name or id" }).fill(target.id);
  await expect(dialog.getByRole("option")).toHaveCount(1);
  await expect(dialog.getByRole("status")).toHaveText("1 deployment: Enter opens it.");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/deployments\/new$/);

  // Opened again, it starts afresh; a click on a result follows it too.
  await page.keyboard.press("Control+k");
  await expect(dialog.getByRole("combobox", { name: "Name or id" })).toHaveValue("");
  await expect(dialog.getByRole("status")).toHaveText("Type part of a name or an id.");
  await dialog.getByRole("combobox", { name: "Name or id" }).fill(target.id);
  await dialog.getByRole("option").click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${target.id}$`));
});

test("Esc and then Ctrl+K at once open the palette again", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  await page.locator("h1").click();
  await page.keyboard.press("Control+k");
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  // What Esc does (cancel, then close, whose event comes a task later), with Ctrl+K
  // arriving before that event: input can be handled ahead of it under load.
  await page.evaluate(() => {
    const el = document.querySelector("dialog[open]");
    el.dispatchEvent(new Event("cancel"));
    el.close();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true, cancelable: true }));
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Name or id" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("a search that finds nothing says so", async ({ page, fake }) => {
  await onList(page, fake);
  await page.keyboard.press("Control+k");
  await palette(page).getByRole("combobox", { name: "Name or id" }).fill("no-such-deployment-anywhere");
  await expect(palette(page).getByRole("status")).toHaveText("No deployment matches.");
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeVisible();
  await expect(page).toHaveURL(/\/deployments$/);
});

test("a shortcut that leaves a page with unsaved changes asks first", async ({ page, fake }) => {
  const dep = await addDeploymentWithDefinition(fake);
  await openEdit(page, fake, dep);
  await page.getByLabel("Replicas").fill("4");
  await page.locator("h1").click();
  await page.keyboard.press("n");
  await expect(page.getByText("Leave without saving?")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}/edit$`));
  await page.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(/\/deployments\/new$/);
});

test("Ctrl+Z after Format brings the text from before it back", async ({ page, fake }) => {
  await signIn(page, fake, "/deployments/new");
  const editor = page.getByLabel("Job definition", { exact: true });
  const compact = '{"version":"0.1","type":"container","ops":[]}';
  await editor.fill(compact);
  await page.getByRole("button", { name: "Format", exact: true }).click();
  const pretty = JSON.stringify(JSON.parse(compact), null, 2);
  await expect(editor).toHaveValue(pretty);
  await expect(page.locator(".json-gutter .json-line")).toHaveCount(pretty.split("\n").length);
  await editor.focus();
  await page.keyboard.press("Control+z");
  await expect(editor).toHaveValue(compact);
  await expect(page.locator(".json-gutter .json-line")).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(editor).toHaveValue(pretty);
});
