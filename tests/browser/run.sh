#!/usr/bin/env bash
# The workbench in a real browser: starts `casus serve` on a free loopback port with a fresh
# workspace, drives Debian's chromium headless with puppeteer-core (pinned in package-lock.json,
# installed here with `npm ci` when missing) and writes a screenshot of each page to ARTIFACTS.
# Usage: tests/browser/run.sh CASUS_BINARY [ARTIFACTS_DIR]   (run from the project root)
set -euo pipefail
casus="$1"
artifacts="${2:-build/browser-artifacts}"
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CASUS_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "browser test: $chromium is missing (Debian package chromium; scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/puppeteer-core" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
fi
mkdir -p "$artifacts"
workspace="$(mktemp -d)"
log="$(mktemp)"
"$casus" serve --port 0 --workspace "$workspace" >"$log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$workspace" "$log"; }
trap cleanup EXIT
origin=""
for _ in $(seq 1 100); do
  origin="$(grep -o 'http://[^/ ]*' "$log" | head -1 || true)"
  [ -n "$origin" ] && break
  sleep 0.1
done
if [ -z "$origin" ]; then
  echo "browser test: casus serve did not start:" >&2
  cat "$log" >&2
  exit 1
fi
CASUS="$casus" CHROMIUM="$chromium" WORKSPACE="$workspace" ORIGIN="$origin" ARTIFACTS="$artifacts" node "$here/pages.test.mjs"
