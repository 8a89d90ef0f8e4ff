# Sourced by bench/*.sh: builds the runner (through ./twzrd-ops) and the benchmark drivers (the bench module)
# when missing or older than their sources, and sets $root, $jar and $bench_cp.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/twzrd-ops-all.jar"
"$root/twzrd-ops" --version >/dev/null   # builds the runner when missing or stale
bench_classes="$root/bench/target/classes"
if [ ! -f "$bench_classes/xyz/twzrd/ops/bench/LogScanBench.class" ] \
   || [ -n "$(find "$root/bench/src" "$root/bench/pom.xml" -newer "$bench_classes/xyz/twzrd/ops/bench/LogScanBench.class" -type f -print -quit)" ]; then
  echo "bench: building the benchmark drivers..." >&2
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl bench -am compile) >/dev/null
fi
bench_cp="$bench_classes:$jar:$(cat "$root/bench/target/classpath.txt" 2>/dev/null)"
