package xyz.twzrd.ops.core.ssh;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.exec.CommandException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one check on remote hosts: each host gets its own session, at most {@code parallel} at a time, and every
 * host yields exactly one result. A host that cannot be reached yields a result with the single UNKNOWN finding
 * {@code connection}; a check that throws yields the UNKNOWN finding {@code check}. Never a stack trace.
 *
 * <p>Handshakes are paced so that our own fan-out does not overload a server: sshd drops the connections beyond
 * its MaxStartups (10 unauthenticated at once by default) before they authenticate. At most
 * {@value #HANDSHAKES} handshakes of one run are in flight at first (never more than {@code parallel}); a dropped
 * handshake halves that limit and is retried after a randomised, growing pause (up to {@value #CONNECT_ATTEMPTS}
 * attempts); each completed one raises it by one until the first drop, by one per limit's worth after it. Only drops are retried: a refused port, a timeout, an
 * unknown host key or a refused key fail at once.
 */
public final class RemoteChecks {
    /** Finding id of a host that could not be reached. */
    public static final String CONNECTION = "connection";

    /**
     * Hosts checked at the same time unless told otherwise: pdsh's and pssh's default fan-out (Ansible's forks: 5).
     * Safe against one sshd's MaxStartups since handshakes are paced separately ({@value #HANDSHAKES} at first).
     */
    public static final int DEFAULT_PARALLEL = 32;

    /** A check to run on one connected target. */
    @FunctionalInterface
    public interface Check {
        CheckResult run(Target target) throws Exception;
    }

    /** Handshakes in flight at first (OpenSSH's default MaxStartups starts dropping beyond 10). */
    static final int HANDSHAKES = 8;
    /** Connection attempts per host when the server drops the handshake. */
    static final int CONNECT_ATTEMPTS = 6;
    /** First pause before a retry; doubled each time, randomised by ±50 %, at most {@link #MAX_PAUSE_MS}. */
    static final long FIRST_PAUSE_MS = 100;
    static final long MAX_PAUSE_MS = 2000;

    private RemoteChecks() {
    }

    /**
     * Limits the handshakes in flight across the hosts of one run, as TCP paces its window: until the first drop,
     * each completed handshake raises the limit by one; a dropped one halves it; after a drop the limit grows by one
     * per {@code limit} completed handshakes only, so that it stays near what the server accepts instead of
     * overshooting it again and again.
     */
    static final class HandshakeGate {
        private final int max;
        private int limit;
        private int inFlight;
        private boolean dropSeen;
        private int completed;

        HandshakeGate(int max) {
            this.max = Math.max(1, max);
            this.limit = Math.min(this.max, HANDSHAKES);
        }

        synchronized void acquire() throws InterruptedException {
            while (inFlight >= limit) {
                wait();
            }
            inFlight++;
        }

        synchronized void release(boolean dropped) {
            inFlight--;
            if (dropped) {
                limit = Math.max(1, limit / 2);
                dropSeen = true;
                completed = 0;
            } else if (!dropSeen || ++completed >= limit) {
                limit = Math.min(max, limit + 1);
                completed = 0;
            }
            notifyAll();
        }

        synchronized int limit() {
            return limit;
        }
    }

    /** Connects through the gate, retrying dropped handshakes with growing randomised pauses. */
    static SshTarget connect(SshSettings settings, HandshakeGate gate) throws CommandException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            gate.acquire();
            boolean dropped = false;
            try {
                return SshTarget.open(settings);
            } catch (SshCommandRunner.DroppedHandshake e) {
                dropped = true;
                if (attempt >= CONNECT_ATTEMPTS) {
                    throw new CommandException(CommandException.Kind.IO, e.getMessage() + "; gave up after "
                            + attempt + " attempts", e);
                }
            } finally {
                gate.release(dropped);
            }
            long pause = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << (attempt - 1));
            Thread.sleep(pause / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(pause + 1));
        }
    }

    /** Connects to one host and runs the check; the session is closed afterwards. */
    public static CheckResult runOne(SshSettings settings, String check, Clock clock, Check body) {
        return runOne(settings, check, clock, body, new HandshakeGate(1));
    }

    private static CheckResult runOne(SshSettings settings, String check, Clock clock, Check body, HandshakeGate gate) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        try (SshTarget target = connect(settings, gate)) {
            return body.run(target);
        } catch (CommandException e) {
            return unknown(check, settings.displayName(), start, t0, Finding.unknown(CONNECTION, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(check, settings.displayName(), start, t0, Finding.unknown("check", "interrupted"));
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return unknown(check, settings.displayName(), start, t0,
                    Finding.unknown("check", check + " could not run on " + settings.displayName() + ": " + why));
        }
    }

    /** Runs the check on every host, {@code parallel} at a time; results in the order of {@code hosts}. */
    public static List<CheckResult> runAll(List<SshSettings> hosts, int parallel, String check, Clock clock, Check body) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, hosts.size())), r -> {
            Thread t = new Thread(r, "twzrd-ssh");
            t.setDaemon(true);
            return t;
        });
        HandshakeGate gate = new HandshakeGate(parallel);
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (SshSettings s : hosts) {
                futures.add(pool.submit(() -> runOne(s, check, clock, body, gate)));
            }
            List<CheckResult> out = new ArrayList<>();
            for (Future<CheckResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + hosts.size() + " hosts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a host check failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The worst severity of several results (OK when there are none). */
    public static Severity worst(List<CheckResult> results) {
        return Severity.worst(results.stream().map(CheckResult::getSeverity).toList());
    }

    private static CheckResult unknown(String check, String host, Instant start, long t0, Finding f) {
        return new CheckResult(check, host, start, Duration.ofNanos(System.nanoTime() - t0), List.of(f));
    }
}
