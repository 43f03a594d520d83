// Debian's nginx and Caddy running the shipped deploy/nginx.conf and deploy/Caddyfile in front of
// the fake API: unprivileged (as nobody when the tests run as root), on 127.0.0.1 and a free high
// port, with their own temporary prefix, started and stopped by the tests.
//
// The tested file is the shipped file. nginx reads the server block from deploy/nginx.conf with only
// its four "EDIT" values replaced (each must appear exactly once, so an edit to the file that loses
// one fails here); Caddy reads deploy/Caddyfile itself, its settings given as the environment
// variables the file documents.
import { spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const DEPLOY = join(ROOT, "deploy");

const NGINX_BIN = process.env.NGINX_BIN || "/usr/sbin/nginx";
const CADDY_BIN = process.env.CADDY_BIN || "/usr/bin/caddy";
/** Debian's brotli static module; the shipped server block uses brotli_static. */
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
/** Unprivileged, as the servers would run for a user; only when the tests run as root. */
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** The values a user edits in deploy/nginx.conf, exactly as shipped. */
export const NGINX_PLACEHOLDERS = {
  listen: "listen 8080;",
  dist: "root /srv/nosana-deployments/dist;",
  configDir: "root /srv/nosana-deployments;",
  upstream: "proxy_pass https://dashboard.k8s.prd.nos.ci/api/;",
};

/** deploy/nginx.conf with its placeholders replaced by these values (each must occur once). */
export function renderNginx(text, { port, dist, configDir, upstream }) {
  const values = {
    listen: `listen 127.0.0.1:${port};`,
    dist: `root ${dist};`,
    configDir: `root ${configDir};`,
    upstream: `proxy_pass ${upstream}/api/;`,
  };
  let out = text;
  for (const [name, placeholder] of Object.entries(NGINX_PLACEHOLDERS)) {
    const count = out.split(placeholder).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx.conf: "${placeholder}" (${name}) occurs ${count} times, not once`);
    out = out.replace(placeholder, values[name]);
  }
  return out;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (NOBODY.uid !== undefined) chownSync(dir, NOBODY.uid, NOBODY.gid);
  return dir;
}

/** Polls until the server answers (a startup deadline for a child process, not a wait in a test). */
async function waitUntilUp(url, proc, output) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`exited with ${proc.exitCode}: ${output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`did not start: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function launch(bin, args, env) {
  let output = "";
  const proc = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], env, ...NOBODY });
  proc.stdout.on("data", (chunk) => (output += chunk));
  proc.stderr.on("data", (chunk) => (output += chunk));
  return { proc, output: () => output.slice(-4_000) };
}

class Server {
  constructor(kind, url, proc, dirs, output) {
    this.kind = kind;
    this.url = url;
    this.apiUrl = `${url}/api`;
    this.proc = proc;
    this.dirs = dirs;
    this.output = output;
  }

  /** Writes (or with `null` removes) the config.json this server offers. */
  setConfig(json) {
    const path = join(this.configDir, "config.json");
    if (json === null) rmSync(path, { force: true });
    else writeFileSync(path, typeof json === "string" ? json : JSON.stringify(json));
  }

  async stop() {
    if (this.proc.exitCode === null) {
      const exited = new Promise((resolve) => this.proc.once("exit", resolve));
      this.proc.kill("SIGTERM");
      await exited;
    }
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts `kind` ("nginx" or "caddy") serving `dist` with the API proxied to `upstream` (an origin
 * whose API is under /api, like the fake's). config.json comes from a directory of its own.
 */
export async function startServer(kind, { dist, upstream }) {
  const port = await freePort();
  const prefix = tempDir(`nosana-${kind}-`);
  const configDir = tempDir(`nosana-${kind}-config-`);
  const url = `http://127.0.0.1:${port}`;
  let launched;
  if (kind === "nginx") {
    const site = renderNginx(readFileSync(join(DEPLOY, "nginx.conf"), "utf8"), { port, dist, configDir, upstream });
    writeFileSync(join(prefix, "nosana.conf"), site);
    // The main context a distribution's nginx.conf would give (modules, mime types), kept in the prefix.
    writeFileSync(
      join(prefix, "main.conf"),
      [
        "daemon off;",
        "worker_processes 1;",
        `pid ${prefix}/nginx.pid;`,
        `error_log ${prefix}/error.log warn;`,
        existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : "",
        "events { worker_connections 256; }",
        "http {",
        "  include /etc/nginx/mime.types;",
        "  default_type application/octet-stream;",
        "  access_log off;",
        ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${prefix}/${t}_temp;`),
        `  include ${prefix}/nosana.conf;`,
        "}",
        "",
      ].join("\n"),
    );
    launched = launch(NGINX_BIN, ["-p", prefix, "-e", `${prefix}/error.log`, "-c", `${prefix}/main.conf`], process.env);
    const logs = launched.output;
    launched.output = () => `${logs()}${existsSync(`${prefix}/error.log`) ? readFileSync(`${prefix}/error.log`, "utf8") : ""}`;
  } else if (kind === "caddy") {
    launched = launch(CADDY_BIN, ["run", "--config", join(DEPLOY, "Caddyfile"), "--adapter", "caddyfile"], {
      ...process.env,
      HOME: prefix,
      XDG_CONFIG_HOME: join(prefix, "config"),
      XDG_DATA_HOME: join(prefix, "data"),
      NOSANA_SITE: `:${port}`,
      NOSANA_BIND: "127.0.0.1",
      NOSANA_DIST: dist,
      NOSANA_CONFIG_DIR: configDir,
      NOSANA_UPSTREAM: upstream,
      NOSANA_CADDY_ADMIN: "off",
    });
  } else {
    throw new Error(`unknown server ${kind}`);
  }
  const server = new Server(kind, url, launched.proc, [prefix, configDir], launched.output);
  server.configDir = configDir;
  try {
    await waitUntilUp(url, launched.proc, launched.output);
  } catch (err) {
    await server.stop();
    throw new Error(`${kind}: ${err.message}`);
  }
  return server;
}
