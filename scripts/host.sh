#!/usr/bin/env bash
# Serves the current dist/ with Caddy and deploy/Caddyfile, with /api proxied to the real Nosana
# API, so every operation (PATCH and DELETE included) works whatever the gateway's CORS policy.
set -euo pipefail
source "$(dirname "$0")/env.sh"

usage() {
  cat <<'EOF'
Usage: scripts/host.sh [--upstream mainnet|devnet|URL] [--port N] [--host ADDR] [--dist DIR] [--nodes TEMPLATE]

Serves the app (dist/, built with scripts/build.sh when missing) at http://ADDR:PORT with Caddy
(Debian's package, installed with apt-get when missing) running deploy/Caddyfile, and proxies /api to
the Nosana API. Writes a config.json naming /api as the API ("This server (/api)" on the sign-in
page) and the nodes' address, in a temporary directory removed on exit. Ctrl-C stops it.

  --upstream U     the API behind /api:
                     mainnet  https://dashboard.k8s.prd.nos.ci/api (default)
                     devnet   https://dashboard.k8s.dev.nos.ci/api
                     URL      any http(s)://HOST[:PORT]/api (the API must be under /api)
  --port N         port to listen on (default 8080, or $PORT)
  --host ADDR      address to listen on (default 127.0.0.1: this machine only)
  --dist DIR       the built app to serve (default dist/)
  --nodes T        node address template for config.json, {node} standing for the node
                   (default: devnet's for devnet, else mainnet's https://{node}.node.k8s.prd.nos.ci)
  -h, --help       this text
EOF
}

fail() {
  echo "host.sh: $*" >&2
  exit 2
}

upstream="mainnet"
port="${PORT:-8080}"
host="127.0.0.1"
dist="$ROOT/dist"
nodes=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --upstream | --port | --host | --dist | --nodes)
      [ $# -ge 2 ] || fail "$1 needs a value (see --help)"
      case "$1" in
        --upstream) upstream="$2" ;;
        --port) port="$2" ;;
        --host) host="$2" ;;
        --dist) dist="$2" ;;
        --nodes) nodes="$2" ;;
      esac
      shift 2 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done

MAINNET_NODES='https://{node}.node.k8s.prd.nos.ci'
DEVNET_NODES='https://{node}.node.k8s.dev.nos.ci'
case "$upstream" in
  mainnet) api="https://dashboard.k8s.prd.nos.ci/api"; default_nodes="$MAINNET_NODES" ;;
  devnet) api="https://dashboard.k8s.dev.nos.ci/api"; default_nodes="$DEVNET_NODES" ;;
  http://* | https://*) api="${upstream%/}"; default_nodes="$MAINNET_NODES" ;;
  *) fail "--upstream must be mainnet, devnet or an http(s):// URL, not \"$upstream\"" ;;
esac
[ -n "$nodes" ] || nodes="$default_nodes"
# deploy/Caddyfile passes /api/... on unchanged, so the API must live under /api at its origin.
origin="${api%/api}"
rest="${origin#*://}"
if [ "$origin" = "$api" ] || [ -z "$rest" ] || [[ "$rest" == */* || "$rest" =~ [[:space:]?#@] ]]; then
  fail "the upstream URL must be http(s)://HOST[:PORT]/api, not \"$upstream\""
fi
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || fail "--port must be a number from 1 to 65535, not \"$port\""
# Written into JSON as is: no quotes, backslashes or spaces.
[[ "$nodes" == *"{node}"* && ! "$nodes" =~ [\"\\[:space:]] ]] ||
  fail "--nodes must contain {node} and no quotes, backslashes or spaces, not \"$nodes\""

if [ ! -f "$dist/index.html" ]; then
  [ "$dist" = "$ROOT/dist" ] || fail "$dist has no index.html: build the app first (scripts/build.sh)"
  echo "host.sh: no dist/ yet, building it (scripts/build.sh)"
  "$ROOT/scripts/build.sh"
fi
dist="$(cd "$dist" && pwd)"

if ! command -v caddy >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "host.sh: installing Caddy from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq caddy
  # The package also starts a system-wide Caddy; this script runs its own.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now caddy >/dev/null 2>&1 || true
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/nosana-host.XXXXXX")"
caddy_pid=""
cleanup() {
  if [ -n "$caddy_pid" ]; then
    kill "$caddy_pid" 2>/dev/null || true
    wait "$caddy_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The app's optional settings (contract: "config.json"): the API on this origin, and where nodes are.
printf '{"api": "/api", "nodes": "%s"}\n' "$nodes" >"$work/config.json"

site_host="$host"
[[ "$host" == *:* ]] && site_host="[$host]"
HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  NOSANA_SITE=":$port" NOSANA_BIND="$host" NOSANA_DIST="$dist" NOSANA_CONFIG_DIR="$work" \
  NOSANA_UPSTREAM="$origin" NOSANA_CADDY_ADMIN=off \
  caddy run --config "$ROOT/deploy/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 &
caddy_pid=$!

# Up when the port answers; Caddy's own log says why when it does not.
for _ in $(seq 1 300); do
  if ! kill -0 "$caddy_pid" 2>/dev/null; then
    echo "host.sh: Caddy stopped:" >&2
    tail -n 20 "$work/caddy.log" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; then
    break
  fi
  sleep 0.1
done

cat <<EOF
Nosana Deployments at http://$site_host:$port
  app:         $dist
  /api:        $api
  config.json: $work/config.json (removed when it stops)
Sign in with your API key and API URL "This server (/api)". Ctrl-C stops the server.
EOF
wait "$caddy_pid"
