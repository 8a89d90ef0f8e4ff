#!/usr/bin/env bash
# Log scan benchmark (not a test): our scanner against `LC_ALL=C grep -c -E` (and ripgrep when installed) with
# the same patterns on the same PM2-style file, warm page cache, several repetitions. Prints `ratio=` last:
# our MB/s divided by grep's (medians).
#   LOGSCAN_BENCH_FILE  the log file (default /tmp/twzrd-logscan-bench-1g.log; generated once, then reused)
#   LOGSCAN_BENCH_MIB   its size when generated (default 1024)
#   LOGSCAN_BENCH_REPS  repetitions per tool (default 5)
#   LOGSCAN_BENCH_THREADS scanner threads (default 0 = all processors)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
file="${LOGSCAN_BENCH_FILE:-/tmp/twzrd-logscan-bench-1g.log}"
mib="${LOGSCAN_BENCH_MIB:-1024}"
reps="${LOGSCAN_BENCH_REPS:-5}"
threads="${LOGSCAN_BENCH_THREADS:-0}"
if [ ! -s "$file" ]; then
  java -cp "$bench_cp" xyz.twzrd.ops.bench.LogScanBench generate "$file" "$mib"
fi
bytes=$(stat -c %s "$file")
echo "file=$file bytes=$bytes cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
cat "$file" > /dev/null   # warm the page cache

# The default patterns of logs.patterns, as one ERE.
pat='ERROR|FATAL|Unhandled|uncaught|Uncaught|^([0-9]{4}-[0-9][0-9]-[0-9][0-9][T ][0-9:.]+(Z|[+-][0-9][0-9]:?[0-9][0-9])?:? )?[[:alnum:]_]*Error:'

# median MB/s of a command run $reps times; also prints the count it reported
measure() {
  local name="$1"; shift
  local rates=() count=""
  for _ in $(seq "$reps"); do
    local t0 t1
    t0=$(date +%s%N)
    count=$("$@")
    t1=$(date +%s%N)
    rates+=("$(awk -v b="$bytes" -v ns="$((t1 - t0))" 'BEGIN { printf "%.0f", b / 1e6 / (ns / 1e9) }')")
  done
  local median
  median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "$name: count=$count MB/s runs=${rates[*]} median=$median" >&2
  echo "$median"
}

ours_out=$(java -cp "$bench_cp" xyz.twzrd.ops.bench.LogScanBench scan "$file" "$((reps + 1))" "$threads")
echo "$ours_out"
ours=$(sed -n 's/^ours_median_mbs=//p' <<<"$ours_out")

grep_mbs=$(measure "grep -c -E" env LC_ALL=C grep -c -E "$pat" "$file")
echo "grep_median_mbs=$grep_mbs"
if command -v rg >/dev/null 2>&1; then
  rg_mbs=$(measure "rg -c" rg -c "$pat" "$file")
  echo "rg_median_mbs=$rg_mbs"
  awk -v o="$ours" -v r="$rg_mbs" 'BEGIN { printf "ratio_vs_rg=%.2f\n", o / r }'
fi

# For context only (not the same question: "Error:" anywhere, not at the line start): the plain literals.
lits=(-e ERROR -e FATAL -e Unhandled -e uncaught -e Uncaught -e Error:)
measure "grep -c -F (literals only, context)" env LC_ALL=C grep -c -F "${lits[@]}" "$file" >/dev/null
if command -v rg >/dev/null 2>&1; then
  measure "rg -c -F (literals only, context)" rg -c -F "${lits[@]}" "$file" >/dev/null
fi

state=$(mktemp -d)
t0=$(date +%s%N)
"$root/twzrd-ops" logs --full --logs "$file" --state-dir "$state" >/dev/null || true
t1=$(date +%s%N)
rm -rf "$state"
awk -v b="$bytes" -v ns="$((t1 - t0))" 'BEGIN { printf "cli_end_to_end: %.2f s (JVM start included), %.0f MB/s\n", ns / 1e9, b / 1e6 / (ns / 1e9) }'

awk -v o="$ours" -v g="$grep_mbs" 'BEGIN { printf "ratio=%.2f\n", o / g }'
