// What each crate costs in the first module (the split build's main wasm) and in the later
// pages' chunks. Reads the name-keeping copies of a release build's modules that
// bench/crate-sizes.sh makes (target/wasm-split/release/named/: wasm-opt -Oz -g) straight from
// the wasm binary: each function body and data segment with its size, named from the name
// section. No tool to install; the totals match `twiggy top` on the same files.
//
// A function is charged to the first crate named in its (demangled) symbol, skipping
// core/alloc/std; so generic framework code monomorphised for the app's own closures counts as
// framework code. Data segments (string literals, tables) cannot be split by crate and get their
// own row; so do the module's other sections (types, imports, exports, the function table).
//
//   node bench/crate-sizes.mjs [DIR]      (DIR defaults to target/wasm-split/release/named)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const GROUPS = {
  "app (nosana_deployments)": ["nosana_deployments"],
  "leptos, leptos_router (tachys, reactive_graph, ...)": [
    "leptos", "leptos_dom", "leptos_router", "leptos_server", "leptos_config", "tachys", "reactive_graph",
    "reactive_stores", "any_spawner", "either_of", "throw_error", "hydration_context", "server_fn", "oco_ref",
    "or_poisoned", "next_tuple", "send_wrapper", "guardian", "const_str_slice_concat", "slotmap", "drain_filter_polyfill",
    "wasm_streams", "serde_qs", "codee", "pin_project", "pin_project_lite", "async_lock", "event_listener", "event_listener_strategy", "rustc_hash",
    "wasm_split_helpers",
  ],
  "serde, serde_json": ["serde", "serde_json", "serde_core", "itoa", "ryu", "zmij", "memchr"],
  "indexmap, hashbrown (serde_json preserve_order, reactive_graph)": ["indexmap", "hashbrown", "equivalent"],
  "chrono": ["chrono"],
  "croner": ["croner"],
  "similar": ["similar"],
  "gloo-net, gloo-utils, http": ["gloo_net", "gloo_utils", "http", "bytes", "fnv"],
  "gloo-timers": ["gloo_timers"],
  "futures": ["futures", "futures_util", "futures_channel", "futures_core", "futures_executor", "futures_task", "futures_sink", "futures_io", "slab"],
  "wasm-bindgen, js-sys, web-sys, wasm-bindgen-futures": ["wasm_bindgen", "js_sys", "web_sys", "wasm_bindgen_futures", "console_error_panic_hook"],
  "url, idna, percent-encoding": ["url", "idna", "idna_adapter", "icu_normalizer", "icu_properties", "percent_encoding", "form_urlencoded", "utf8_iter"],
  "regex": ["regex", "regex_automata", "regex_syntax", "aho_corasick"],
};
const STD = new Set(["core", "alloc", "std", "dlmalloc", "compiler_builtins", "__rustc"]);
const crateGroup = new Map(Object.entries(GROUPS).flatMap(([g, crates]) => crates.map((c) => [c, g])));
const DATA = "data segments (strings, tables; all crates)";
const SECTIONS = "other sections (types, imports, exports, function table)";
const BINDGEN = "wasm-bindgen, js-sys, web-sys, wasm-bindgen-futures";

/**
 * Rust's legacy mangling (`_ZN3foo3bar17h0123456789abcdefE`) to `foo::bar`. Of a v0 symbol
 * (`_RNvNtCs..._4core3fmt...`, how the precompiled std is mangled) only its crate roots are
 * kept, in order (`core:: alloc::`): enough to charge it to a crate. Other names as they are.
 */
export function demangle(name) {
  if (name.startsWith("_R")) {
    const crates = [];
    for (const m of name.matchAll(/C(?:s[0-9A-Za-z]*_)?(\d+)/g)) {
      let start = m.index + m[0].length;
      if (name[start] === "_") start++; // the separator before a name starting with `_` or a digit
      crates.push(`${name.slice(start, start + Number(m[1]))}::`);
    }
    return crates.join(" ");
  }
  if (!name.startsWith("_ZN")) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== "E") {
    const len = /^\d+/.exec(name.slice(i));
    if (!len) return name;
    i += len[0].length;
    parts.push(name.slice(i, i + Number(len[0])));
    i += Number(len[0]);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? "")) parts.pop();
  const ESC = { LT: "<", GT: ">", RF: "&", BP: "*", C: ",", SP: "@" };
  return parts
    .map((p) =>
      p
        .replace(/^_\$/, "$")
        .replace(/\$(LT|GT|RF|BP|C|SP)\$/g, (_, e) => ESC[e])
        .replace(/\$u([0-9a-f]{2})\$/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
        .replace(/\.\./g, "::"),
    )
    .join("::");
}

export function group(name) {
  // Path starts only (not after "::"): `core::ptr::drop_in_place<leptos::X>` names core, then leptos.
  const crates = [...name.matchAll(/(?<![\w:])([a-z_][a-z0-9_]*)::/g)].map((m) => m[1]);
  const own = crates.find((c) => !STD.has(c));
  if (own) return crateGroup.get(own) ?? `other: ${own}`;
  if (crates.length) return "Rust std (core, alloc, dlmalloc)";
  if (/^(__wbg|__wbindgen|__externref|closure\d+|wasm-bindgen|wasm_bindgen)/.test(name)) return BINDGEN;
  return "other (wasm-bindgen shims, split stubs, methods of primitive types)";
}

/** Every function body and data segment of a wasm binary, with its size and name. */
export function wasmItems(bytes) {
  let p = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let x;
    do {
      x = bytes[p++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
    } while (x & 0x80);
    return r;
  };
  const str = () => {
    const n = leb();
    p += n;
    return bytes.subarray(p - n, p).toString();
  };
  const names = new Map();
  let imported = 0;
  const bodies = [];
  const items = [];
  while (p < bytes.length) {
    const sectionStart = p;
    const id = bytes[p++];
    const len = leb();
    const end = p + len;
    if (id === 0) {
      if (str() === "name") {
        while (p < end) {
          const sub = bytes[p++];
          const subEnd = leb() + p;
          if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), str());
          p = subEnd;
        }
      }
    } else if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str();
        str();
        const kind = bytes[p++];
        if (kind === 0) (imported++, leb());
        else if (kind === 1) (p++, leb() & 1 ? (leb(), leb()) : leb());
        else if (kind === 2) (leb() & 1 ? (leb(), leb()) : leb());
        else if (kind === 3) p += 2;
        else (p++, leb());
      }
      items.push({ kind: "section", size: end - sectionStart });
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const start = p;
        const size = leb(); // read before p is added to: `p += leb()` would add to the old p
        p += size;
        bodies.push(p - start);
      }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const start = p;
        const flags = leb();
        if (flags === 2) leb();
        if (flags !== 1) (p++, leb(), p++); // the offset: i32.const or global.get, then end
        const size = leb();
        p += size;
        items.push({ kind: "data", size: p - start });
      }
    } else {
      items.push({ kind: "section", size: end - sectionStart });
    }
    p = end;
  }
  bodies.forEach((size, i) => items.push({ kind: "function", size, name: demangle(names.get(imported + i) ?? "") }));
  return items;
}

/** Bytes per crate group of one wasm file (without its custom sections: names, producers). */
export function crateSizes(path) {
  const totals = new Map();
  for (const item of wasmItems(readFileSync(path))) {
    const g = item.kind === "data" ? DATA : item.kind === "section" ? SECTIONS : group(item.name);
    totals.set(g, (totals.get(g) ?? 0) + item.size);
  }
  return totals;
}

/** The first module and the sum of the later pages' chunks, per crate group; null without a named build. */
export function splitCrateTable(dir) {
  const main = join(dir, "main.wasm");
  if (!existsSync(main)) return null;
  const chunkDir = join(dir, "chunks");
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith(".wasm")) : [];
  const first = crateSizes(main);
  const later = new Map();
  for (const c of chunks) for (const [g, s] of crateSizes(join(chunkDir, c))) later.set(g, (later.get(g) ?? 0) + s);
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows = [...new Set([...first.keys(), ...later.keys()])]
    .map((g) => ({ group: g, first: first.get(g) ?? 0, later: later.get(g) ?? 0 }))
    .sort((a, b) => b.first - a.first || b.later - a.later);
  return { rows, first: sum(first), later: sum(later), chunks: chunks.length };
}

export function printCrateTable(table, log = console.log) {
  const kb = (n) => (n / 1000).toFixed(1);
  const pct = (n, all) => `${((n / all) * 100).toFixed(1)} %`;
  log(`| Crates | first module, kB raw | share | later pages' ${table.chunks} chunks, kB raw |`);
  log(`|---|---:|---:|---:|`);
  for (const r of table.rows) log(`| ${r.group} | ${kb(r.first)} | ${pct(r.first, table.first)} | ${kb(r.later)} |`);
  log(`| **total** (without names and other custom sections) | **${kb(table.first)}** | | **${kb(table.later)}** |`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const dir = process.argv[2] ?? join(root, "target", "wasm-split", "release", "named");
  const table = splitCrateTable(dir);
  if (!table) {
    console.error(`no ${join(dir, "main.wasm")}: run a release build first (scripts/build.sh)`);
    process.exit(1);
  }
  printCrateTable(table);
}
