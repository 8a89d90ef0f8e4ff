#!/usr/bin/env bash
# History benchmark (not a test): appends a year of hourly run records (8,760) to a fresh history.jsonl through the
# locked append, then loads and summarises them several times in one JVM (trend series + severity counts), against
# a plain buffered line count of the same file measured in the same run. Prints records/s and `ratio=` last
# (ours / baseline; 1.0 would mean parsing and summarising cost nothing beyond reading the lines).
#   HISTORY_BENCH_RUNS  records to generate (default 8760)
#   HISTORY_BENCH_REPS  measured load repetitions after 5 warm-up ones (default 9; the median is reported)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${HISTORY_BENCH_RUNS:-8760}"
reps="${HISTORY_BENCH_REPS:-9}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$bench_cp" xyz.twzrd.ops.bench.HistoryBench "$dir" "$runs" "$reps"
