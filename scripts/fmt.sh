#!/usr/bin/env bash
# Formats the code: leptosfmt for the markup inside view! macros (leptosfmt.toml), rustfmt for
# the rest (rustfmt.toml). Twice, because each may re-wrap a line the other then wants back;
# the second round is where they agree (scripts/test.sh checks both).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
for _ in 1 2; do
  leptosfmt --quiet src
  cargo fmt --all
done
