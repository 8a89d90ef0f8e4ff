#!/usr/bin/env bash
# SSH fan-out benchmark (not a test): the hourly check's remote work (host facts in one command, plus one command
# standing in for `pm2 jlist`) on 1 target and on SSH_BENCH_HOSTS targets, all a real sshd on loopback (Apache
# MINA SSHD in the benchmark's JVM, running each exec request with /bin/sh -c like OpenSSH), at the default
# --parallel 4; then the same fan-out at --parallel 16 against an sshd that drops handshakes beyond 10
# unauthenticated sessions (OpenSSH's default MaxStartups). Prints exec requests per host, UNKNOWN results, the
# drops, and `ratio=` last: SSH_BENCH_HOSTS hosts' wall time / 1 host's, at the default parallelism (goal: <= 3).
#   SSH_BENCH_HOSTS  targets (default 50)
#   SSH_BENCH_REPS   repetitions (default 3, after one warm-up round)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
hosts="${SSH_BENCH_HOSTS:-50}"
reps="${SSH_BENCH_REPS:-3}"
echo "cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "-- $hosts hosts at --parallel 16, sshd dropping handshakes beyond 10 (MaxStartups)"
java -cp "$bench_cp" xyz.twzrd.ops.bench.SshFanOutBench "$hosts" 16 1 10 | sed 's/^ratio=/ratio_parallel16=/'
echo "-- $hosts hosts at the default --parallel 4"
java -cp "$bench_cp" xyz.twzrd.ops.bench.SshFanOutBench "$hosts" 4 "$reps"
