// Helpers shared by the edit-page specs: own deployments with known contents,
// opening the page, and reading what the fake received.
import { expect, signIn, API_KEY } from "./fixtures.mjs";

/** A job definition the server accepts, with keys in a deliberate (non-alphabetical) order. */
export function definition(image = "docker.io/nginx:1.27") {
  return {
    version: "0.1",
    type: "container",
    meta: { trigger: "dashboard", system_resources: { required_vram: 8 } },
    ops: [
      {
        type: "container/run",
        id: "web",
        args: {
          image,
          gpu: true,
          expose: [{ port: 80, health_checks: [{ type: "http", path: "/", method: "GET", expected_status: 200, continuous: false }] }],
          env: { MODE: "prod" },
        },
      },
    ],
  };
}

let counter = 0;

/** Adds a deployment of our own to the fake; `fields` overrides the defaults. */
export async function addDeployment(fake, fields = {}) {
  counter += 1;
  return fake.addDeployment({
    name: `edit-e2e-${counter}`,
    status: "STOPPED",
    strategy: "SIMPLE",
    replicas: 1,
    timeout: 120,
    job_definition: definition(),
    ...fields,
  });
}

/** Signs in straight into the edit page of `dep` and waits for it to load. */
export async function openEdit(page, fake, dep) {
  await signIn(page, fake, `/deployments/${dep.id}/edit`);
  await expect(page).toHaveURL(new RegExp(`/deployments/${dep.id}/edit$`));
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${dep.name}` })).toBeVisible();
  await expect(page.getByLabel("Job definition", { exact: true })).not.toHaveValue("");
}

/** The card (section) of one form, found by its heading. */
export function card(page, heading) {
  return page.locator("section.edit-card").filter({ has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });
}

/** Every request but reads: what the app changed. */
export async function writes(fake) {
  return (await fake.requests()).filter((r) => r.method !== "GET");
}

/** Asserts the one write the app made, and returns its parsed body. */
export async function expectOneWrite(fake, method, path, body) {
  const sent = await writes(fake);
  expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`${method} ${path}`]);
  const [r] = sent;
  expect(r.authorization).toBe(`Bearer ${API_KEY}`);
  expect(r.content_type).toBe("application/json");
  expect(JSON.parse(r.body)).toEqual(body);
  return r;
}

/** Whether a `beforeunload` now would ask the user first. */
export function wouldAskBeforeUnload(page) {
  return page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}
