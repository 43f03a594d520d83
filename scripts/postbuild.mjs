// After `trunk build`: move Trunk's inline boot script into a hashed file, so the page
// runs under `script-src 'self'` without 'unsafe-inline', minify wasm-bindgen's JS glue,
// then write .br and .gz next to every text and wasm asset for static hosts that serve
// precompressed files.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify } from "terser";

const dist = process.argv[2] ?? "dist";
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (_whole, code) => {
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(dist, name), code.trim() + "\n");
  moved += 1;
  return `<script type="module" src="/${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error("index.html still has an inline script: the CSP would block it");
}

// Trunk leaves wasm-bindgen's glue unminified (about 50 kB raw, 23 kB minified, 1.7 kB less
// brotli). The file keeps its name: Trunk's hash still changes whenever the glue does. Its
// modulepreload link carries an integrity hash, which must describe the new bytes.
let minified = 0;
for (const name of readdirSync(dist)) {
  if (!name.endsWith(".js") || name.startsWith("boot-")) continue;
  const path = join(dist, name);
  const { code } = await minify(readFileSync(path, "utf8"), { module: true, compress: { passes: 2 } });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
  const link = new RegExp(`<link[^>]*href="/${name.replace(/\./g, "\\.")}"[^>]*>`);
  html = html.replace(link, (tag) => tag.replace(/integrity="[^"]*"/, `integrity="${integrity}"`));
  const tag = html.match(link)?.[0] ?? "";
  if (tag.includes("integrity=") && !tag.includes(integrity)) throw new Error(`stale integrity for ${name}`);
  minified += 1;
}
writeFileSync(indexPath, html);

const compressible = /\.(wasm|js|css|html|svg|json|txt)$/;
let files = 0;
for (const name of readdirSync(dist)) {
  if (!compressible.test(name)) continue;
  const path = join(dist, name);
  const data = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }));
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  files += 1;
}
console.log(`postbuild: moved ${moved} inline script(s), minified ${minified}, precompressed ${files} file(s)`);
