package xyz.twzrd.ops.core.schedule;

import xyz.twzrd.ops.core.exec.ShellQuote;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone ops schedule for hosts without Jenkins: the crontab lines of the three jobs and a logrotate rule
 * for their logs. Times are UTC (hourly alerts; Monday 00:00 health check; Friday 01:00 verified restart); on a
 * host whose clock is not UTC they are converted with the host's current offset (whole hours, half and quarter
 * hours alike), and the block says so. Each line runs as written in cron's bare environment: it sets the locale
 * ({@code LC_ALL=C.UTF-8}), PATH and the java of the launcher, and passes the pm2 program, PM2_HOME, configuration
 * and webhook file resolved at install time ({@link CronEnvironment}). The jobs that start in the same minute (the
 * hourly alerts with the Monday and Friday jobs) share the state folder safely: each check kind has its own
 * baselines, and runs on one folder take turns (the run lock, {@code state.lock-timeout}).
 *
 * @param launcher     absolute path of the {@code twzrd-ops} launcher (or any command that runs it)
 * @param stateDir     absolute state folder
 * @param reportDir    absolute report folder
 * @param logDir       folder of the jobs' own logs
 * @param healthUrl    health endpoint the Friday restart verifies, or null
 * @param hostOffset   the host clock's current UTC offset (cron runs in host time)
 * @param env          what the lines need in cron's environment
 */
public record Schedule(Path launcher, Path stateDir, Path reportDir, Path logDir, String healthUrl, ZoneOffset hostOffset,
                       CronEnvironment env) {
    public static final String BEGIN = "# BEGIN twzrd-ops managed block";
    public static final String END = "# END twzrd-ops managed block";

    public Schedule {
        env = env == null ? CronEnvironment.NONE : env;
    }

    /** A schedule that relies on cron's environment alone. */
    public Schedule(Path launcher, Path stateDir, Path reportDir, Path logDir, String healthUrl, ZoneOffset hostOffset) {
        this(launcher, stateDir, reportDir, logDir, healthUrl, hostOffset, CronEnvironment.NONE);
    }

    /** One job: minute, hour, day of week (null = every day), name and arguments. */
    record Job(int minute, Integer hourUtc, DayOfWeek dayUtc, String name, List<String> args) {
    }

    List<Job> jobs() {
        List<String> restart = new ArrayList<>(List.of("pm2-restart"));
        if (healthUrl != null && !healthUrl.isBlank()) {
            restart.addAll(List.of("--health-url", healthUrl));
        }
        restart.add("--notify"); // a failed Friday restart pages too, not only its log file
        return List.of(
                new Job(0, null, null, "alerts", List.of("alerts", "--notify")),
                new Job(0, 0, DayOfWeek.MONDAY, "health-check", List.of("health-check", "--notify")),
                new Job(0, 1, DayOfWeek.FRIDAY, "pm2-restart", restart));
    }

    /** The managed crontab block, markers included. */
    public String cronBlock() {
        StringBuilder b = new StringBuilder();
        b.append(BEGIN).append(" (written by 'twzrd-ops schedule --install'; edit outside this block)\n");
        if (hostOffset.getTotalSeconds() % 60 != 0) {
            throw new IllegalArgumentException("host clock offset " + hostOffset + " is not whole minutes: set the host to UTC");
        }
        int offsetMinutes = hostOffset.getTotalSeconds() / 60;
        if (offsetMinutes != 0) {
            b.append("# host clock is UTC").append(hostOffset).append(": times below are the UTC schedule in host time; ")
                    .append("re-run after a daylight-saving change, or set the host to UTC\n");
        }
        for (Job j : jobs()) {
            b.append("# ").append(describe(j)).append('\n');
            b.append(when(j, offsetMinutes)).append(' ').append(cron(command(j))).append('\n');
        }
        b.append(END).append('\n');
        return b.toString();
    }

    /** The shell command of a job, as cron's /bin/sh runs it (before cron's own % escaping). */
    String command(Job j) {
        StringBuilder line = new StringBuilder("LC_ALL=").append(CronEnvironment.LOCALE);
        line.append(" PATH=").append(ShellQuote.quote(env.path()));
        if (env.java() != null) {
            line.append(" TWZRD_JAVA=").append(ShellQuote.quote(env.java().toString()));
        }
        List<String> argv = new ArrayList<>();
        argv.add(launcher.toString());
        argv.addAll(j.args());
        if (env.pm2() != null) {
            argv.addAll(List.of("--pm2", env.pm2().toString()));
        }
        if (env.pm2Home() != null) {
            argv.addAll(List.of("--pm2-home", env.pm2Home().toString()));
        }
        if (env.config() != null) {
            argv.addAll(List.of("--config", env.config().toString()));
        }
        if (env.webhookFile() != null && j.args().contains("--notify")) {
            argv.addAll(List.of("--slack-webhook-file", env.webhookFile().toString()));
        }
        argv.addAll(List.of("--state-dir", stateDir.toString(), "--report-dir", reportDir.toString()));
        line.append(' ').append(ShellQuote.join(argv))
                .append(" >> ").append(ShellQuote.quote(logDir.resolve(j.name() + ".log").toString())).append(" 2>&1");
        return line.toString();
    }

    /** crontab(5): a {@code %} in the command ends it (the rest is stdin) unless escaped with a backslash. */
    static String cron(String command) {
        return command.replace("%", "\\%");
    }

    /** The five time fields of a job in host time. */
    private static String when(Job j, int offsetMinutes) {
        if (j.hourUtc() == null) {
            return Math.floorMod(j.minute() + offsetMinutes, 60) + " * * * *";
        }
        int total = j.hourUtc() * 60 + j.minute() + offsetMinutes;
        int minuteOfDay = Math.floorMod(total, 24 * 60);
        int dayShift = Math.floorDiv(total, 24 * 60);
        return (minuteOfDay % 60) + " " + (minuteOfDay / 60) + " * * " + (j.dayUtc().plus(dayShift).getValue() % 7); // cron: 0 = Sunday
    }

    private static String describe(Job j) {
        return j.hourUtc() == null ? "every hour: " + j.name()
                : String.format("%s %02d:00 UTC: %s", j.dayUtc().getDisplayName(java.time.format.TextStyle.FULL,
                java.util.Locale.ENGLISH), j.hourUtc(), j.name());
    }

    /** The logrotate rule for the jobs' own logs. */
    public String logrotateRule() {
        return "# written by 'twzrd-ops schedule --install'\n"
                + logDir.resolve("*.log") + " {\n"
                + "    weekly\n"
                + "    rotate 8\n"
                + "    compress\n"
                + "    delaycompress\n"
                + "    missingok\n"
                + "    notifempty\n"
                + "    copytruncate\n"
                + "}\n";
    }
}
