package xyz.twzrd.ops.core.jobs;

import java.nio.file.Path;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.host.HostPolicy;
import xyz.twzrd.ops.core.host.HostSnapshot;
import xyz.twzrd.ops.core.pm2.Pm2Check;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.pm2.ProcessSummary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hourly alert check ({@code twzrdAlerts}, {@code twzrd-ops alerts}): host thresholds and PM2 (process state,
 * crashes since the previous run, crash loops) on one target. PM2 unreachable makes the PM2 findings UNKNOWN;
 * the host findings still appear.
 */
public final class AlertsJob {
    public static final String CHECK = "alerts";

    private final OpsConfig config;
    private final Pm2Settings pm2;
    private final StateFolder state;
    private final Clock clock;

    public AlertsJob(OpsConfig config, Pm2Settings pm2, StateFolder state, Clock clock) {
        this.config = config;
        this.pm2 = pm2;
        this.state = state;
        this.clock = clock;
    }

    /** With the state folder as the alerts check sees it. */
    public AlertsJob(OpsConfig config, Pm2Settings pm2, Path stateDir, Clock clock) {
        this(config, pm2, new StateFolder(stateDir, CHECK, clock.instant()), clock);
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
        Pm2Check.Report pm2Report = new Pm2Check(new Pm2Client(target.runner(), pm2), config.getPm2(), state).run(start);
        findings.addAll(pm2Report.findings());
        CheckResult result = new CheckResult(CHECK, host, start, Duration.ofNanos(System.nanoTime() - t0), findings);
        result.putSection(ProcessSummary.SECTION, pm2Report.processes());
        return result;
    }
}
