package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import xyz.twzrd.ops.core.run.CheckKind;

/** {@code twzrd-ops alerts}: the hourly threshold check. */
@Command(addMethodSubcommands = false, name = "alerts", mixinStandardHelpOptions = true,
        description = "Check swap, load, memory, disk and PM2 (app state, crashes, crash loops) now; one line when all "
                + "is OK. Writes a report set into --report-dir only when something is not OK.")
final class AlertsCommand extends CheckCommand {
    @Override
    CheckKind kind() {
        return CheckKind.ALERTS;
    }
}
