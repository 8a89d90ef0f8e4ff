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
 */
public final class RemoteChecks {
    /** Finding id of a host that could not be reached. */
    public static final String CONNECTION = "connection";

    /** Hosts checked at the same time unless told otherwise. */
    public static final int DEFAULT_PARALLEL = 4;

    /** A check to run on one connected target. */
    @FunctionalInterface
    public interface Check {
        CheckResult run(Target target) throws Exception;
    }

    private RemoteChecks() {
    }

    /** Connects to one host and runs the check; the session is closed afterwards. */
    public static CheckResult runOne(SshSettings settings, String check, Clock clock, Check body) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        try (SshTarget target = SshTarget.open(settings)) {
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
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (SshSettings s : hosts) {
                futures.add(pool.submit(() -> runOne(s, check, clock, body)));
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
