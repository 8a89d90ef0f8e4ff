package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;

/** {@code twzrd-ops alerts}: the hourly threshold check. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Check swap, load, memory, disk and PM2 (app state, crashes, crash loops) now; one line when all is OK.")
final class AlertsCommand extends CheckCommand {
    @Override
    CheckResult check(Target target, OpsConfig config) {
        return new AlertsJob(config, pm2.settings(), stateDir(target), clock).run(target);
    }
}
