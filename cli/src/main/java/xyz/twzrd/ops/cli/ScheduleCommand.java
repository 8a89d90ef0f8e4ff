package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.schedule.CrontabStore;
import xyz.twzrd.ops.core.schedule.Schedule;
import xyz.twzrd.ops.core.schedule.ScheduleInstaller;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** {@code twzrd-ops schedule}: the crontab lines and logrotate rule of the ops schedule, printed or installed. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print the crontab lines of the ops schedule (hourly alerts, Monday 00:00 UTC health check, "
                + "Friday 01:00 UTC verified restart) and a logrotate rule for their logs.",
                "With --install, write them idempotently: only the managed block of the crontab is replaced."})
final class ScheduleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--install", description = "Install the block into the crontab and write the logrotate rule.")
    boolean install;

    @Option(names = "--crontab-file", paramLabel = "FILE",
            description = "Write this crontab file instead of the user's crontab (e.g. /etc/cron.d/twzrd-ops needs a user column: use the user's crontab instead).")
    Path crontabFile;

    @Option(names = "--logrotate-file", paramLabel = "FILE", defaultValue = "/etc/logrotate.d/twzrd-ops",
            description = "Where the logrotate rule goes (default: ${DEFAULT-VALUE}).")
    Path logrotateFile;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "/var/log/twzrd-ops",
            description = "Where the jobs' output is appended (default: ${DEFAULT-VALUE}).")
    Path logDir;

    @Option(names = "--user", paramLabel = "USER",
            description = "Install into this user's crontab (crontab -u; root only) and give them the log folder: "
                    + "the user PM2 runs as, when root installs (default: the current user).")
    String user;

    @Option(names = "--health-url", paramLabel = "URL",
            description = "Health endpoint the Friday restart verifies, e.g. http://localhost:8080/health.")
    String healthUrl;

    @Option(names = "--launcher", paramLabel = "PATH", defaultValue = "${env:TWZRD_OPS_LAUNCHER}",
            description = "The twzrd-ops launcher the cron lines call (default: the ./twzrd-ops that runs this).")
    Path launcher;

    @Override
    public Integer call() throws IOException {
        if (launcher == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot tell where the twzrd-ops launcher is: run through ./twzrd-ops or give --launcher PATH");
        }
        Schedule schedule = new Schedule(launcher.toAbsolutePath(), data.stateDir().toAbsolutePath(),
                data.reportDir().toAbsolutePath(), logDir.toAbsolutePath(), healthUrl,
                ZoneId.systemDefault().getRules().getOffset(Instant.now()));
        PrintWriter out = spec.commandLine().getOut();
        if (!install) {
            out.println("# crontab (install with: ./twzrd-ops schedule --install)");
            out.print(schedule.cronBlock());
            out.println();
            out.println("# " + logrotateFile);
            out.print(schedule.logrotateRule());
            out.flush();
            return 0;
        }
        CrontabStore store = crontabFile != null ? CrontabStore.file(crontabFile)
                : CrontabStore.user(new LocalCommandRunner(), Path.of(System.getProperty("java.io.tmpdir")), user);
        ScheduleInstaller.Outcome o = ScheduleInstaller.install(schedule, store, logrotateFile, user);
        out.println("twzrd-ops schedule: " + o.describe(logrotateFile)
                + (crontabFile != null ? " (crontab file " + crontabFile + ")" : ""));
        out.flush();
        return 0;
    }
}
