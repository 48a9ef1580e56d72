#!/usr/bin/env bash
# Installs what the test suite needs on Debian: Chromium and its matching ChromeDriver for the browser
# end-to-end tests, Node.js for the browser SDK's node:test suite (onair-server/src/test/web/), and npm to
# install the pinned TypeScript (package-lock.json) that type-checks onair.d.ts, and tshark, which must read
# the network lab's flight-recorder pcap dumps, and redis-server, which the messaging module's Redis store tests start
# on a free loopback port.
# Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "installing test dependencies: ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# TypeScript for the .d.ts check, exactly as locked; without it (e.g. offline) that one test is skipped.
web_tests=onair-server/src/test/web
wanted=$(node -p "require('./$web_tests/package.json').devDependencies.typescript")
installed=$(node -p "try { require('./$web_tests/node_modules/typescript/package.json').version } catch { '' }")
if [ "$wanted" != "$installed" ]; then
  echo "installing TypeScript $wanted for the onair.d.ts check (npm ci)" >&2
  (cd "$web_tests" && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm ci failed; the onair.d.ts type check will be skipped" >&2
fi
