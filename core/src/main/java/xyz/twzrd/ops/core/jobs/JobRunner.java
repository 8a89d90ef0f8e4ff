package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.audit.Pm2Apps;
import xyz.twzrd.ops.core.config.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs one {@link JobRequest} on the machine it is called on and returns the result: what a Jenkins agent does
 * for a step. It never throws for a check that cannot run: bad configuration, a check this build does not have or
 * a target it cannot reach become an UNKNOWN result that names the reason.
 */
public final class JobRunner {
    private static final String DEFAULT_PM2_TIMEOUT = "30s";

    private JobRunner() {
    }

    public static CheckResult run(JobRequest request, Clock clock) {
        OpsConfig config;
        try {
            config = OpsConfig.parse(request.configYaml());
        } catch (ConfigException e) {
            return unknown(request, clock, "config", "invalid configuration: " + e.getMessage());
        }
        Duration pm2Timeout;
        try {
            pm2Timeout = Durations.parse(blank(request.pm2Timeout()) ? DEFAULT_PM2_TIMEOUT : request.pm2Timeout());
        } catch (IllegalArgumentException e) {
            return unknown(request, clock, "config", "invalid pm2 timeout: " + e.getMessage());
        }
        if (request.remote()) {
            return unknown(request, clock, "target", "SSH targets are not available in this build of twzrd-ops");
        }
        try (Target target = Target.local()) {
            return switch (request.check()) {
                case AlertsJob.CHECK -> new AlertsJob(config, clock).run(target);
                case AuditJob.CHECK -> new AuditJob(config, clock).run(target, Pm2Apps.jlist(target.runner(),
                        blank(request.pm2()) ? "pm2" : request.pm2(),
                        blank(request.pm2Home()) ? null : Path.of(request.pm2Home()), pm2Timeout));
                default -> unknown(request, clock, "check", "the check '" + request.check()
                        + "' is not available in this build of twzrd-ops");
            };
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CheckResult unknown(JobRequest request, Clock clock, String id, String reason) {
        String host = request.remote() ? request.sshTarget() : new LocalCommandRunner().hostName();
        return new CheckResult(request.check(), host, clock.instant(), Duration.ZERO, List.of(Finding.unknown(id, reason)));
    }
}
