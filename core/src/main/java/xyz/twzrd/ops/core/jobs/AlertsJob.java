package xyz.twzrd.ops.core.jobs;

import java.nio.file.Path;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.TopProcesses;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
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
import java.util.HashMap;
import java.util.Map;
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
        TopProcesses top = hostUnderPressure(findings) ? TopProcesses.read(target.runner(), pids(pm2Report.processes())) : null;
        CheckResult result = new CheckResult(CHECK, host, start, Duration.ofNanos(System.nanoTime() - t0), findings);
        result.putSection(ProcessSummary.SECTION, pm2Report.processes());
        List<PlannedRestarts.Entry> planned = PlannedRestarts.after(state.dir(), start.minus(PLANNED_KEPT));
        if (!planned.isEmpty()) {
            result.putSection(PlannedRestarts.SECTION, planned);
        }
        result.putSection(TopProcesses.SECTION, top);
        return result;
    }

    /** How far back the {@code plannedRestarts} section lists planned restarts (a report compares with up to a month ago). */
    static final Duration PLANNED_KEPT = Duration.ofDays(35);

    /** Whether load, memory or swap is not OK: then the report shows the busiest processes of that moment. */
    static boolean hostUnderPressure(List<Finding> findings) {
        return findings.stream().anyMatch(f -> (f.id().equals("load") || f.id().equals("memory") || f.id().equals("swap"))
                && f.severity() != Severity.OK);
    }

    private static Map<Integer, String> pids(List<ProcessSummary> apps) {
        Map<Integer, String> out = new HashMap<>();
        apps.stream().filter(a -> a.pid() != null).forEach(a -> out.put(a.pid(), a.name()));
        return out;
    }
}
