#!/usr/bin/env bash
# Release build of the app into dist/ (hashed, optimised, precompressed) and of the sandbox API.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/install-build-tools.sh"
cargo fetch --locked
trunk build --release --offline
cargo build --locked --offline -p fake-nosana
