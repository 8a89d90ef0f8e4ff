package xyz.twzrd.ops.core.jobs;

import java.time.Clock;
import java.time.Duration;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.config.OpsConfig;

/**
 * The weekly health check ({@code twzrd-ops health-check}): a composition of the checks' findings under one
 * result named {@code health-check}. For now the host findings; PM2 and log-scan findings are added here.
 */
public final class HealthCheckJob {
    public static final String CHECK = "health-check";

    private final OpsConfig config;
    private final Clock clock;

    public HealthCheckJob(OpsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public CheckResult run(Target target) {
        CheckResult host = new AlertsJob(config, clock).run(target);
        return new CheckResult(CHECK, host.getHost(), host.getStartedAt(), Duration.ofMillis(host.getDurationMs()),
                host.getFindings());
    }
}
