#!/usr/bin/env bash
# What each crate costs in the release wasm (the table in README "Performance"). The release
# build strips symbol names, so this builds it again keeping them (strip = none), runs the same
# wasm-bindgen and wasm-opt -Oz as scripts/wasm-pipeline.sh but with -g so the names survive the optimiser, and
# lets twiggy list every function and data segment, which bench/crate-sizes.mjs groups by crate.
# It measures the whole app before the per-route split: each crate's cost over all chunks.
# Slow (a second full release build): run it when dependencies change, not on every benchmark.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/crate-sizes}"

twiggy --version 2>/dev/null | grep -q " 0.8.0" || cargo install --locked twiggy --version 0.8.0
CARGO_PROFILE_RELEASE_STRIP=none cargo build --locked --offline --release \
  --target wasm32-unknown-unknown --bin nosana-deployments
out=$(mktemp -d)
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/nosana-deployments.wasm"
# The release build's wasm-opt flags, minus the two that would drop the names.
wasm-opt -Oz -g "${WASM_OPT_FEATURES[@]}" "$out/nosana-deployments_bg.wasm" -o "$out/named.wasm"
twiggy top -n 1000000 -f json "$out/named.wasm" > "$out/top.json"
node bench/crate-sizes.mjs "$out/top.json"
rm -rf "$out"
