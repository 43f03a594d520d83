// Starts the fake Nosana API (which also serves dist/) and wraps its control routes.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FAKE_BIN = process.env.FAKE_BIN || join(ROOT, "target", "debug", "fake-nosana");
export const CSP = readFileSync(join(ROOT, "deploy", "csp.txt"), "utf8").trim();
export const API_KEY = "nos_e2e_test_key_0123456789";

export async function startFake(extraArgs = []) {
  const args = ["--host", "127.0.0.1", "--port", "0", "--dist", process.env.DIST_DIR || join(ROOT, "dist"), "--csp", CSP, ...extraArgs];
  const proc = spawn(FAKE_BIN, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let seen = "";
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

  /** API requests the fake received, oldest first. */
  requests() {
    return this.control("GET", "/requests");
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

  addDeployment(fields) {
    return this.control("POST", "/deployments", fields);
  }

  patchDeployment(id, fields) {
    return this.control("PATCH", `/deployments/${id}`, fields);
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
