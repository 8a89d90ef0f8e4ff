package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.logs.LogScanResult;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.logs.LogsJob;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.pm2.ProcessSummary;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly health check ({@code twzrd-ops health-check}, {@code twzrdHealthCheck}): everything the hourly check
 * looks at (host, PM2 status of every app, crashes) plus a scan of the service logs for new errors: the out and
 * error logs of every PM2 app, and the configured or given paths.
 */
public final class HealthCheckJob {
    public static final String CHECK = "health-check";

    private final OpsConfig config;
    private final Pm2Settings pm2;
    private final StateFolder state;
    private final Clock clock;

    public HealthCheckJob(OpsConfig config, Pm2Settings pm2, StateFolder state, Clock clock) {
        this.config = config;
        this.pm2 = pm2;
        this.state = state;
        this.clock = clock;
    }

    /** With the state folder as the health check sees it. */
    public HealthCheckJob(OpsConfig config, Pm2Settings pm2, Path stateDir, Clock clock) {
        this(config, pm2, new StateFolder(stateDir, CHECK, clock.instant()), clock);
    }

    /** Runs the check; {@code extraLogs} come beside the PM2 app logs and the configured paths. */
    public CheckResult run(Target target, List<LogSource> extraLogs) {
        long t0 = System.nanoTime();
        CheckResult alerts = new AlertsJob(config, pm2, state, clock).run(target);
        ProcessSummary[] apps = alerts.section(ProcessSummary.SECTION, ProcessSummary[].class).orElse(new ProcessSummary[0]);
        LogScanResult logs = new LogsJob(config.getLogs(), state, clock).scan(target, sources(apps, extraLogs), false);
        List<Finding> findings = new ArrayList<>(alerts.getFindings());
        findings.addAll(logs.findings());
        CheckResult result = new CheckResult(CHECK, alerts.getHost(), alerts.getStartedAt(),
                Duration.ofNanos(System.nanoTime() - t0), findings);
        alerts.getSections().forEach(result::putSection);
        result.putSection(LogScanResult.SECTION, logs.files());
        return result;
    }

    /** The out and error log of every app (each file once), then the extra ones. */
    static List<LogSource> sources(ProcessSummary[] apps, List<LogSource> extra) {
        Map<String, LogSource> byPath = new LinkedHashMap<>();
        for (ProcessSummary p : apps) {
            for (String log : new String[] {p.outLog(), p.errLog()}) {
                if (log != null) {
                    byPath.putIfAbsent(log, new LogSource(p.name(), Path.of(log)));
                }
            }
        }
        extra.forEach(s -> byPath.putIfAbsent(s.path().toString(), s));
        return List.copyOf(byPath.values());
    }
}
