// The detail page's "Job status" section: closed until asked for; ended jobs show the exit
// codes of their results; running jobs follow their node's /job/{job}/info stream.
import { test, expect } from "./fixtures.mjs";
import { API_KEY, TEST_KEY, api, pagingDeployment } from "./helpers/fake.mjs";
import { expectNoRequests, params, sentSoFar, waitForRequests } from "./helpers/request-log.mjs";
import { openHistory } from "./helpers/history-page.mjs";

const section = (page) => page.getByRole("region", { name: "Job status" });
const jobCard = (page, job) => section(page).locator(`article[data-job="${job}"]`);

/** The app's reads of the deployment's jobs with a state filter (the section's, not the history tab's). */
const stateReads = (dep) => ({ method: "GET", path: `/deployments/${dep.id}/jobs`, where: (r) => params(r.query).state });
/** The app's reads of single jobs. */
const jobReads = { method: "GET", path: /\/jobs\/[^/]+$/ };

/** A seeded deployment with ended jobs and no running one (so no node is involved). */
async function endedDeployment(fake) {
  for (const dep of await fake.deployments()) {
    if (dep.status !== "STOPPED") continue;
    const { jobs } = await api(fake, `/deployments/${dep.id}/jobs`);
    if (jobs.length > 0 && jobs.every((j) => j.state === "COMPLETED" || j.state === "STOPPED")) return dep;
  }
  throw new Error("no seeded deployment with only ended jobs");
}

test("closed until asked for; ended jobs show their exit codes from the result", async ({ page, fake }) => {
  const dep = await endedDeployment(fake);
  const ended = (await api(fake, `/deployments/${dep.id}/jobs?state=COMPLETED,STOPPED`)).jobs.slice(0, 3);
  expect(ended.length).toBeGreaterThan(0);
  await openHistory(page, fake, dep);

  const toggle = section(page).getByRole("button", { name: "Show job status" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // Opening the page cost the section nothing.
  await expectNoRequests(fake, page, stateReads(dep));

  await toggle.click();
  await expect(section(page).getByRole("button", { name: "Hide job status" })).toHaveAttribute("aria-expanded", "true");
  const reads = await waitForRequests(fake, stateReads(dep), { count: 2 });
  expect(reads.map((r) => params(r.query).state).sort()).toEqual([
    "COMPLETED,STOPPED",
    "RUNNING",
  ]);

  for (const job of ended) {
    const detail = await api(fake, `/deployments/${dep.id}/jobs/${job.job}`);
    const card = jobCard(page, job.job);
    await expect(card).toBeVisible();
    if (!detail.jobResult) {
      await expect(card).toContainText("No result yet");
      continue;
    }
    for (const op of detail.jobResult.opStates) {
      const row = card.locator(`tr[data-op="${op.operationId}"]`);
      await expect(row.locator(".op-exit")).toHaveText(op.exitCode == null ? "—" : new RegExp(`^Exit code ${op.exitCode}\\b`));
    }
  }
  // Each ended job's result was read once, with the key and no body.
  await waitForRequests(fake, jobReads, { count: ended.length });
  const results = await sentSoFar(fake, page, jobReads);
  expect(results.map((r) => r.path.split("/").at(-1)).sort()).toEqual(ended.map((j) => j.job).sort());

  // Closing ends it; the section's reads stop there.
  await section(page).getByRole("button", { name: "Hide job status" }).click();
  await expect(jobCard(page, ended[0].job)).toHaveCount(0);
});

test("a running job shows its ops live from the node, with the node header", async ({ page, fake }) => {
  const dep = await pagingDeployment(fake);
  const running = (await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING`)).jobs.filter((j) => j.node);
  expect(running.length).toBeGreaterThan(0);
  await openHistory(page, fake, dep);
  await section(page).getByRole("button", { name: "Show job status" }).click();

  // The node header comes from the sign route, never with the key in a URL.
  const [sign] = await waitForRequests(fake, { method: "POST", path: "/auth/sign-message/external" }, { atLeast: 1 });
  expect(JSON.parse(sign.body)).toEqual({ message: "nosana-auth", includeTime: false });

  const card = jobCard(page, running[0].job);
  await expect(card.getByRole("status")).toHaveText("Live from the node");
  await expect(card.locator("tbody tr[data-op]").first()).toBeVisible();
  const statuses = await card.locator("tbody tr[data-op] .op-status").allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(s.trim()).not.toBe("");

  // The /info stream reached the node with the signed header, never the API key.
  const header = `nosana-auth:${await signature(fake)}`;
  const infoReads = async () =>
    (await fake.nodeRequests()).filter((r) => r.kind === "info" && r.path === `/job/${running[0].job}/info`);
  await expect.poll(async () => (await infoReads()).map((r) => r.authorization)).toContain(header);
  for (const r of await fake.nodeRequests()) expect(r.authorization ?? "").not.toContain(API_KEY);
});

/** The signature the sign route gives (the same for every key: one account). */
async function signature(fake) {
  const res = await fetch(`${fake.apiUrl}/auth/sign-message/external`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ message: "nosana-auth", includeTime: false }),
  });
  return (await res.json()).signature;
}
