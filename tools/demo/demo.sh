#!/usr/bin/env bash
# ./twzrd-ops demo: the whole product on a small sample fleet, in one command, leaving nothing running.
# Starts the project's own pinned pm2 (tools/pm2) in a throwaway PM2_HOME with three apps (tools/demo/apps): a healthy
# HTTP app with /health, an app that crash-loops, an app that writes ERROR lines (with made-up secrets the reports
# must redact). Runs the hourly alerts, the weekly health check twice (so the second report compares with the first),
# a verified restart, writes the reports and the trend page, prints where to open them, and stops what it started.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runner="$here/twzrd-ops"
apps="$here/tools/demo/apps"
data="${TWZRD_OPS_DATA:-$here/twzrd-ops-data}/demo"

"$here/tools/pm2/install.sh" || { echo "demo: the pinned pm2 could not be installed (node and npm are needed)" >&2; exit 3; }
pm2="$here/tools/pm2/node_modules/.bin/pm2"
home="$(mktemp -d /tmp/twzrd-demo-XXXXXX)" # short: pm2's unix sockets live here
export PM2_HOME="$home"

cleanup() {
  "$pm2" kill >/dev/null 2>&1
  rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$data"
mkdir -p "$data"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
cat >"$data/demo.yaml" <<YAML
# the demo fleet's pm2 (written by ./twzrd-ops demo)
pm2:
  program: $pm2
  home: $home
YAML
common=(--config "$data/demo.yaml" --state-dir "$data/state" --report-dir "$data/reports")

step() { printf '\n== %s\n' "$*"; }
run() { "$runner" "$@"; echo "(exit $?)"; }

step "starting the sample fleet (pm2 $("$pm2" --version 2>/dev/null | tail -1), PM2_HOME=$home)"
PORT="$port" "$pm2" start "$apps/web.js" --name web --max-memory-restart 300M >/dev/null &&
  "$pm2" start "$apps/crasher.js" --name crasher >/dev/null &&
  "$pm2" start "$apps/errors.js" --name errors >/dev/null || { echo "demo: pm2 could not start the apps" >&2; exit 3; }
echo "web on http://127.0.0.1:$port/health, crasher (crash-loops), errors (writes ERROR lines)"

step "hourly alerts (first run: saves the crash baseline)"
run alerts "${common[@]}"
step "weekly health check (the first report)"
run health-check "${common[@]}"
step "letting the crasher loop for 12 s"
sleep 12
step "verified restart of web and errors (health URL http://127.0.0.1:$port/health)"
run pm2-restart "${common[@]}" --apps web,errors --settle 2s --health-url "http://127.0.0.1:$port/health"
step "hourly alerts"
run alerts "${common[@]}"
step "weekly health check (compared with the first report)"
run health-check "${common[@]}"
step "trend page"
run history "${common[@]}" --html "$data/reports/trend.html"

report="$(ls -t "$data"/reports/health-report-*.txt 2>/dev/null | head -1)"
if [ -n "$report" ]; then
  step "the newest health report starts with"
  head -12 "$report"
fi
step "open these"
echo "  health report: ${report%.txt}.html"
echo "                 $report"
ls -t "$data"/reports/pm2-restart-report-*.html 2>/dev/null | head -1 | sed 's/^/  restart report: /'
echo "  trend page:    $data/reports/trend.html"
echo "  (one self-contained file each; they open offline)"
step "stopping the sample fleet (pm2 kill, PM2_HOME removed)"
