#!/usr/bin/env bash
# Installs the pinned playwright-core the browser test drives (package-lock.json) into tools/browser-test/node_modules
# with npm ci (playwright-core downloads no browser: the test drives Debian's Chromium, /usr/bin/chromium).
# Skipped when node_modules already matches the lock file. Called by the cli module's build.
set -euo pipefail
cd "$(dirname "$0")"
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "tools/browser-test: '$tool' is required to install playwright-core for the browser test (apt-get install nodejs npm)" >&2; exit 1; }
done
stamp=node_modules/.twzrd-lock
if [ -f node_modules/playwright-core/package.json ] && [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
