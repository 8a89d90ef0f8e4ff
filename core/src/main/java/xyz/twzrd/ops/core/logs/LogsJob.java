package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.host.Target;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The log error scan on one target ({@code twzrd-ops logs}, and part of the weekly health check): the given
 * sources (e.g. the PM2 apps' out/err logs) plus the configured {@code logs.paths}, read on this machine
 * directly or on a remote target through its command runner.
 */
public final class LogsJob {
    /** How long one remote read command may take. */
    static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(120);

    private final LogsConfig config;
    private final StateFolder state;
    private final Clock clock;

    /** @param state the state folder as the running check kind sees it (its own log offsets) */
    public LogsJob(LogsConfig config, StateFolder state, Clock clock) {
        this.config = config;
        this.state = state;
        this.clock = clock;
    }

    /** With the state folder as the {@code logs} check sees it. */
    public LogsJob(LogsConfig config, Path stateDir, Clock clock) {
        this(config, new StateFolder(stateDir, LogScanResult.CHECK, clock.instant()), clock);
    }

    /** Scans {@code sources} and the configured paths; {@code full} ignores the saved offsets. */
    public LogScanResult scan(Target target, List<LogSource> sources, boolean full) {
        List<LogSource> all = new ArrayList<>(sources);
        for (String p : config.getPaths()) {
            all.add(new LogSource("", Path.of(p)));
        }
        LogFiles files = target.runner().isLocal() ? new LocalLogFiles() : new RemoteLogFiles(target.runner(), REMOTE_TIMEOUT);
        return new LogScanner(config, files, clock).scan(all, state, full);
    }

    /** The scan as a result of its own (check {@code logs}). */
    public CheckResult run(Target target, List<LogSource> sources, boolean full) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        LogScanResult r = scan(target, sources, full);
        return r.toCheckResult(target.name(), start, Duration.ofNanos(System.nanoTime() - t0));
    }
}
