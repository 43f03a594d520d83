#!/usr/bin/env bash
# Installs what the tests need beyond the build tools, from Debian, skipping whatever is there:
# Chromium and ChromeDriver (browser tests), nginx with its brotli static module and Caddy
# (the hosting tests run deploy/nginx.conf and deploy/Caddyfile with them).
set -euo pipefail

wanted=()
[ -x /usr/bin/chromium ] || wanted+=(chromium)
[ -x /usr/bin/chromedriver ] || wanted+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || wanted+=(nginx)
# The module package drops its loader into modules-enabled; its presence is the test.
ls /usr/share/nginx/modules-available/mod-http-brotli-static.conf >/dev/null 2>&1 ||
  wanted+=(libnginx-mod-http-brotli-static)
command -v caddy >/dev/null 2>&1 || wanted+=(caddy)

[ "${#wanted[@]}" -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing from Debian: ${wanted[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${wanted[@]}"

# The tests start their own nginx and Caddy on high ports, unprivileged. On a machine with
# systemd the packages also start system services (port 80, 2019): stop the ones we just added.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  for pkg in "${wanted[@]}"; do
    case "$pkg" in
      nginx | caddy) $SUDO systemctl disable --now "$pkg" >/dev/null 2>&1 || true ;;
    esac
  done
fi
