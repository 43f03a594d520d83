#!/usr/bin/env bash
# The performance benchmark (README "Performance"). Not part of scripts/test.sh: performance is
# measured here, on a machine as quiet as you can make it, never asserted by a timed test.
# Builds first when dist/ is missing, not a release build, or older than the sources; arguments go to bench/run.mjs,
# e.g. scripts/bench.sh --runs 9 --soak-minutes 10
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/install-test-tools.sh"
stale=$(find src style index.html Trunk.toml Cargo.toml Cargo.lock scripts/wasm-pipeline.sh scripts/postbuild.mjs -newer dist/index.html -print -quit 2>/dev/null || echo missing)
# `trunk serve` writes a debug build to dist/: only a release build has the .br files.
if [[ " $* " != *" --dist "* ]] && { [ ! -f dist/index.html.br ] || [ -n "$stale" ]; }; then
  "$ROOT/scripts/build.sh"
else
  # Measuring a given --dist, or dist/ is current: only the sandbox API may need building.
  "$ROOT/scripts/install-build-tools.sh"
  cargo build --locked --offline -p fake-nosana
fi
exec node bench/run.mjs "$@"
