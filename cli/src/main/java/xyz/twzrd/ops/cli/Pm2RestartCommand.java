package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.RestartJob;
import xyz.twzrd.ops.core.pm2.Pm2Config;

import java.time.Duration;

/** {@code twzrd-ops pm2-restart}: the verified restart. */
@Command(name = "pm2-restart", mixinStandardHelpOptions = true,
        description = {"Restart PM2 apps and verify them: each back online with a higher restart count and a fresh "
                + "uptime, then the health URL answering 2xx before the deadline.",
                "Exit 0 only when all is verified; a failure is an EMERGENCY naming the app or endpoint."})
final class Pm2RestartCommand extends CheckCommand {
    @Option(names = "--apps", paramLabel = "all|A,B", description = "Apps to restart (default: pm2.restart-apps, all).")
    String apps;

    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait after the restart before verifying (default: pm2.settle, 10s).")
    Duration settle;

    @Option(names = "--health-url", paramLabel = "URL",
            description = "Health endpoint to poll until it answers 2xx (default: pm2.health-url, none).")
    String healthUrl;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the health URL may take after the settle time (default: pm2.deadline, 60s).")
    Duration deadline;

    @Override
    CheckResult check(Target target, OpsConfig config) throws Exception {
        Pm2Config c = config.getPm2();
        if (apps != null) {
            c.setRestartApps(apps);
        }
        if (settle != null) {
            c.setSettle(settle);
        }
        if (healthUrl != null) {
            c.setHealthUrl(healthUrl);
        }
        if (deadline != null) {
            c.setDeadline(deadline);
        }
        try {
            config.validate();
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + e.getMessage());
        }
        return new RestartJob(pm2.settings(), c, stateDir(target), clock).run(target);
    }
}
