#!/usr/bin/env bash
# SSH fan-out benchmark (not a test): the real hourly `alerts` job (AlertsJob: host facts and PM2's reads in one
# command, against a stand-in pm2 that prints a two-app list) on 1 target and on SSH_BENCH_HOSTS targets, all one
# real sshd on loopback (Apache MINA SSHD in the benchmark's JVM, running each exec request with /bin/sh -c like
# OpenSSH, dropping handshakes beyond 10 unauthenticated sessions like OpenSSH's default MaxStartups), at the
# default --parallel. Twice: straight to the sshd (`ratio_loopback=`) and through a TCP relay in the benchmark that
# delays each direction by half of SSH_BENCH_RTT_MS, the same path for the 1-host and the N-host side (`ratio=`,
# last). The sshd and the relay run in a JVM of their own. Prints exec requests per host (goal: 1), UNKNOWN results
# (goal: 0), the dropped handshakes, CPU seconds per host of the client and of the server side (sshd, relay, the
# shells; all on this machine) and the 50-vs-1 ratios (goal: <= 3).
#   SSH_BENCH_HOSTS     targets (default 50)
#   SSH_BENCH_REPS      repetitions (default 3, after one warm-up round)
#   SSH_BENCH_RTT_MS    modelled network round trip (default 30 ms, a VPS in another data centre)
#   SSH_BENCH_PARALLEL  --parallel (default: the runner's default)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
hosts="${SSH_BENCH_HOSTS:-50}"
reps="${SSH_BENCH_REPS:-3}"
rtt="${SSH_BENCH_RTT_MS:-30}"
echo "cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$bench_cp" xyz.twzrd.ops.bench.SshFanOutBench "$hosts" "$reps" "$rtt" ${SSH_BENCH_PARALLEL:+"$SSH_BENCH_PARALLEL"}
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
