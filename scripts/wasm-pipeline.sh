#!/usr/bin/env bash
# The wasm half of the build, run by Trunk as a post_build hook (Trunk.toml).
#
# Trunk 0.21 builds Rust as cargo -> wasm-bindgen -> wasm-opt with no step in
# between, and code splitting needs one: wasm-split-cli must cut the linked
# wasm (it reads the linker's relocations) before wasm-bindgen rewrites it.
# So index.html tells Trunk to skip the Rust asset, and this script runs that
# chain with the split in it; scripts/postbuild.mjs then names, minifies and
# compresses the result and adds the boot script to the staged index.html.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

profile="${TRUNK_PROFILE:-release}"
staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$ROOT/$target_dir" ;; esac

cargo_flags=(--locked --target wasm32-unknown-unknown --bin nosana-deployments)
[ "$profile" = release ] && cargo_flags+=(--release)
# --emit-relocs keeps the relocations wasm-split-cli follows to find what each
# split function needs. Only the final link takes it: dependencies are unchanged.
cargo rustc "${cargo_flags[@]}" -- -C link-arg=--emit-relocs

work="$target_dir/wasm-split/$profile"
rm -rf "$work"
mkdir -p "$work/split" "$work/bindgen" "$work/out"
wasm-split-cli "$target_dir/wasm32-unknown-unknown/$profile/nosana-deployments.wasm" \
  "$work/split" --out-name nosana-deployments
# The chunks call into the main module through exports the linker made;
# --keep-lld-exports stops wasm-bindgen from dropping them.
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/bindgen" --out-name nosana-deployments "$work/split/nosana-deployments.wasm"

mkdir -p "$work/out/chunks"
cp "$work/bindgen/nosana-deployments.js" "$work/out/glue.js"
cp "$work/split/__wasm_split.js" "$work/out/link.js"
cp "$work/bindgen/nosana-deployments_bg.wasm" "$work/out/main.wasm"
for chunk in "$work/split"/*.wasm; do
  [ "$(basename "$chunk")" = nosana-deployments.wasm ] || cp "$chunk" "$work/out/chunks/"
done

if [ "$profile" = release ]; then
  opt_flags=(-Oz "${WASM_OPT_FEATURES[@]}" --strip-debug --strip-producers)
  # Two at a time: the machines this runs on have two cores. A failing wasm-opt
  # fails the build through `wait`.
  logs() { cat "$work/out"/*.log "$work/out/chunks"/*.log 2>/dev/null; }
  finish() { wait "$1" || { logs >&2; echo "wasm-opt failed" >&2; exit 1; }; }
  # wasm-opt 132 crashed once here with SIGSEGV on a module it optimised fine on the next
  # run: one more try before failing the build, into a new file so a crash never leaves
  # a half-written module behind.
  optimise() {
    local tries
    for tries in 1 2; do
      if wasm-opt "${opt_flags[@]}" "$1" -o "$1.opt" 2>>"$1.log"; then
        mv "$1.opt" "$1"
        return 0
      fi
      echo "wasm-opt failed on $(basename "$1") (try $tries)" >>"$1.log"
    done
    return 1
  }
  running=()
  for wasm in "$work/out/main.wasm" "$work/out/chunks"/*.wasm; do
    optimise "$wasm" &
    running+=("$!")
    if [ "${#running[@]}" -ge 2 ]; then
      finish "${running[0]}"
      running=("${running[@]:1}")
    fi
  done
  for pid in "${running[@]}"; do finish "$pid"; done
  # wasm-opt warns about the linker's name subsection, which it strips anyway.
  logs | grep -v "unknown name subsection" >&2 || true
  rm -f "$work/out"/*.log "$work/out/chunks"/*.log
fi

node scripts/postbuild.mjs "$staging" "$work/out" "$profile" "${TRUNK_PUBLIC_URL:-/}"
