package xyz.twzrd.ops.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;

/** {@code twzrd-ops alerts}: the hourly threshold check. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Check swap, load, memory, disk and PM2 (app state, crashes, crash loops) now; one line when all is OK.")
final class AlertsCommand extends CheckCommand {
    @Mixin
    RecordOptions record;

    @Override
    CheckResult check(Target target, OpsConfig config) {
        Path state = stateDir(target);
        CheckResult r = new AlertsJob(config, pm2.settings(), state, clock).run(target);
        return record.record(r, state, PlannedRestarts.last(state), spec.commandLine().getErr());
    }
}
