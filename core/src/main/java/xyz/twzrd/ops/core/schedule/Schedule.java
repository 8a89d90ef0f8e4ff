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
 * host whose clock is not UTC they are converted with the host's current offset, and the block says so.
 *
 * @param launcher     absolute path of the {@code twzrd-ops} launcher (or any command that runs it)
 * @param stateDir     absolute state folder
 * @param reportDir    absolute report folder
 * @param logDir       folder of the jobs' own logs
 * @param healthUrl    health endpoint the Friday restart verifies, or null
 * @param hostOffset   the host clock's current UTC offset (cron runs in host time)
 */
public record Schedule(Path launcher, Path stateDir, Path reportDir, Path logDir, String healthUrl, ZoneOffset hostOffset) {
    public static final String BEGIN = "# BEGIN twzrd-ops managed block";
    public static final String END = "# END twzrd-ops managed block";

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
        int offsetHours = hostOffset.getTotalSeconds() / 3600;
        if (hostOffset.getTotalSeconds() % 3600 != 0) {
            throw new IllegalArgumentException("host clock offset " + hostOffset + " is not whole hours: set the host to UTC");
        }
        if (offsetHours != 0) {
            b.append("# host clock is UTC").append(hostOffset).append(": times below are the UTC schedule in host time; ")
                    .append("re-run after a daylight-saving change, or set the host to UTC\n");
        }
        for (Job j : jobs()) {
            List<String> argv = new ArrayList<>();
            argv.add(launcher.toString());
            argv.addAll(j.args());
            argv.addAll(List.of("--state-dir", stateDir.toString(), "--report-dir", reportDir.toString()));
            String when = j.minute() + " " + hourField(j, offsetHours) + " * * " + dayField(j, offsetHours);
            b.append("# ").append(describe(j)).append('\n');
            b.append(when).append(' ').append(ShellQuote.join(argv))
                    .append(" >> ").append(ShellQuote.quote(logDir.resolve(j.name() + ".log").toString())).append(" 2>&1\n");
        }
        b.append(END).append('\n');
        return b.toString();
    }

    private static String describe(Job j) {
        return j.hourUtc() == null ? "every hour: " + j.name()
                : String.format("%s %02d:00 UTC: %s", j.dayUtc().getDisplayName(java.time.format.TextStyle.FULL,
                java.util.Locale.ENGLISH), j.hourUtc(), j.name());
    }

    private static String hourField(Job j, int offsetHours) {
        return j.hourUtc() == null ? "*" : String.valueOf(Math.floorMod(j.hourUtc() + offsetHours, 24));
    }

    private static String dayField(Job j, int offsetHours) {
        if (j.dayUtc() == null) {
            return "*";
        }
        int dayShift = Math.floorDiv(j.hourUtc() + offsetHours, 24);
        return String.valueOf(j.dayUtc().plus(dayShift).getValue() % 7); // cron: 0 = Sunday
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
