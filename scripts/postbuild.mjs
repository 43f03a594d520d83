// Last step of scripts/wasm-pipeline.sh (a Trunk post_build hook): put the split
// wasm and its JavaScript into Trunk's staging directory under content-hashed
// names, minify the JavaScript, add the boot script and preload links to
// index.html, and (release) write .br and .gz next to every asset for static
// hosts that serve precompressed files.
//
// Usage: node scripts/postbuild.mjs STAGING_DIR WASM_OUT_DIR PROFILE PUBLIC_URL
// WASM_OUT_DIR holds main.wasm, glue.js (wasm-bindgen), link.js (wasm-split's
// chunk loader) and chunks/*.wasm.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify } from "terser";

const [staging, out, profile = "release", publicUrl = "/"] = process.argv.slice(2);
if (!staging || !out) throw new Error("usage: postbuild.mjs STAGING_DIR WASM_OUT_DIR [PROFILE] [PUBLIC_URL]");
const release = profile === "release";
const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;

const hash = (...parts) => {
  const h = createHash("sha256");
  for (const part of parts) h.update(part);
  return h.digest("hex").slice(0, 16);
};
const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;
// Renames a file the code refers to, failing loudly when the tools' output no
// longer mentions it: a silent miss would ship a broken loader. Imports are
// matched as `from "./x"` only: the glue also keys its wasm imports object by
// the module name the wasm asks for, and that key must stay as it is.
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const rename = (code, pattern, to, file, what) => {
  if (!pattern.test(code)) throw new Error(`${file} does not mention ${what}`);
  return code.replace(pattern, (_m, head, quote) => `${head}${quote}./${to}${quote}`);
};
const relinkImport = (code, from, to, file) =>
  rename(code, new RegExp(`(from\\s*)(["'])(?:\\./)?${escape(from)}\\2`, "g"), to, file, from);
const relink = (code, from, to, file) =>
  rename(code, new RegExp(`()(["'])(?:\\./)?${escape(from)}\\2`, "g"), to, file, from);

// Chunks first: they are leaves, each named by its own bytes so an unchanged
// chunk keeps its name (and the browser's cached copy) across releases.
let link = readFileSync(join(out, "link.js"), "utf8");
const chunks = readdirSync(join(out, "chunks")).filter((n) => n.endsWith(".wasm"));
for (const name of chunks) {
  const data = readFileSync(join(out, "chunks", name));
  const hashed = `${name.replace(/\.wasm$/, "")}-${hash(data)}.wasm`;
  writeFileSync(join(staging, hashed), data);
  link = relink(link, name, hashed, "link.js");
}

const mainWasm = readFileSync(join(out, "main.wasm"));
const mainName = `nosana-deployments-${hash(mainWasm)}_bg.wasm`;
writeFileSync(join(staging, mainName), mainWasm);

// The glue and the loader import each other, so one name cannot wait for the
// other's hash: both take the hash of both (and of the wasm they drive).
let glue = readFileSync(join(out, "glue.js"), "utf8");
const id = hash(glue, link, mainWasm);
const glueName = `nosana-deployments-${id}.js`;
const linkName = `wasm-split-${id}.js`;
glue = relinkImport(glue, "__wasm_split.js", linkName, "glue.js");
glue = relink(glue, "nosana-deployments_bg.wasm", mainName, "glue.js");
link = relinkImport(link, "nosana-deployments.js", glueName, "link.js");

const finish = async (code) =>
  release ? (await minify(code, { module: true, compress: { passes: 2 } })).code : code;
glue = await finish(glue);
link = await finish(link);
writeFileSync(join(staging, glueName), glue);
writeFileSync(join(staging, linkName), link);

// The boot script is a file, not inline, so the page runs under
// `script-src 'self'` without 'unsafe-inline' (deploy/csp.txt). It starts the
// list's first read (src/boot/first_read.js) before it imports the glue: a
// static import would hold the whole script until the glue is fetched.
// TrunkApplicationStarted keeps the event Trunk's own boot script fires
// (the benchmark listens for it).
const firstRead = await finish(readFileSync(new URL("../src/boot/first_read.js", import.meta.url), "utf8"));
const boot = `${firstRead}
const { default: init } = await import('${base}${glueName}');
const wasm = await init({ module_or_path: '${base}${mainName}' });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(staging, bootName), boot);

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
if (html.includes(glueName)) throw new Error("index.html already has the wasm tags");
// Preloads start the glue, the loader and the main wasm together instead of
// one after the other as each import is discovered.
const tags = [
  `<link rel="modulepreload" href="${base}${glueName}" crossorigin="anonymous" integrity="${sri(glue)}">`,
  `<link rel="modulepreload" href="${base}${linkName}" crossorigin="anonymous" integrity="${sri(link)}">`,
  `<link rel="preload" href="${base}${mainName}" crossorigin="anonymous" as="fetch" type="application/wasm">`,
  `<script type="module" src="${base}${bootName}" integrity="${sri(boot)}"></script>`,
].join("\n    ");
html = html.replace("</head>", `    ${tags}\n  </head>`);
if (release && /<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error("index.html has an inline script: the CSP would block it");
}
writeFileSync(indexPath, html);

let compressed = 0;
if (release) {
  const compressible = /\.(wasm|js|css|html|svg|json|txt)$/;
  for (const name of readdirSync(staging)) {
    if (!compressible.test(name)) continue;
    const path = join(staging, name);
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    compressed += 1;
  }
}
console.log(
  `postbuild: main wasm ${mainWasm.length} B + ${chunks.length} lazy chunk(s), ` +
    `${release ? "minified, " : ""}precompressed ${compressed} file(s)`,
);
