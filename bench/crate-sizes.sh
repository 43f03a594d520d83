#!/usr/bin/env bash
# What each crate costs in the first module (the split build's main wasm) and in the later pages'
# chunks: the table in README "Performance", also printed by bench/run.mjs once this has run.
#
# The release build strips the names, and keeping them through wasm-opt (-g) changes its output a
# little (measured: +2.7 kB raw on the main module's code), so the build itself stays as it is and
# this runs wasm-opt -Oz -g once more on the last release build's own split modules
# (target/wasm-split/release/{bindgen,split}, which keep the linker's names), into
# target/wasm-split/release/named/. bench/crate-sizes.mjs then reads the names and sizes from
# those files. No second cargo build; about two minutes for the main module on this machine.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"

work="${CARGO_TARGET_DIR:-$ROOT/target}/wasm-split/release"
[ -f "$work/bindgen/nosana-deployments_bg.wasm" ] || {
  echo "no release build in $work: run scripts/build.sh first" >&2
  exit 1
}
named="$work/named"
rm -rf "$named"
mkdir -p "$named/chunks"
opt() { nice -n 10 wasm-opt -Oz -g "${WASM_OPT_FEATURES[@]}" "$1" -o "$2" 2> >(grep -v "unknown name subsection" >&2 || true); }
# Two at a time, like the build.
opt "$work/bindgen/nosana-deployments_bg.wasm" "$named/main.wasm" &
for chunk in "$work/split"/*.wasm; do
  name=$(basename "$chunk")
  [ "$name" = nosana-deployments.wasm ] && continue
  opt "$chunk" "$named/chunks/$name"
done
wait
node bench/crate-sizes.mjs "$named"
