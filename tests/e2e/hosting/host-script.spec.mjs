// scripts/host.sh, started as a user would, with the fake API as its --upstream URL (the real
// one is out of reach from the tests): it serves dist/ and config.json, proxies /api, and leaves
// nothing behind when stopped.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { test, expect } from "../fixtures.mjs";
import { API_KEY, TEST_KEY } from "../helpers/fake.mjs";
import { waitForRequests } from "../helpers/request-log.mjs";
import { ROOT } from "./servers.mjs";
import { send } from "./http.mjs";

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs host.sh until it prints its address; resolves with the process, the URL and its output. */
async function startHostScript(args) {
  const proc = spawn("bash", [join(ROOT, "scripts", "host.sh"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stderr.on("data", (c) => (output += c));
  const url = await new Promise((resolve, reject) => {
    // A startup deadline for a child process, not a wait in a test.
    const timer = setTimeout(() => reject(new Error(`host.sh did not start: ${output}`)), 20_000);
    proc.stdout.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/Nosana Deployments at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.on("exit", (code) => reject(new Error(`host.sh exited with ${code}: ${output}`)));
  });
  return { proc, url, output: () => output };
}

async function stop(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
  const exited = new Promise((resolve) => proc.once("exit", (code, signal) => resolve(code ?? signal)));
  proc.kill("SIGTERM");
  return exited;
}

test("scripts/host.sh serves the app, a config.json for /api, and the API behind /api; stopping it leaves nothing", async ({ page, fake }) => {
  const port = await freePort();
  const host = await startHostScript(["--upstream", `${fake.url}/api`, "--port", String(port)]);
  try {
    expect(host.url).toBe(`http://127.0.0.1:${port}`);
    expect(host.output()).toMatch(new RegExp(`/api: +${fake.url}/api\n`));

    const config = await send(`${host.url}/config.json`);
    expect(config.status).toBe(200);
    expect(config.headers["cache-control"]).toBe("no-cache");
    expect(JSON.parse(config.body.toString())).toEqual({ api: "/api", nodes: "https://{node}.node.k8s.prd.nos.ci" });

    const list = await send(`${host.url}/api/deployments?limit=20`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body.toString()).pagination.total_items).toBe((await fake.deployments()).length);

    await page.goto(`${host.url}/deployments`);
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("API key").fill(API_KEY);
    await page.getByLabel("API URL").selectOption("/api");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("table.deployments tbody tr")).toHaveCount(10);
    const [probe] = await waitForRequests(fake, { method: "GET", path: "/deployments" }, { atLeast: 1 });
    expect(probe.authorization).toBe(`Bearer ${API_KEY}`);
  } finally {
    // The page leaves first: the pointer, left where "Sign in" was, can rest on a deployment's
    // link once the list is up, and the app then fetches the detail page's code; fetches still
    // under way would fail against the stopped server.
    await page.goto("about:blank");
    const code = await stop(host.proc);
    expect(code, host.output()).toBe(143);
  }
  // Its temporary directory (config.json, Caddy's state) is gone, and so is the server.
  const work = host.output().match(/config\.json: +(\S+)\/config\.json/)?.[1];
  expect(work, host.output()).toBeTruthy();
  expect(existsSync(work)).toBe(false);
  await expect(send(`${host.url}/`)).rejects.toThrow();
});

test("scripts/host.sh refuses an upstream it cannot proxy, before starting anything", async () => {
  for (const [args, message] of [
    [["--upstream", "http://127.0.0.1:1/v2"], "the upstream URL must be http(s)://HOST[:PORT]/api"],
    [["--upstream", "ftp://example.com/api"], "--upstream must be mainnet, devnet or an http(s):// URL"],
    [["--port", "http"], "--port must be a number from 1 to 65535"],
  ]) {
    const proc = spawn("bash", [join(ROOT, "scripts", "host.sh"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (c) => (stderr += c));
    const code = await new Promise((resolve) => proc.on("exit", resolve));
    expect(code, args.join(" ")).toBe(2);
    expect(stderr).toContain(message);
  }
});
