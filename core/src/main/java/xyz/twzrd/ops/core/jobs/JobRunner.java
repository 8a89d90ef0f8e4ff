package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.config.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs one {@link JobRequest} on the machine it is called on and returns the result: what a Jenkins agent does
 * for a step. It never throws for a check that cannot run: bad configuration, a check this build does not have or
 * a target it cannot reach become an UNKNOWN result that names the reason.
 */
public final class JobRunner {
    private JobRunner() {
    }

    public static CheckResult run(JobRequest request, Clock clock) {
        OpsConfig config;
        try {
            config = OpsConfig.parse(request.configYaml());
        } catch (ConfigException e) {
            return unknown(request, clock, "config", "invalid configuration: " + e.getMessage());
        }
        if (request.remote()) {
            return unknown(request, clock, "target", "SSH targets are not available in this build of twzrd-ops");
        }
        try (Target target = Target.local()) {
            return switch (request.check()) {
                case AlertsJob.CHECK -> new AlertsJob(config, clock).run(target);
                default -> unknown(request, clock, "check", "the check '" + request.check()
                        + "' is not available in this build of twzrd-ops");
            };
        }
    }

    private static CheckResult unknown(JobRequest request, Clock clock, String id, String reason) {
        String host = request.remote() ? request.sshTarget() : new LocalCommandRunner().hostName();
        return new CheckResult(request.check(), host, clock.instant(), Duration.ZERO, List.of(Finding.unknown(id, reason)));
    }
}
