package xyz.twzrd.ops.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;

/** {@code twzrd-ops alerts}: the hourly threshold check. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Check swap, load, memory and disk now; one line when all is OK.")
final class AlertsCommand extends CheckCommand {
    @Mixin
    RecordOptions record;

    @Override
    CheckResult check(Target target, OpsConfig config) {
        CheckResult r = new AlertsJob(config, clock).run(target);
        return record.record(r, data.stateDir(), Optional.empty(), spec.commandLine().getErr());
    }
}
