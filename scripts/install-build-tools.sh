#!/usr/bin/env bash
# Installs what building the app needs, skipping whatever is already present.
# Nothing here downloads from GitHub: crates.io and the npm registry only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The CLI must match the wasm-bindgen crate pinned in Cargo.toml / Cargo.lock.
BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
BINDGEN_VERSION=${BINDGEN_VERSION:-0.2.130}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $BINDGEN_VERSION"; then
  # Not --locked: the CLI's own lockfile names a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# wasm-opt comes from the npm `binaryen` package (Debian's is too old for current wasm).
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# wasm-split-cli cuts the wasm into the first view and lazily loaded chunks
# (scripts/wasm-pipeline.sh). Its runtime half comes with leptos (wasm_split_helpers).
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi
