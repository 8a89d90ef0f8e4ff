#!/usr/bin/env bash
# History benchmark (not a test), three parts:
# 1. the text table of a year of hourly runs (8,760 records), whole processes, CPU seconds (user+sys), interleaved:
#    `jq` printing the same columns of every record, tailed to the table's rows; `./twzrd-ops history` (it parses
#    only the rows it prints); and, for comparison, the same table parsing every record (as before), in a process
#    started exactly as the launcher starts the runner (class-data archive, C1), through the bench driver.
#    `ratio=` (last line) is the command's CPU / jq's CPU; `ratio_parse_all=` the parse-everything table's.
# 2. `twzrd-ops history --html` over 87,600 runs (ten years hourly, HISTORY_BENCH_HTML_RUNS) with a 256 MiB heap
#    (its series are downsampled for display, every extreme kept: HistorySummary.displayTrend).
# 3. the in-JVM load and summary of the 8,760 records against a plain buffered line count (`ratio_load=`).
#   HISTORY_BENCH_RUNS       records of the table and load parts (default 8760)
#   HISTORY_BENCH_REPS       repetitions (default 5)
#   HISTORY_BENCH_HTML_RUNS  records of the trend page part (default 87600; 0 skips it)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${HISTORY_BENCH_RUNS:-8760}"
reps="${HISTORY_BENCH_REPS:-5}"
html_runs="${HISTORY_BENCH_HTML_RUNS:-87600}"
command -v jq >/dev/null 2>&1 || { echo "bench: jq is needed: apt-get install jq" >&2; exit 1; }
command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) java=$(java -version 2>&1 | head -1) jq=$(jq --version)"
"$root/twzrd-ops" --version >/dev/null   # the launcher's one-time work (build, class-data archive) is not timed
jsa="$(ls -t "$root"/cli/target/twzrd-ops-all.*.jsa 2>/dev/null | head -n 1)"   # the launcher's archive for this build
driver=(java -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000)
[ -n "$jsa" ] && driver+=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
# the runner jar first: the archive was dumped for that class path, which may only be extended
driver+=(-cp "$jar:$root/bench/target/classes" xyz.twzrd.ops.bench.HistoryBench)

java -cp "$bench_cp" xyz.twzrd.ops.bench.HistoryBench generate "$dir/year" "$runs"
file="$dir/year/history.jsonl"

declare -A cpu
once() {
  local name="$1"; shift
  /usr/bin/time -o "$dir/t" -f '%U %S' "$@" >"$dir/out.$name" 2>&1 || true
  read -r u s < <(tail -n 1 "$dir/t")   # GNU time first notes a non-zero exit on a line of its own
  cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }') "
}
median() { tr ' ' '\n' <<<"${cpu[$1]}" | sed '/^$/d' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
jq_table() { jq -r '[.at, .severity, (.values.swap // ""), (.values.load // ""), (.values.memory // ""), (.values.crashes // ""), (.values.logs // "")] | @tsv' "$file" | tail -n 24; }
export -f jq_table; export file
for _ in $(seq "$reps"); do
  once jq bash -c jq_table
  once cli "$root/twzrd-ops" history --state-dir "$dir/year"
  once parse_all "${driver[@]}" table-parse-all "$dir/year" 24
done
echo "-- text table of the last 24 of $runs runs, whole processes, CPU seconds"
for n in jq cli parse_all; do echo "$n: cpu_s runs=${cpu[$n]}median=$(median "$n")"; done
cmp -s "$dir/out.cli" "$dir/out.parse_all" || echo "bench: WARNING: the command printed another table than the full parse" >&2
tail -n 1 "$dir/out.cli"

if [ "$html_runs" -gt 0 ]; then
  echo "-- trend page over $html_runs runs, -Xmx256m"
  java -cp "$bench_cp" xyz.twzrd.ops.bench.HistoryBench generate "$dir/decade" "$html_runs"
  TWZRD_JAVA_OPTS=-Xmx256m /usr/bin/time -f 'history --html (series downsampled for display, extremes kept): %e s wall, %U+%S s cpu, max RSS %M KB' \
    "$root/twzrd-ops" history --state-dir "$dir/decade" --html "$dir/trend.html" 2>&1 || echo "history --html FAILED under -Xmx256m"
  ls -l "$dir/trend.html" 2>/dev/null | awk '{ print $NF ": " $5 " bytes" }'
fi

echo "-- in-JVM load and summary of $runs records vs a plain line count"
mkdir -p "$dir/load"
load_out=$(java -cp "$bench_cp" xyz.twzrd.ops.bench.HistoryBench "$dir/load" "$runs" "$reps")
sed 's/^ratio=/ratio_load=/' <<<"$load_out"

awk -v o="$(median parse_all)" -v j="$(median jq)" 'BEGIN { printf "ratio_parse_all=%.2f\n", o / j }'
awk -v o="$(median cli)" -v j="$(median jq)" 'BEGIN { printf "ratio=%.2f\n", o / j }'
