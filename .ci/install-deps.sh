#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: the reference mtail, Prometheus and promtool,
# nginx and logrotate for the end-to-end tests, htpasswd and Python's bcrypt for basic auth hashes, GNU time for the
# benchmark, node for the parser drift check and the TextMate grammar test, chromium for the status page's browser test,
# and clang with zlib's headers for the NativeAOT build that examples/Dockerfile ships (tests/.../ImageBuildTests publishes it).
set -euo pipefail
need=()
for pair in mtail:mtail promtool:prometheus prometheus:prometheus nginx:nginx logrotate:logrotate /usr/bin/time:time node:nodejs npx:npm python3:python3 openssl:openssl curl:curl systemd-analyze:systemd htpasswd:apache2-utils chromium:chromium clang:clang /usr/include/zlib.h:zlib1g-dev; do
  cmd=${pair%%:*}; pkg=${pair##*:}
  command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ] || [ -f "$cmd" ] || need+=("$pkg")
done
# bcrypt hashes made by Python's bcrypt module (Debian's interpreter) for the basic auth tests.
/usr/bin/python3 -c 'import bcrypt' >/dev/null 2>&1 || need+=(python3-bcrypt)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Debian's packages may start services on install; the tests start their own on free ports.
for svc in nginx prometheus mtail; do pkill -x "$svc" 2>/dev/null || true; done
# The TextMate grammar's tokenizer test (vscode-textmate, vscode-oniguruma), pinned by its package-lock.json.
npm ci --prefix "$(dirname "$0")/../editors/textmate" --no-audit --no-fund --silent
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required" >&2; exit 1; }
