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
import xyz.twzrd.ops.core.host.ProcHostProbe;
import xyz.twzrd.ops.core.exec.FramedScript;
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
 *
 * <p>Host facts and PM2's reads (daemon check, {@code pm2 jlist}, pm2.log's tail, the UTC offset) come from one
 * command ({@link FramedScript}): over SSH one exec channel per host. A second command runs only when the host is
 * under pressure ({@link TopProcesses}) or a crash loop is stopped ({@code pm2.stop-looping}).
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
        Pm2Client client = new Pm2Client(target.runner(), pm2);
        Pm2Client.Framed pm2Parts = client.framed(config.getPm2().getDaemonLogBytes());
        ProcHostProbe proc = target.hostProbe() instanceof ProcHostProbe p ? p : null;
        Map<String, FramedScript.Outcome> outcomes = readAll(target, proc, pm2Parts);
        try {
            HostSnapshot snap = proc != null ? proc.snapshot(outcomes) : target.hostProbe().snapshot();
            host = snap.hostName() == null ? host : snap.hostName();
            findings.addAll(HostPolicy.evaluate(snap, config.getThresholds()));
        } catch (RuntimeException e) {
            findings.add(Finding.unknown("host", "host metrics could not be read: " + e));
        }
        Pm2Check.Report pm2Report = new Pm2Check(client, config.getPm2(), state).run(start, pm2Parts.facts(outcomes));
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

    /**
     * The host facts (when read from {@code /proc}) and PM2's reads in ONE command: one exec channel and one remote
     * shell per host over SSH, one {@code sh} here. Each part still fails on its own; the command as a whole may
     * take the host probe's timeout plus the pm2 timeout (each part is killed after its own), plus a margin.
     */
    private static Map<String, FramedScript.Outcome> readAll(Target target, ProcHostProbe proc, Pm2Client.Framed pm2) {
        List<FramedScript.Part> parts = new ArrayList<>();
        Duration timeout = pm2.timeout().plus(SCRIPT_MARGIN);
        long maxOutput = pm2.maxOutput();
        if (proc != null) {
            parts.addAll(proc.parts());
            timeout = timeout.plus(proc.timeout());
            maxOutput += ProcHostProbe.maxOutput();
        }
        parts.addAll(pm2.parts());
        return new FramedScript(pm2.prelude(), parts).run(target.runner(), timeout, maxOutput);
    }

    /** What the one command may take beyond its parts' own timeouts (the shell, the daemon check, the transfer). */
    static final Duration SCRIPT_MARGIN = Duration.ofSeconds(5);

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
