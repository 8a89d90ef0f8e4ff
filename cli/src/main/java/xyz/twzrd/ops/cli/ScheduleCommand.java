package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.schedule.CronEnvironment;
import xyz.twzrd.ops.core.schedule.CrontabStore;
import xyz.twzrd.ops.core.schedule.Schedule;
import xyz.twzrd.ops.core.schedule.ScheduleInstaller;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code twzrd-ops schedule}: the crontab lines and logrotate rule of the ops schedule, printed or installed. */
@Command(addMethodSubcommands = false, name = "schedule", mixinStandardHelpOptions = true,
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

    @Option(names = "--pm2", paramLabel = "PATH",
            description = "The pm2 program the jobs use; resolved to an absolute path now (default: pm2.program of "
                    + "--config, else pm2 on this shell's PATH), because cron's PATH is only /usr/bin:/bin.")
    String pm2;

    @Option(names = "--pm2-home", paramLabel = "DIR",
            description = "PM2_HOME of the daemon the jobs query (default: $PM2_HOME of this shell, else pm2's own ~/.pm2).")
    Path pm2Home;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file the jobs read (checked now).")
    Path config;

    @Option(names = "--slack-webhook-file", paramLabel = "FILE",
            description = "File holding the Slack webhook URL for the jobs' --notify (default: with $SLACK_WEBHOOK_URL "
                    + "set, --install copies it into STATE_DIR/" + WEBHOOK_FILE + ", mode 0600). The URL never goes into the crontab.")
    Path webhookFile;

    /** Where $SLACK_WEBHOOK_URL is copied to, in the state folder. */
    static final String WEBHOOK_FILE = "slack-webhook";

    Map<String, String> env = System.getenv();

    ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() throws IOException {
        if (launcher == null) {
            throw usage("cannot tell where the twzrd-ops launcher is: run through ./twzrd-ops or give --launcher PATH");
        }
        if (install && user != null) {
            try {
                ScheduleInstaller.user(user);
            } catch (IOException e) {
                throw usage(e.getMessage());
            }
        }
        Path stateDir = data.stateDir().toAbsolutePath().normalize();
        Path given = webhookFile == null ? null : webhookFile.toAbsolutePath().normalize();
        String copyUrl;
        try {
            copyUrl = ScheduleInstaller.webhookToCopy(given, env).orElse(null);
        } catch (IllegalArgumentException e) {
            throw usage((given != null ? "--slack-webhook-file: " : "") + e.getMessage());
        }
        Path webhook = given != null ? given : copyUrl != null ? stateDir.resolve(WEBHOOK_FILE) : null;
        Schedule schedule = new Schedule(launcher.toAbsolutePath(), stateDir,
                data.reportDir().toAbsolutePath().normalize(), logDir.toAbsolutePath(), healthUrl,
                zone.getRules().getOffset(Instant.now()), environment(webhook));
        String block;
        try {
            block = schedule.cronBlock();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (webhook == null) {
            err.println("twzrd-ops schedule: no Slack webhook ($" + ScheduleInstaller.WEBHOOK_ENV + " or --slack-webhook-file): the "
                    + "jobs' notifications will be NOT_CONFIGURED");
            err.flush();
        }
        if (!install) {
            out.println("# crontab (install with: ./twzrd-ops schedule --install)");
            if (copyUrl != null) {
                out.println("# --install copies $" + ScheduleInstaller.WEBHOOK_ENV + " into " + webhook + " (mode 0600)");
            }
            out.print(block);
            out.println();
            out.println("# " + logrotateFile);
            out.print(schedule.logrotateRule());
            out.flush();
            return 0;
        }
        CrontabStore store = crontabFile != null ? CrontabStore.file(crontabFile)
                : CrontabStore.user(new LocalCommandRunner(), Path.of(System.getProperty("java.io.tmpdir")), user);
        ScheduleInstaller.Outcome o = ScheduleInstaller.install(schedule, store, logrotateFile, user, copyUrl);
        out.println("twzrd-ops schedule: " + o.describe(logrotateFile)
                + (crontabFile != null ? " (crontab file " + crontabFile + ")" : "")
                + (copyUrl != null ? "; $" + ScheduleInstaller.WEBHOOK_ENV + " copied into " + webhook + " (mode 0600)" : ""));
        out.flush();
        return 0;
    }

    /** Resolves now what cron's bare environment would not find. */
    private CronEnvironment environment(Path webhook) {
        String path = env.getOrDefault("PATH", CronEnvironment.CRON_PATH);
        Path configFile = null;
        OpsConfig cfg = OpsConfig.defaults();
        if (config != null) {
            configFile = config.toAbsolutePath().normalize();
            try {
                cfg = ConfigLayers.defaults().file(configFile).resolve();
            } catch (ConfigException e) {
                throw usage("--config: " + e.getMessage());
            }
        }
        String program = pm2 != null ? pm2 : cfg.getPm2().settings().pm2();
        Path pm2Program;
        List<Path> dirs = new ArrayList<>();
        try {
            pm2Program = CronEnvironment.findProgram(program, path);
            CronEnvironment.interpreterDir(pm2Program, path).ifPresent(dirs::add);
        } catch (IOException e) {
            throw usage("the pm2 program for the jobs: " + e.getMessage() + " (give --pm2 PATH)");
        }
        Path home = pm2Home != null ? pm2Home.toAbsolutePath().normalize()
                : !env.getOrDefault("PM2_HOME", "").isBlank() ? Path.of(env.get("PM2_HOME")).toAbsolutePath().normalize()
                : null;
        Path java = ProcessHandle.current().info().command().map(Path::of).filter(Files::isExecutable).orElse(null);
        return new CronEnvironment(java, dirs, pm2Program, home, configFile, webhook);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
