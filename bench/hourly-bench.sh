#!/usr/bin/env bash
# Hourly check benchmark (not a test): the CPU time of the whole `./twzrd-ops alerts` process (launcher, JVM,
# its own `pm2 jlist` child included) against the bare `pm2 jlist` it must call, on a real PM2 daemon (the pinned
# pm2 of tools/pm2) running HOURLY_BENCH_APPS idle Node.js apps in a fresh, short PM2_HOME under /tmp.
# Runs interleaved (jlist, ours, ours without the launcher's start-up options, ...). The daemon's own work
# answering jlist is the same on both sides and counted on neither. Prints each side's median CPU (user+sys) and
# wall seconds, and `ratio=` last: our CPU / bare jlist's CPU (medians; lower is better, the goal is at most 3).
# The state folder starts with a year of hourly history (8,760 records ending an hour ago), as a runner left running
# for months has it; HOURLY_BENCH_HISTORY sets how many (0: a fresh state folder). Then the Jenkins step's cost
# in a warm agent JVM (`jenkins_step_cpu_s=`, `ratio_jenkins_step=` against the bare jlist), see below.
#   HOURLY_BENCH_APPS  apps to start (default 10)
#   HOURLY_BENCH_STEPS warm steps of the Jenkins part (default 20)
#   HOURLY_BENCH_REPS  repetitions per side (default 7)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
apps="${HOURLY_BENCH_APPS:-10}"
reps="${HOURLY_BENCH_REPS:-7}"
history="${HOURLY_BENCH_HISTORY:-8760}"
pm2="$root/tools/pm2/node_modules/.bin/pm2"
[ -x "$pm2" ] || "$root/tools/pm2/install.sh" >/dev/null
command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }

home=$(mktemp -d /tmp/hb-XXXXXX)   # short: pm2's unix sockets live in PM2_HOME
work=$(mktemp -d)
cleanup() { PM2_HOME="$home" "$pm2" kill >/dev/null 2>&1 || true; rm -rf "$home" "$work"; }
trap cleanup EXIT
export PM2_HOME="$home"
printf 'setInterval(() => {}, 60000);\n' > "$work/idle.js"
for i in $(seq "$apps"); do "$pm2" start "$work/idle.js" --name "app$i" >/dev/null; done
"$pm2" jlist >/dev/null
if [ "$history" -gt 0 ]; then
  java -cp "$bench_cp" xyz.twzrd.ops.bench.HistoryBench generate "$work/state" "$history" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >/dev/null
fi
echo "history_records=$history apps=$apps cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) java=$(java -version 2>&1 | head -1)"
"$root/twzrd-ops" --version >/dev/null   # the launcher's one-time work (build, class-data archive) is not timed

declare -A cpu wall
# runs a named side once; appends its CPU (user+sys, children included) and wall seconds
once() {
  local name="$1"; shift
  /usr/bin/time -o "$work/t" -f '%U %S %e' "$@" >/dev/null 2>&1 || true
  read -r u s e < <(tail -n 1 "$work/t")   # GNU time first notes a non-zero exit (an ALERT) on a line of its own
  cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }') "
  wall[$name]+="$e "
}
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
alerts=(alerts --pm2 "$pm2" --pm2-home "$home" --state-dir "$work/state" --report-dir "$work/reports")
for _ in $(seq "$reps"); do
  once jlist "$pm2" jlist
  once ours "$root/twzrd-ops" "${alerts[@]}"
  once ours_plain env TWZRD_OPS_NO_CDS=1 java -jar "$jar" "${alerts[@]}"
done
# The Jenkins step in a warm agent JVM: a JVM running 1 step, and one running 1 + STEPS steps (bench driver
# StepCostBench, default JVM options as an agent has them); (CPU of the second - CPU of the first) / STEPS is the
# warm cost of one step, its pm2 jlist child included.
steps="${HOURLY_BENCH_STEPS:-20}"
for _ in 1 2 3; do
  once step_1 java -cp "$bench_cp" xyz.twzrd.ops.bench.StepCostBench "$pm2" "$home" "$work/jenkins" 1
  once step_n java -cp "$bench_cp" xyz.twzrd.ops.bench.StepCostBench "$pm2" "$home" "$work/jenkins" "$((steps + 1))"
done
for n in jlist ours ours_plain step_1 step_n; do
  echo "$n: cpu_s runs=${cpu[$n]}median=$(median "${cpu[$n]}") wall_s runs=${wall[$n]}median=$(median "${wall[$n]}")"
done
echo "(ours = ./twzrd-ops alerts as launched; ours_plain = java -jar without the launcher's archive and flags)"
awk -v a="$(median "${cpu[step_1]}")" -v b="$(median "${cpu[step_n]}")" -v n="$steps" -v j="$(median "${cpu[jlist]}")" \
  'BEGIN { printf "jenkins_step_cpu_s=%.3f\nratio_jenkins_step=%.2f\n", (b - a) / n, (b - a) / n / j }'
awk -v o="$(median "${cpu[ours_plain]}")" -v j="$(median "${cpu[jlist]}")" 'BEGIN { printf "ratio_plain_java=%.2f\n", o / j }'
awk -v o="$(median "${wall[ours]}")" -v j="$(median "${wall[jlist]}")" 'BEGIN { printf "ratio_wall=%.2f\n", o / j }'
awk -v o="$(median "${cpu[ours]}")" -v j="$(median "${cpu[jlist]}")" 'BEGIN { printf "ratio=%.2f\n", o / j }'
