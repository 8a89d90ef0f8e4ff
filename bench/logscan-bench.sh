#!/usr/bin/env bash
# Log scan benchmark (not a test). Like for like: the whole `./twzrd-ops logs --full` process (launcher, JVM start,
# cold JIT, result output included) against the whole `LC_ALL=C grep -cE` process with the equivalent ERE, and
# against Debian's ripgrep (`rg -c`), on the same PM2-style file with a warm page cache; runs interleaved
# (ours, grep, rg, ours, ...) so a change in the machine's load hits every tool alike. Then the same for a set of
# three literals (a `logs.patterns` config file vs `grep -cF` / `rg -cF`), and, for context, the warm scanner in
# one JVM (LogScanBench scan) on the literal set vs `grep -cF`.
# Every ratio is our MB/s divided by the other tool's (medians; above 1 means we are faster). `ratio=` last is the
# headline: end to end, default patterns, vs `LC_ALL=C grep -cE`.
#   LOGSCAN_BENCH_FILE    the log file (default /tmp/twzrd-logscan-bench-1g.log; generated once, then reused)
#   LOGSCAN_BENCH_MIB     its size when generated (default 1024)
#   LOGSCAN_BENCH_REPS    repetitions per tool (default 5)
#   LOGSCAN_BENCH_THREADS scanner threads of the warm in-JVM scan (default 0 = all processors)
#   LOGSCAN_BENCH_NO_APT  set to skip installing ripgrep with apt-get when it is missing
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
file="${LOGSCAN_BENCH_FILE:-/tmp/twzrd-logscan-bench-1g.log}"
mib="${LOGSCAN_BENCH_MIB:-1024}"
reps="${LOGSCAN_BENCH_REPS:-5}"
threads="${LOGSCAN_BENCH_THREADS:-0}"

if ! command -v rg >/dev/null 2>&1 && [ -z "${LOGSCAN_BENCH_NO_APT:-}" ]; then
  echo "bench: installing Debian's ripgrep (apt-get install ripgrep)..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q ripgrep >/dev/null 2>&1 || true
  elif command -v sudo >/dev/null 2>&1; then sudo -n apt-get install -y -q ripgrep >/dev/null 2>&1 || true
  fi
  command -v rg >/dev/null 2>&1 || echo "bench: ripgrep could not be installed; its ratios are left out" >&2
fi
have_rg=$(command -v rg >/dev/null 2>&1 && echo 1 || echo "")

if [ ! -s "$file" ]; then
  java -cp "$bench_cp" xyz.twzrd.ops.bench.LogScanBench generate "$file" "$mib"
fi
bytes=$(stat -c %s "$file")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "file=$file bytes=$bytes cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "java=$(java -version 2>&1 | head -1) grep=$(grep --version | head -1)${have_rg:+ rg=$(rg --version 2>/dev/null | head -n 1)}"
cat "$file" > /dev/null   # warm the page cache
"$root/twzrd-ops" --version >/dev/null   # the launcher's one-time work (build, class-data archive) is not timed

# The default patterns of logs.patterns, as one ERE (what grep and rg are asked).
pat='ERROR|FATAL|Unhandled|uncaught|Uncaught|^([0-9]{4}-[0-9][0-9]-[0-9][0-9][T ][0-9:.]+(Z|[+-][0-9][0-9]:?[0-9][0-9])?:? )?[[:alnum:]_]*Error:'
# The literal set: three literals, as a config file for us and -F -e ... for grep and rg.
lits=(ERROR FATAL Unhandled)
cfg="$work/literals.yaml"
{ echo "logs:"; echo "  patterns:"; for l in "${lits[@]}"; do echo "    - literal: $l"; done; } > "$cfg"
flits=(); for l in "${lits[@]}"; do flits+=(-e "$l"); done

# our count, from the summary line "... logs: N new error lines in ..."
ours_count() { sed -n 's/^.* logs: \([0-9][0-9]*\) new error line.*$/\1/p' | head -1; }
ours_default() { "$root/twzrd-ops" logs --full --logs "$file" --state-dir "$work/s1" 2>&1 | ours_count; }
ours_literals() { "$root/twzrd-ops" logs --full --logs "$file" --state-dir "$work/s2" --config "$cfg" 2>&1 | ours_count; }
grep_e() { LC_ALL=C grep -cE "$pat" "$file"; }
grep_f() { LC_ALL=C grep -cF "${flits[@]}" "$file"; }
rg_e() { rg -c "$pat" "$file"; }
rg_f() { rg -cF "${flits[@]}" "$file"; }

declare -A rates counts
# runs each named function once, appending its MB/s to rates[name] and remembering the count it printed
once() {
  local name t0 t1 c
  for name in "$@"; do
    t0=$(date +%s%N)
    c=$("$name" || true)
    t1=$(date +%s%N)
    rates[$name]+="$(awk -v b="$bytes" -v ns="$((t1 - t0))" 'BEGIN { printf "%.0f", b / 1e6 / (ns / 1e9) }') "
    if [ -n "${counts[$name]:-}" ] && [ "${counts[$name]}" != "$c" ]; then
      echo "bench: $name counted $c, earlier ${counts[$name]}" >&2
    fi
    counts[$name]=$c
  done
}
median() { tr ' ' '\n' <<<"${rates[$1]}" | sed '/^$/d' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
report() { echo "$1: count=${counts[$1]} MB/s runs=${rates[$1]}median=$(median "$1")"; }
ratio() { awk -v o="$(median "$2")" -v t="$(median "$3")" -v n="$1" 'BEGIN { printf "%s=%.2f\n", n, o / t }'; }
same() {
  [ "${counts[$1]}" = "${counts[$2]}" ] || echo "bench: WARNING: $1 counted ${counts[$1]} lines, $2 ${counts[$2]}: not the same question" >&2
}

default_tools=(ours_default grep_e ${have_rg:+rg_e})
literal_tools=(ours_literals grep_f ${have_rg:+rg_f})
for _ in $(seq "$reps"); do once "${default_tools[@]}" "${literal_tools[@]}"; done

echo "-- end to end, whole processes, default patterns (count = error lines)"
for t in "${default_tools[@]}"; do report "$t"; done
echo "-- end to end, whole processes, literals ${lits[*]}"
for t in "${literal_tools[@]}"; do report "$t"; done
same ours_default grep_e; same ours_literals grep_f
[ -n "$have_rg" ] && { same ours_default rg_e; same ours_literals rg_f; }

echo "-- warm scanner in one JVM (JVM start and the first, cold run left out), literals ${lits[*]}"
warm_out=$(java -cp "$bench_cp" xyz.twzrd.ops.bench.LogScanBench scan "$file" "$((reps + 1))" "$threads" "${lits[@]}")
echo "$warm_out"
rates[warm_literals]=$(sed -n 's/^ours_median_mbs=//p' <<<"$warm_out")

echo "-- ratios (our MB/s / theirs; above 1: we are faster)"
ratio ratio_e2e_literals_vs_grep_F ours_literals grep_f
ratio ratio_warm_literals_vs_grep_F warm_literals grep_f
if [ -n "$have_rg" ]; then
  ratio ratio_e2e_literals_vs_rg_F ours_literals rg_f
  ratio ratio_e2e_vs_rg ours_default rg_e
fi
ratio ratio ours_default grep_e
