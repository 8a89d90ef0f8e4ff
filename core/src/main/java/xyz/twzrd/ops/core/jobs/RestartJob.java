package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.pm2.HealthProbe;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.pm2.ProcessSummary;
import xyz.twzrd.ops.core.pm2.RestartVerifier;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Friday verified restart ({@code twzrd-ops pm2-restart}): restart the configured apps, verify each is back
 * online with a fresh process, and that the health URL answers. Check name {@code pm2-restart}.
 */
public final class RestartJob {
    public static final String CHECK = "pm2-restart";

    private final Pm2Settings settings;
    private final Pm2Config config;
    private final Path stateDir;
    private final Clock clock;
    private StateFolder state;

    public RestartJob(Pm2Settings settings, Pm2Config config, Path stateDir, Clock clock) {
        this.settings = settings;
        this.config = config;
        this.stateDir = stateDir;
        this.clock = clock;
    }

    /** With the run's view of the state folder: a damaged planned-restart file is set aside there first. */
    public RestartJob(Pm2Settings settings, Pm2Config config, StateFolder state, Clock clock) {
        this(settings, config, state.dir(), clock);
        this.state = state;
    }

    public CheckResult run(Target target) throws InterruptedException {
        if (state != null) {
            PlannedRestarts.setAsideIfDamaged(state);
        }
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        RestartVerifier.Report r = new RestartVerifier(new Pm2Client(target.runner(), settings), config, stateDir,
                new HealthProbe(target.runner()), clock).run();
        CheckResult result = new CheckResult(CHECK, target.name(), start, Duration.ofNanos(System.nanoTime() - t0),
                r.findings());
        result.putSection(ProcessSummary.SECTION, r.processes());
        return result;
    }
}
