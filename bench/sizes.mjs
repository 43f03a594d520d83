// Bytes of a built dist/: raw, gzip and brotli per file and per kind. Uses the .gz/.br files
// the build wrote when they exist (what a static host sends), else compresses in memory the
// same way scripts/postbuild.mjs does, so a dist without them (the baseline) is comparable.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const KINDS = { ".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html" };

export function fileSizes(dist, name) {
  const path = join(dist, name);
  const data = readFileSync(path);
  const sibling = (ext, make) => (existsSync(path + ext) ? readFileSync(path + ext).length : make().length);
  return {
    raw: data.length,
    gzip: sibling(".gz", () => gzipSync(data, { level: 9 })),
    brotli: sibling(".br", () =>
      brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    ),
  };
}

/** Totals per kind (wasm, js, css, html, other) and per file. */
export function distSizes(dist) {
  const files = {};
  const kinds = {};
  for (const entry of readdirSync(dist, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    // Only the files a host serves: not Trunk's leftover .stage directory.
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const name = entry.name;
    if (/\.(br|gz)$/.test(name)) continue;
    const sizes = fileSizes(dist, name);
    files[name] = sizes;
    const kind = KINDS[extname(name)] ?? "other";
    kinds[kind] ??= { raw: 0, gzip: 0, brotli: 0 };
    for (const k of ["raw", "gzip", "brotli"]) kinds[kind][k] += sizes[k];
  }
  return { kinds, files };
}

/** Brotli bytes of the static files a view loaded (paths as requested, e.g. "/main-1a2b.css"). */
export function transferBrotli(dist, paths) {
  let total = 0;
  for (const p of new Set(paths)) {
    const name = p.replace(/^\//, "").split("?")[0];
    if (existsSync(join(dist, name))) total += fileSizes(dist, name).brotli;
  }
  return total;
}
