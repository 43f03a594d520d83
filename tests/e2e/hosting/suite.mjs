// The same checks for each server config in deploy/: one spec file per server calls hostingSuite.
// The server runs the shipped file (servers.mjs) with dist/ and the fake API as its upstream.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, expect } from "../fixtures.mjs";
import { API_KEY, CSP, TEST_KEY, addDeployment } from "../helpers/fake.mjs";
import { waitForRequest } from "../helpers/request-log.mjs";
import { badge, button, liveMode } from "../helpers/detail-page.mjs";
import { ROOT, startServer } from "./servers.mjs";
import { openStream, send } from "./http.mjs";

const DIST = process.env.DIST_DIR || join(ROOT, "dist");
const INDEX = readFileSync(join(DIST, "index.html"));
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Every file of the build but index.html and the precompressed copies. */
const ASSETS = readdirSync(DIST, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name !== "index.html" && !/\.(br|gz)$/.test(e.name))
  .map((e) => e.name);
const TYPES = { wasm: /^application\/wasm$/, js: /^(application|text)\/javascript\b/, css: /^text\/css\b/, svg: /^image\/svg\+xml\b/ };
const EDIT_CHUNK = ASSETS.find((f) => /^split_edit_page-[0-9a-f]+\.wasm$/.test(f));
const MAIN_WASM = ASSETS.find((f) => /^nosana-deployments-[0-9a-f]+_bg\.wasm$/.test(f));

/** What every static answer carries. */
function expectSecurityHeaders(res, what) {
  expect(res.headers["content-security-policy"], `CSP of ${what}`).toBe(CSP);
  expect(res.headers["x-content-type-options"], `nosniff on ${what}`).toBe("nosniff");
  expect(res.headers["referrer-policy"], `Referrer-Policy of ${what}`).toBe("no-referrer");
}

/** The sign-in form, answered with the app's key and "This server (/api)". */
async function signInHere(page) {
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A copy of dist/ without the edit page's wasm chunk, as after a deploy that removed it. */
function distWithoutEditChunk(dir) {
  chmodSync(dir, 0o755); // read by the server, which runs as nobody
  cpSync(DIST, dir, { recursive: true });
  for (const suffix of ["", ".br", ".gz"]) rmSync(join(dir, `${EDIT_CHUNK}${suffix}`));
}

// The app asks for /config.json on sign-in; served as scripts/host.sh serves it, so the browser
// logs no 404 (the fixture fails on console errors). Its absence is checked over HTTP above.
function asHostShDoes(host) {
  host.setConfig({ api: "/api", nodes: "https://{node}.node.k8s.prd.nos.ci" });
}

export function hostingSuite(kind) {
  const test = base.extend({
    host: [
      async ({ fakeServer }, use) => {
        const server = await startServer(kind, { dist: DIST, upstream: fakeServer.url });
        await use(server);
        await server.stop();
      },
      { scope: "worker" },
    ],
  });

  test.describe(`${kind} with deploy/${kind === "nginx" ? "nginx.conf" : "Caddyfile"}`, () => {
    test("the build has what these checks look for", () => {
      expect(MAIN_WASM, "main wasm in dist/").toBeTruthy();
      expect(EDIT_CHUNK, "edit page chunk in dist/").toBeTruthy();
      expect(ASSETS.length).toBeGreaterThanOrEqual(6);
    });

    test("the app's routes and deep links answer index.html, not cached, with the security headers", async ({ host, fake }) => {
      const [dep] = await fake.deployments();
      for (const path of ["/", "/sign-in", "/deployments", "/deployments?status=RUNNING&limit=20", `/deployments/${dep.id}`,
        `/deployments/${dep.id}/edit`, `/deployments/${dep.id}?tab=events`, "/deployments/new", "/no-such-page"]) {
        const res = await send(`${host.url}${path}`);
        expect(res.status, path).toBe(200);
        expect(res.headers["content-type"], path).toMatch(/^text\/html\b/);
        expect(res.body.equals(INDEX), `${path} is dist/index.html`).toBe(true);
        expect(res.headers["cache-control"], path).toBe("no-cache");
        expectSecurityHeaders(res, path);
      }
    });

    test("every hashed file is served as built, with its type, cached for good", async ({ host }) => {
      for (const file of ASSETS) {
        const res = await send(`${host.url}/${file}`);
        expect(res.status, file).toBe(200);
        expect(res.body.equals(readFileSync(join(DIST, file))), `${file} as built`).toBe(true);
        expect(res.headers["content-type"], file).toMatch(TYPES[file.split(".").pop()] ?? /./);
        expect(res.headers["cache-control"], file).toBe(IMMUTABLE);
        expectSecurityHeaders(res, file);
      }
    });

    test("a missing file is a 404, never index.html, and not cached", async ({ host }) => {
      const missing = [
        "/nosana-deployments-0123456789abcdef_bg.wasm",
        "/split_edit_page-0123456789abcdef.wasm",
        "/nosana-deployments-0123456789abcdef.js",
        "/main-0123456789abcdef.css",
        "/favicon.ico",
        "/deployments/old-chunk.js",
      ];
      for (const path of missing) {
        for (const encoding of ["identity", "br, gzip"]) {
          const res = await send(`${host.url}${path}`, { headers: { "accept-encoding": encoding } });
          expect(res.status, `${path} (${encoding})`).toBe(404);
          expect(res.body.includes(INDEX), `${path} is not index.html`).toBe(false);
          expect(res.headers["cache-control"] ?? "", path).not.toContain("immutable");
        }
      }
    });

    test("the .br and .gz files are sent to a client that accepts them", async ({ host, fake }) => {
      const [dep] = await fake.deployments();
      for (const [path, file] of [[`/${MAIN_WASM}`, MAIN_WASM], [`/deployments/${dep.id}`, "index.html"]]) {
        const raw = readFileSync(join(DIST, file));
        const br = await send(`${host.url}${path}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
        expect(br.headers["content-encoding"], `${path} for br`).toBe("br");
        expect(br.body.equals(readFileSync(join(DIST, `${file}.br`))), `${path}: the .br file`).toBe(true);
        expect(br.headers.vary ?? "", path).toMatch(/accept-encoding/i);
        const gz = await send(`${host.url}${path}`, { headers: { "accept-encoding": "gzip" } });
        expect(gz.headers["content-encoding"], `${path} for gzip`).toBe("gzip");
        expect(gz.body.equals(readFileSync(join(DIST, `${file}.gz`))), `${path}: the .gz file`).toBe(true);
        const plain = await send(`${host.url}${path}`);
        expect(plain.headers["content-encoding"], `${path} for identity`).toBeUndefined();
        expect(plain.body.equals(raw), `${path}: the file itself`).toBe(true);
        for (const res of [br, gz, plain]) expect(res.headers["content-type"]).toBe(plain.headers["content-type"]);
      }
    });

    test("config.json: served from its own directory when present, not cached; 404 when absent", async ({ host }) => {
      host.setConfig(null);
      const absent = await send(`${host.url}/config.json`);
      expect(absent.status).toBe(404);
      expect(absent.body.includes(INDEX)).toBe(false);

      const config = { api: "/api", nodes: "https://{node}.node.k8s.prd.nos.ci" };
      host.setConfig(config);
      try {
        const res = await send(`${host.url}/config.json`);
        expect(res.status).toBe(200);
        expect(res.headers["content-type"]).toMatch(/^application\/json\b/);
        expect(res.headers["cache-control"]).toBe("no-cache");
        expect(JSON.parse(res.body.toString())).toEqual(config);
        expectSecurityHeaders(res, "config.json");
      } finally {
        host.setConfig(null);
      }
    });

    test("the API passes through: methods, query, key and bodies as sent, the origin left out", async ({ host, fake }) => {
      const auth = { authorization: `Bearer ${TEST_KEY}` };
      const query = "status=RUNNING%2CSTOPPED&search=e2e%20x&limit=20&sort_order=asc";
      const origin = { origin: "https://elsewhere.example" };
      const direct = await send(`${fake.apiUrl}/deployments?${query}`, { headers: { ...auth, ...origin } });
      // The fake answers a request with an Origin with CORS headers...
      expect(direct.headers["access-control-allow-origin"]).toBe(origin.origin);
      const proxied = await send(`${host.apiUrl}/deployments?${query}`, { headers: { ...auth, ...origin } });
      expect(proxied.status).toBe(200);
      expect(JSON.parse(proxied.body.toString())).toEqual(JSON.parse(direct.body.toString()));
      const logged = await waitForRequest(fake, { method: "GET", path: "/deployments", key: TEST_KEY, where: (r) => r.query === query }, { count: 2 });
      expect(logged.authorization).toBe(`Bearer ${TEST_KEY}`);
      // ...so none here means the proxy did not pass the browser's Origin on.
      expect(proxied.headers["access-control-allow-origin"]).toBeUndefined();

      const dep = await addDeployment(fake, { name: "proxied-e2e", status: "STOPPED" });
      const rename = await send(`${host.apiUrl}/deployments/${dep.id}/update-name`, {
        method: "PATCH",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ name: "proxied-e2e-renamed" }),
      });
      expect(rename.status, rename.body.toString()).toBe(200);
      expect(JSON.parse(rename.body.toString()).name).toBe("proxied-e2e-renamed");
      const patch = await waitForRequest(fake, { method: "PATCH", path: `/deployments/${dep.id}/update-name`, key: TEST_KEY });
      expect(patch.content_type).toBe("application/json");
      expect(JSON.parse(patch.body)).toEqual({ name: "proxied-e2e-renamed" });

      const del = await send(`${host.apiUrl}/deployments/${dep.id}`, { method: "DELETE", headers: auth });
      expect(del.status).toBe(204);
      expect((await fake.deployments()).some((d) => d.id === dep.id)).toBe(false);

      // The API's own refusals come through untouched, not replaced by the server's pages.
      const unauthorized = await send(`${host.apiUrl}/deployments`);
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.body.toString()).toBe("Unauthorized");
      const notFound = await send(`${host.apiUrl}/deployments/${dep.id}`, { headers: auth });
      expect(notFound.status).toBe(404);
      expect(JSON.parse(notFound.body.toString())).toEqual({ error: "Deployment not found." });
    });

    test("a stream event arrives through the proxy within a second", async ({ host, fake }) => {
      const dep = await addDeployment(fake, { status: "RUNNING", name: "streamed-e2e" });
      // Asked for as a browser's fetch does, compression accepted: a server that compresses or
      // buffers the stream holds events back.
      const stream = await openStream(`${host.apiUrl}/deployments/${dep.id}/stream`, {
        authorization: `Bearer ${TEST_KEY}`,
        "accept-encoding": "gzip, deflate, br, zstd",
      });
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers["content-type"]).toMatch(/^text\/event-stream\b/);
        expect(stream.headers["content-encoding"]).toBeUndefined();
        const snapshot = await stream.waitFor((f) => JSON.parse(f).type === "deployment");
        expect(JSON.parse(snapshot.text).id).toBe(dep.id);

        for (const message of ["through the proxy 1", "through the proxy 2"]) {
          const from = stream.frames.length;
          const sent = performance.now();
          await fake.pushEvent(dep.id, { type: "event", message });
          const frame = await stream.waitFor((f) => JSON.parse(f).message === message, { from });
          const ms = frame.at - sent;
          console.log(`${kind}: stream event "${message}" arrived after ${ms.toFixed(1)} ms`);
          expect(ms, `"${message}" through ${kind}`).toBeLessThan(1_000);
        }
      } finally {
        stream.close();
      }
    });

    test("sign in, list, detail and stop through the server, live", async ({ host, fake, page }) => {
      asHostShDoes(host);
      const dep = await addDeployment(fake, { status: "RUNNING", name: "hosted-stop-e2e" });
      const encodings = new Map();
      page.on("response", (r) => {
        if (r.url().endsWith(".wasm")) encodings.set(new URL(r.url()).pathname, r.headers()["content-encoding"]);
      });

      await page.goto(`${host.url}/deployments`);
      await signInHere(page);
      await expect(page).toHaveURL(`${host.url}/deployments`);
      const rows = page.locator("table.deployments tbody tr");
      await expect(rows).toHaveCount(10);
      await rows.filter({ hasText: dep.name }).getByRole("link", { name: dep.name }).click();

      await expect(page).toHaveURL(`${host.url}/deployments/${dep.id}`);
      await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
      await expect(liveMode(page)).toHaveText("Live");
      await button(page, "Stop").click();
      await page.getByRole("dialog", { name: `Stop “${dep.name}”?` }).getByRole("button", { name: "Confirm" }).click();
      const stop = await waitForRequest(fake, { method: "POST", path: `/deployments/${dep.id}/stop` });
      expect(stop.authorization).toBe(`Bearer ${API_KEY}`);
      expect(stop.status).toBe(200);
      // STOPPED comes by the stream, through the proxy, when the fake settles the stop.
      await expect(badge(page)).toHaveAttribute("data-status", "STOPPED");
      await expect(liveMode(page)).toHaveText("Live");

      // The browser asked for brotli and got the .br files.
      expect(encodings.get(`/${MAIN_WASM}`)).toBe("br");
      expect([...encodings.values()].every((e) => e === "br"), JSON.stringify([...encodings])).toBe(true);
    });

    test("a deep link signs in and returns; rename (PATCH) and delete (DELETE) work through the server", async ({ host, fake, page }) => {
      asHostShDoes(host);
      const dep = await addDeployment(fake, { status: "STOPPED", name: "hosted-manage-e2e" });
      await page.goto(`${host.url}/deployments/${dep.id}`);
      await signInHere(page);
      await expect(page).toHaveURL(`${host.url}/deployments/${dep.id}`);
      await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();

      await button(page, "Rename").click();
      await page.getByLabel("Name", { exact: true }).fill("hosted-renamed-e2e");
      await button(page, "Save name").click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("hosted-renamed-e2e");
      const patch = await waitForRequest(fake, { method: "PATCH", path: `/deployments/${dep.id}/update-name` });
      expect(patch.status).toBe(200);

      await button(page, "Delete").click();
      const dialog = page.getByRole("dialog", { name: "Delete “hosted-renamed-e2e”?" });
      await dialog.getByLabel("Type the deployment's name to confirm").fill("hosted-renamed-e2e");
      await dialog.getByRole("button", { name: "Delete deployment" }).click();
      await expect(page).toHaveURL(`${host.url}/deployments`);
      await expect(page.getByRole("status").filter({ hasText: "Deleted hosted-renamed-e2e" })).toBeVisible();
      const del = await waitForRequest(fake, { method: "DELETE", path: `/deployments/${dep.id}` });
      expect(del.status).toBe(204);
    });

    test("a chunk missing on the server is a 404 and the app says the page could not be loaded", async ({ fakeServer, fake, page }) => {
      page.allowConsoleErrors(); // the browser logs the failed chunk download
      const dist = mkdtempSync(join(tmpdir(), "nosana-dist-without-edit-chunk-"));
      distWithoutEditChunk(dist);
      const server = await startServer(kind, { dist, upstream: fakeServer.url });
      try {
        const direct = await send(`${server.url}/${EDIT_CHUNK}`);
        expect(direct.status).toBe(404);

        const dep = await addDeployment(fake, { status: "STOPPED", name: "hosted-missing-chunk-e2e" });
        await page.goto(`${server.url}/deployments/${dep.id}`);
        await signInHere(page);
        await expect(page.getByRole("heading", { level: 1, name: dep.name, exact: true })).toBeVisible();
        const chunk = page.waitForResponse((r) => r.url().endsWith(`/${EDIT_CHUNK}`));
        await page.getByRole("link", { name: "Edit", exact: true }).or(button(page, "Edit")).click();
        expect((await chunk).status()).toBe(404);
        await expect(page.getByRole("alert").filter({ hasText: "This page could not be loaded." })).toBeVisible();
        await expect(page).toHaveURL(`${server.url}/deployments/${dep.id}/edit`);
      } finally {
        await page.context().close(); // its connections (the live stream) would hold a graceful stop up
        await server.stop();
        rmSync(dist, { recursive: true, force: true });
      }
    });
  });
}
