// The Logs tab's moving parts for specs outside logs.spec: a running deployment whose
// jobs have nodes, and waiting for a job's log socket before lines are pushed to it.
import { expect } from "@playwright/test";
import { api } from "./fake.mjs";

export const logPane = (page) => page.getByRole("region", { name: "Log lines" });
export const logRows = (page) => logPane(page).locator("[data-line-id]");
export const logRow = (page, text) => logRows(page).filter({ hasText: text });

/** A seeded RUNNING deployment with at least `n` running jobs on nodes, and those jobs. */
export async function runningOnNodes(fake, n = 1) {
  for (const dep of await fake.deployments()) {
    if (dep.status !== "RUNNING") continue;
    const { jobs } = await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING&limit=50`);
    const onNodes = jobs.filter((j) => j.node && j.node !== "11111111111111111111111111111111");
    if (onNodes.length >= n) return { dep, jobs: onNodes };
  }
  throw new Error(`no seeded deployment with ${n} running jobs on nodes`);
}

/** Waits until the node double has seen `count` log sockets of `job` (handshake sent); answers them. */
export async function socketsOf(fake, job, count = 1) {
  const of = async () => (await fake.nodeRequests()).filter((r) => r.kind === "flog" && r.handshake?.includes(job));
  await expect.poll(async () => (await of()).length, { message: `${count} log socket(s) of ${job}` }).toBeGreaterThanOrEqual(count);
  return of();
}

/** Waits until the node double has seen a log socket of `job` (so pushed lines reach the page). */
export const logSocketOpen = (fake, job) => socketsOf(fake, job, 1);
