// A deployment whose replicas and status keep changing, seen from its detail page: every
// change starts and ends jobs, and each job frame asks again for the running jobs and opens
// or closes node streams. Nothing may be left behind: a newer read of the running jobs
// cancels the one under way, and a stream or node request whose reader went away is
// aborted. (Before, reads queued behind forgotten requests until the page stalled.)
import { test, expect } from "./fixtures.mjs";
import { api } from "./helpers/fake.mjs";
import { badge, field, openDetail } from "./helpers/detail-page.mjs";

const CHANGES = 40;
const runningRead = (url) => /\/deployments\/[^/]+\/jobs\?/.test(url) && url.includes("state=RUNNING");
const nodeRequest = (url) => new URL(url).pathname.startsWith("/nodes/");

test("replicas changing again and again leave no requests in flight behind them", async ({ page, fake }) => {
  const dep = (await fake.deployments()).find((d) => d.status === "RUNNING");
  const inFlight = new Set();
  let mostRunningReads = 0;
  page.on("request", (r) => {
    inFlight.add(r);
    const reads = [...inFlight].filter((x) => runningRead(x.url())).length;
    mostRunningReads = Math.max(mostRunningReads, reads);
  });
  page.on("requestfinished", (r) => inFlight.delete(r));
  page.on("requestfailed", (r) => inFlight.delete(r));
  await openDetail(page, fake, dep);

  for (let i = 1; i <= CHANGES; i += 1) {
    const running = i % 2 === 0;
    const replicas = 1 + (i % 7);
    await fake.patchDeployment(dep.id, { status: running ? "RUNNING" : "STOPPED", replicas });
    await expect(field(page, "Replicas")).toHaveText(String(replicas));
    await expect(badge(page)).toHaveAttribute("data-status", running ? "RUNNING" : "STOPPED");
  }

  // One read of the running jobs at a time (the one it replaces may still be failing).
  expect(mostRunningReads).toBeLessThanOrEqual(2);
  // Once the page has caught up, no read is waiting and the node requests still open are
  // the streams of jobs that run now (at most one /info stream per running job on a node).
  await expect
    .poll(() => [...inFlight].filter((r) => runningRead(r.url())).length, { message: "running-jobs reads in flight" })
    .toBe(0);
  await expect
    .poll(
      async () => {
        const { jobs } = await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING&limit=100`);
        const open = [...inFlight].filter((r) => nodeRequest(r.url())).length;
        return open <= jobs.filter((j) => j.node).length;
      },
      { message: "node requests open beyond one per running job" },
    )
    .toBe(true);
});
