#!/usr/bin/env bash
# Installs the pinned pm2 the tests drive (package-lock.json) into tools/pm2/node_modules with npm ci.
# Skipped when node_modules already matches the lock file. Called by the core module's build.
set -euo pipefail
cd "$(dirname "$0")"
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "tools/pm2: '$tool' is required to install the pm2 the tests use (apt-get install nodejs npm)" >&2; exit 1; }
done
stamp=node_modules/.twzrd-lock
if [ -x node_modules/.bin/pm2 ] && [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
