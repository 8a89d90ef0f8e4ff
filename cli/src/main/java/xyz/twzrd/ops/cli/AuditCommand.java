package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import xyz.twzrd.ops.core.run.CheckKind;

/** {@code twzrd-ops audit}: the quarterly tuning audit. Reads only; changes nothing on the host. */
@Command(addMethodSubcommands = false, name = "audit", mixinStandardHelpOptions = true,
        description = {"Quarterly tuning audit: vm.swappiness, PM2 memory limits against RAM, log rotation, pending "
                + "updates and reboot, and the names of the apps' environment variables (never their values).",
                "Each finding says what was expected, what was found and the command that fixes it; nothing is changed "
                        + "on the host. The dated audit-report-YYYY-MM-DD set goes into --report-dir."})
final class AuditCommand extends CheckCommand {
    @Override
    CheckKind kind() {
        return CheckKind.AUDIT;
    }
}
