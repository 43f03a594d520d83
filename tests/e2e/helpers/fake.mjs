// Controlling the fake Nosana API: starting it, resetting it, faults, config,
// seeding deployments of our own, and reading its API as the tests (not the app).
// The request log has its own module (request-log.mjs): reads of it must wait.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const FAKE_BIN = process.env.FAKE_BIN || join(ROOT, "target", "debug", "fake-nosana");
export const CSP = readFileSync(join(ROOT, "deploy", "csp.txt"), "utf8").trim();
/** The key the app signs in with. */
export const API_KEY = "nos_e2e_test_key_0123456789";
/** The tests' own key, so their API reads are told apart from the app's in the request log. */
export const TEST_KEY = "nos_e2e_test_reader";

export async function startFake(extraArgs = []) {
  const args = ["--host", "127.0.0.1", "--port", "0", "--dist", process.env.DIST_DIR || join(ROOT, "dist"), "--csp", CSP, ...extraArgs];
  const proc = spawn(FAKE_BIN, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let seen = "";
    // A startup deadline for a child process, not a wait in a test.
    const timer = setTimeout(() => reject(new Error(`fake-nosana did not start: ${seen}`)), 15_000);
    proc.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.on("exit", (code) => reject(new Error(`fake-nosana exited with ${code}: ${seen}`)));
  });
  return new Fake(url, proc);
}

export class Fake {
  constructor(url, proc) {
    this.url = url;
    this.apiUrl = `${url}/api`;
    this.proc = proc;
  }

  async control(method, path, body) {
    const res = await fetch(`${this.url}/__fake${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /__fake${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  reset(options) {
    return this.control("POST", "/reset", options ?? {});
  }

  /**
   * Gone on purpose: a plain read of the log races the app's requests. Use
   * waitForRequests / sentSoFar / expectNoRequests from helpers/request-log.mjs.
   */
  requests() {
    throw new Error("fake.requests() is an unsynchronised read: use waitForRequests, sentSoFar or expectNoRequests (tests/e2e/helpers/request-log.mjs)");
  }

  clearRequests() {
    return this.control("DELETE", "/requests");
  }

  faults(spec) {
    return this.control("POST", "/faults", spec);
  }

  config(spec) {
    return this.control("POST", "/config", spec);
  }

  deployments() {
    return this.control("GET", "/deployments");
  }

  deployment(id) {
    return this.control("GET", `/deployments/${id}`);
  }

  addDeployment(fields) {
    return this.control("POST", "/deployments", fields);
  }

  patchDeployment(id, fields) {
    return this.control("PATCH", `/deployments/${id}`, fields);
  }

  /** An event, a raw frame or any frame for the deployment's streams (see the fake's README). */
  pushEvent(id, frame) {
    return this.control("POST", `/push-event/${id}`, frame);
  }

  // The node double (see the fake's README, "Node double"). Jobs are named by their address.

  /** What the job's node holds: {job, state, node, held_lines, last_timestamp, ended_on_node, result_uploaded, listeners}. */
  nodeJob(job) {
    return this.control("GET", `/jobs/${job}`);
  }

  /**
   * Writes lines to a running job's sockets now. Each is a string (a container line on stdout)
   * or {opId?, group?, type?: "container"|"info"|"error", message: string|{type, payload}, stream?: "stdout"|"stderr"}.
   * Answers {written, last_timestamp}.
   */
  pushLines(job, lines) {
    return this.control("POST", `/jobs/${job}/logs`, { lines });
  }

  /** Holds `lines` more lines of history (100,000 is quick), replayed by sockets opened afterwards. */
  seedHistory(job, lines) {
    return this.control("POST", `/jobs/${job}/history`, { lines });
  }

  /** Runs the next `steps` of the job's automatic output now (paused or not); a burst of 40 lines is every 29th step. */
  runOutput(job, steps = 1) {
    return this.control("POST", `/jobs/${job}/output`, { steps });
  }

  /**
   * Ends a running job ("COMPLETED" or "STOPPED"): the API and its stream say so at once; the node's
   * sockets stay quiet until the result is uploaded (`result_delay_ms` later), then close with 1008.
   * `exitCode` (0-255) is the first op's exit code in its /info and result (default 0, or 143 when stopped).
   */
  endJob(job, state = "COMPLETED", exitCode) {
    return this.control("POST", `/jobs/${job}/end`, exitCode === undefined ? { state } : { state, exit_code: exitCode });
  }

  /** Cuts the job's sockets and /info streams without a close frame (the page sees 1006); answers {listeners}. */
  dropSockets(job) {
    return this.control("POST", `/jobs/${job}/drop`, {});
  }

  /** Makes every node header issued so far stale: sockets close with 3000, /info answers 401. */
  rotateNodeSignature() {
    return this.control("POST", "/nodes/rotate-signature", {});
  }

  /**
   * Turns the running jobs' automatic output on or off (e2e tests that count lines turn it off);
   * `ms` sets its interval.
   */
  nodeOutput(on, ms) {
    return this.config(ms === undefined ? { node_output: on } : { node_output: on, node_output_ms: ms });
  }

  /**
   * What reached the nodes, oldest first: [{kind: "flog"|"info", node, method, path, authorization,
   * handshake, status, closed_by_client}]. It races the page like the API log: poll it (expect.poll).
   */
  nodeRequests() {
    return this.control("GET", "/node-requests");
  }

  /** The first seeded deployment with this status (and strategy, when given). */
  async pick(status, strategy) {
    const all = await this.deployments();
    const found = all.find((d) => d.status === status && (!strategy || d.strategy === strategy));
    if (!found) throw new Error(`no seeded deployment with status ${status} ${strategy ?? ""}`);
    return found;
  }

  stop() {
    this.proc.kill("SIGTERM");
  }
}

/** Well-formed (44 base58 characters) and never seeded: the fake's ids are random. */
export const UNKNOWN_ID = "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU";

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

/** Adds a deployment of our own (DRAFT, SIMPLE, 1 replica, 60 min); `fields` overrides the defaults. */
export async function addDeployment(fake, fields = {}) {
  counter += 1;
  return fake.addDeployment({
    name: `detail-e2e-${counter}`,
    status: "DRAFT",
    strategy: "SIMPLE",
    replicas: 1,
    timeout: 60,
    ...fields,
  });
}

/** Adds a STOPPED deployment of our own with `definition()` as its revision, as the edit page needs. */
export async function addDeploymentWithDefinition(fake, fields = {}) {
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

/** The seeded deployment with 15 jobs and 21 events (index 2, RUNNING). */
export async function pagingDeployment(fake) {
  const dep = (await fake.deployments())[2];
  if (dep.status !== "RUNNING") throw new Error(`seeded deployment 2 is ${dep.status}, not RUNNING`);
  return dep;
}

/** The deployment's running jobs that have a node (seeded deployment 2 has two). */
export async function runningJobs(fake, dep) {
  const { jobs } = await api(fake, `/deployments/${dep.id}/jobs?state=RUNNING`);
  return jobs.filter((j) => j.node);
}

/** A GET of the fake's API with the tests' own key, to know what to expect. */
export async function api(fake, path) {
  const res = await fetch(`${fake.apiUrl}${path}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A write to the fake's API with a JSON body and the tests' own key. */
export async function apiWrite(fake, method, path, body) {
  const res = await fetch(`${fake.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
