#!/usr/bin/env bash
# Builds everything, then serves the app and the sandbox API on one origin:
# open http://127.0.0.1:8080 and sign in with any key that starts with nos_ (the sandbox's config.json
# preselects "This server (/api)").
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh"
PORT="${PORT:-8080}"
echo "Serving the app and the sandbox API at http://127.0.0.1:$PORT (Ctrl-C to stop)"
exec "$FAKE_BIN" --host 127.0.0.1 --port "$PORT" --dist dist --csp "$(cat "$ROOT/deploy/csp.txt")"
