#!/usr/bin/env bash
# Installs what the tests need, builds, and runs every test layer:
# formatting and lints, native unit tests (app and fake API), browser end-to-end tests.
# Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/install-test-tools.sh" || { echo "0 passed, 1 failed"; exit 1; }
"$ROOT/scripts/build.sh" || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
failures=()
mkdir -p test-results

# A check that is one command: counts as one test.
check() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

check "cargo fmt" cargo fmt --all -- --check
check "leptosfmt (view! macros)" leptosfmt --check --quiet src
check "clippy (native)" cargo clippy --locked --offline --workspace --all-targets -- -D warnings
check "clippy (wasm32)" cargo clippy --locked --offline -p nosana-deployments --target wasm32-unknown-unknown -- -D warnings

# --- job-definition oracle (see tests/fixtures/jobdefs/README.md) ---
# The official validator (@nosana/types) judges the corpus and writes target/jobdef-oracle.json;
# tests/jobdef_corpus.rs, in the cargo test run below, compares our checker with it file by file.
check "jobdef oracle (@nosana/types)" node tests/jobdef-oracle/oracle.mjs
export JOBDEF_ORACLE=required
# --- end job-definition oracle ---

echo "== cargo test"
cargo test --locked --offline --workspace 2>&1 | tee test-results/cargo-test.log
cargo_rc=${PIPESTATUS[0]}
read -r cp cf < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { print p + 0, f + 0 }' test-results/cargo-test.log)
passed=$((passed + cp)); failed=$((failed + cf))
if [ "$cargo_rc" -ne 0 ] && [ "$cf" -eq 0 ]; then failed=$((failed + 1)); failures+=("cargo test (did not finish)"); fi
[ "$cf" -eq 0 ] || failures+=("cargo test: $cf failed")

echo "== end-to-end (Playwright, headless Chromium)"
rm -f "$ROOT/test-results/e2e.json"
PLAYWRIGHT_JSON_OUTPUT_NAME="$ROOT/test-results/e2e.json" \
  npx playwright test --config tests/e2e/playwright.config.mjs --reporter=list,json
e2e_rc=$?
read -r ep ef < <(node scripts/e2e-counts.mjs "$ROOT/test-results/e2e.json")
passed=$((passed + ep)); failed=$((failed + ef))
if [ "$e2e_rc" -ne 0 ] && [ "$ef" -eq 0 ]; then failed=$((failed + 1)); failures+=("end-to-end run (did not finish)"); fi
[ "$ef" -eq 0 ] || failures+=("end-to-end: $ef failed")

echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
