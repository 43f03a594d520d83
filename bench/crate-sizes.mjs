// Groups the items of a name-preserving release wasm (from `twiggy top -f json`) by crate, so
// the README can say what each heavy dependency costs. Run by bench/crate-sizes.sh.
//
// A function is charged to the first crate named in its symbol, skipping core/alloc/std; so
// generic framework code monomorphised for the app's own closures counts as framework code.
// Data segments (string literals, tables) cannot be split by crate and get their own row.
import { readFileSync } from "node:fs";

const GROUPS = {
  "app (nosana_deployments)": ["nosana_deployments"],
  "leptos, leptos_router (tachys, reactive_graph, ...)": [
    "leptos", "leptos_dom", "leptos_router", "leptos_server", "leptos_config", "tachys", "reactive_graph",
    "reactive_stores", "any_spawner", "either_of", "throw_error", "hydration_context", "server_fn", "oco_ref",
    "or_poisoned", "next_tuple", "send_wrapper", "guardian", "const_str_slice_concat", "slotmap", "drain_filter_polyfill",
    "wasm_streams", "serde_qs", "codee", "pin_project", "pin_project_lite", "async_lock", "event_listener", "event_listener_strategy", "rustc_hash",
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

function group(name) {
  if (name.startsWith("data segment")) return "data segments (strings, tables; all crates)";
  if (name.startsWith("import ")) return "wasm-bindgen, js-sys, web-sys, wasm-bindgen-futures"; // JS imports
  // Path starts only (not after "::"): `core::ptr::drop_in_place<leptos::X>` names core, then leptos.
  const crates = [...name.matchAll(/(?<![\w:])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map((m) => m[1]);
  const own = crates.find((c) => !STD.has(c));
  if (own) return crateGroup.get(own) ?? `other: ${own}`;
  if (crates.length) return "Rust std (core, alloc, dlmalloc)";
  if (/^(__wbg|__wbindgen|__externref|closure\d+|wasm-bindgen)/.test(name)) return "wasm-bindgen, js-sys, web-sys, wasm-bindgen-futures";
  return "other (function table, wasm-bindgen shims, methods of primitive types)";
}

const items = JSON.parse(readFileSync(process.argv[2], "utf8"));
const totals = new Map();
let all = 0;
for (const { name, shallow_size: size } of items) {
  if (/subsection|custom section/.test(name)) continue; // names and debug info: stripped in the real build
  totals.set(group(name), (totals.get(group(name)) ?? 0) + size);
  all += size;
}
const rows = [...totals].sort((a, b) => b[1] - a[1]);
console.log(`| Crates | kB | share |\n|---|---:|---:|`);
for (const [g, size] of rows) console.log(`| ${g} | ${(size / 1000).toFixed(1)} | ${((size / all) * 100).toFixed(1)}% |`);
console.log(`| total (without the name section) | ${(all / 1000).toFixed(1)} | 100% |`);
