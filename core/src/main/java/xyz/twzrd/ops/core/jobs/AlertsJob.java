package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.host.HostPolicy;
import xyz.twzrd.ops.core.host.HostSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The hourly alert check ({@code twzrdAlerts}, {@code twzrd-ops alerts}): host thresholds on one target. */
public final class AlertsJob {
    public static final String CHECK = "alerts";

    private final OpsConfig config;
    private final Clock clock;

    public AlertsJob(OpsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public CheckResult run(Target target) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        String host = target.name();
        try {
            HostSnapshot snap = target.hostProbe().snapshot();
            host = snap.hostName() == null ? host : snap.hostName();
            findings.addAll(HostPolicy.evaluate(snap, config.getThresholds()));
        } catch (RuntimeException e) {
            findings.add(Finding.unknown("host", "host metrics could not be read: " + e));
        }
        return new CheckResult(CHECK, host, start, Duration.ofNanos(System.nanoTime() - t0), findings);
    }
}
