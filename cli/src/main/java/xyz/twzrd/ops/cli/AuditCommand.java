package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.audit.AppSource;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AuditJob;
import xyz.twzrd.ops.core.pm2.Pm2Client;

/** {@code twzrd-ops audit}: the quarterly tuning audit. Reads only; changes nothing on the host. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Quarterly tuning audit: vm.swappiness, PM2 memory limits against RAM, log rotation, pending "
                + "updates and reboot, and the names of the apps' environment variables (never their values).",
                "Each finding says what was expected, what was found and the command that fixes it; nothing is changed."})
final class AuditCommand extends CheckCommand {
    @Override
    CheckResult check(Target target, OpsConfig config) {
        return new AuditJob(config, clock).run(target, AppSource.pm2(new Pm2Client(target.runner(), pm2.settings())));
    }
}
