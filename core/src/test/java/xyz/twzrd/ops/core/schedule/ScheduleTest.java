package xyz.twzrd.ops.core.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {
    @TempDir
    Path dir;

    private Schedule schedule(ZoneOffset offset) {
        return new Schedule(Path.of("/opt/twzrd ops/twzrd-ops"), Path.of("/var/lib/twzrd-ops/state"),
                Path.of("/var/lib/twzrd-ops/reports"), dir.resolve("logs"), "http://localhost:8080/health", offset);
    }

    private static List<String> cronLines(String block) {
        return block.lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void utcHostGetsTheOpsSchedule() {
        List<String> lines = cronLines(schedule(ZoneOffset.UTC).cronBlock());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("0 * * * * LC_ALL=C.UTF-8 PATH=/usr/bin:/bin '/opt/twzrd ops/twzrd-ops' alerts --notify --state-dir /var/lib/twzrd-ops/state")
                .endsWith("/logs/alerts.log 2>&1");
        assertThat(lines.get(1)).startsWith("0 0 * * 1 ").contains(" health-check ");
        assertThat(lines.get(2)).startsWith("0 1 * * 5 ").contains(" pm2-restart --health-url http://localhost:8080/health --notify ");
    }

    @Test
    void otherHostClocksAreConverted() {
        List<String> east = cronLines(schedule(ZoneOffset.ofHours(2)).cronBlock());
        assertThat(east.get(1)).startsWith("0 2 * * 1 ");
        assertThat(east.get(2)).startsWith("0 3 * * 5 ");
        String westBlock = schedule(ZoneOffset.ofHours(-5)).cronBlock();
        assertThat(westBlock).contains("host clock is UTC-05:00");
        List<String> west = cronLines(westBlock);
        assertThat(west.get(1)).startsWith("0 19 * * 0 "); // Monday 00:00 UTC = Sunday 19:00
        assertThat(west.get(2)).startsWith("0 20 * * 4 "); // Friday 01:00 UTC = Thursday 20:00
    }

    @Test
    void halfAndQuarterHourHostClocksAreConvertedToo() {
        String kolkata = schedule(ZoneOffset.ofHoursMinutes(5, 30)).cronBlock(); // Asia/Kolkata
        assertThat(kolkata).contains("host clock is UTC+05:30");
        List<String> in = cronLines(kolkata);
        assertThat(in.get(0)).startsWith("30 * * * * "); // every hour at :00 UTC
        assertThat(in.get(1)).startsWith("30 5 * * 1 "); // Monday 00:00 UTC = Monday 05:30
        assertThat(in.get(2)).startsWith("30 6 * * 5 "); // Friday 01:00 UTC = Friday 06:30
        List<String> stJohns = cronLines(schedule(ZoneOffset.ofHoursMinutes(-3, -30)).cronBlock());
        assertThat(stJohns.get(0)).startsWith("30 * * * * ");
        assertThat(stJohns.get(1)).startsWith("30 20 * * 0 "); // Sunday 20:30
        assertThat(stJohns.get(2)).startsWith("30 21 * * 4 "); // Thursday 21:30
        assertThat(cronLines(schedule(ZoneOffset.ofHoursMinutes(5, 45)).cronBlock()).get(1)).startsWith("45 5 * * 1 ");
        assertThatThrownBy(() -> schedule(ZoneOffset.ofHoursMinutesSeconds(0, 0, 30)).cronBlock())
                .hasMessageContaining("set the host to UTC");
    }

    @Test
    void linesCarryWhatCronsEnvironmentLacksButNeverTheWebhookUrl() {
        CronEnvironment env = new CronEnvironment(Path.of("/usr/lib/jvm/java 17/bin/java"), List.of(Path.of("/opt/node/bin")),
                Path.of("/opt/node/bin/pm2"), Path.of("/home/twzrd/.pm2"), Path.of("/etc/twzrd-ops/config.yml"),
                Path.of("/var/lib/twzrd-ops/state/slack-webhook"));
        Schedule s = new Schedule(Path.of("/opt/t/twzrd-ops"), Path.of("/s/100%"), Path.of("/r"), Path.of("/l"), null,
                ZoneOffset.UTC, env);
        List<String> lines = cronLines(s.cronBlock());
        assertThat(lines.get(0)).startsWith("0 * * * * LC_ALL=C.UTF-8 PATH=/opt/node/bin:/usr/bin:/bin "
                        + "TWZRD_JAVA='/usr/lib/jvm/java 17/bin/java' /opt/t/twzrd-ops alerts --notify --pm2 /opt/node/bin/pm2 "
                        + "--pm2-home /home/twzrd/.pm2 --config /etc/twzrd-ops/config.yml "
                        + "--slack-webhook-file /var/lib/twzrd-ops/state/slack-webhook --state-dir /s/100\\% ");
        // the Friday restart notifies too (issue 12): a failed restart pages, so its line has the webhook file
        assertThat(lines.get(2)).contains(" pm2-restart --notify --pm2 /opt/node/bin/pm2 ")
                .contains("--slack-webhook-file /var/lib/twzrd-ops/state/slack-webhook");
        assertThat(s.cronBlock()).doesNotContain("hooks.slack.com");
    }

    @Test
    void hostileUrlIsQuotedForCron() {
        Schedule s = new Schedule(Path.of("/opt/t/twzrd-ops"), Path.of("/s"), Path.of("/r"), Path.of("/l"),
                "http://x/$(touch /tmp/pwned)'", ZoneOffset.UTC);
        assertThat(s.cronBlock()).contains("'http://x/$(touch /tmp/pwned)'\\'''");
    }

    @Test
    void blockIsAppendedThenReplacedInPlaceAndOtherLinesAreKept() throws IOException {
        String mine = "MAILTO=ops@example.org\n15 3 * * * /usr/local/bin/backup\n";
        String block = schedule(ZoneOffset.UTC).cronBlock();
        String once = ManagedBlock.apply(mine, block);
        assertThat(once).startsWith(mine).endsWith(block);
        assertThat(ManagedBlock.apply(once, block)).isEqualTo(once);
        String withTail = once + "30 4 * * * /usr/local/bin/other\n";
        String newer = schedule(ZoneOffset.ofHours(1)).cronBlock();
        String replaced = ManagedBlock.apply(withTail, newer);
        assertThat(replaced).isEqualTo(mine + newer + "30 4 * * * /usr/local/bin/other\n");
        assertThat(ManagedBlock.apply("no newline at end", block)).isEqualTo("no newline at end\n" + block);
    }

    @Test
    void brokenBlocksAreRefused() {
        assertThatThrownBy(() -> ManagedBlock.apply(Schedule.BEGIN + "\n0 * * * * x\n", "b"))
                .hasMessageContaining("without '" + Schedule.END + "'");
        String two = Schedule.BEGIN + "\n" + Schedule.END + "\n" + Schedule.BEGIN + "\n" + Schedule.END + "\n";
        assertThatThrownBy(() -> ManagedBlock.apply(two, "b")).hasMessageContaining("two twzrd-ops managed blocks");
    }

    @Test
    void installIsIdempotent() throws IOException {
        Path crontab = dir.resolve("crontab");
        Files.writeString(crontab, "15 3 * * * /usr/local/bin/backup\n");
        Path rule = dir.resolve("logrotate.d/twzrd-ops");
        Schedule s = schedule(ZoneOffset.UTC);
        ScheduleInstaller.Outcome first = ScheduleInstaller.install(s, CrontabStore.file(crontab), rule, null);
        assertThat(first.crontabChanged()).isTrue();
        assertThat(first.logrotateChanged()).isTrue();
        String afterFirst = Files.readString(crontab);
        ScheduleInstaller.Outcome second = ScheduleInstaller.install(s, CrontabStore.file(crontab), rule, null);
        assertThat(second).isEqualTo(new ScheduleInstaller.Outcome(false, false));
        assertThat(Files.readString(crontab)).isEqualTo(afterFirst).startsWith("15 3 * * * /usr/local/bin/backup\n");
        assertThat(afterFirst.split(Schedule.BEGIN, -1)).hasSize(2);
        assertThat(Files.readString(rule)).contains(dir.resolve("logs") + "/*.log {").contains("rotate 8");
        assertThat(dir.resolve("logs")).isDirectory();
    }

    @Test
    void refusesWhenItCannotWriteAndLeavesEverythingAsItWas() throws IOException {
        Path crontab = dir.resolve("crontab");
        Files.writeString(crontab, "15 3 * * * /usr/local/bin/backup\n");
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> ScheduleInstaller.install(schedule(ZoneOffset.UTC), CrontabStore.file(crontab),
                blocker.resolve("twzrd-ops"), null)).isInstanceOf(IOException.class).hasMessageContaining("twzrd-ops");
        assertThat(Files.readString(crontab)).isEqualTo("15 3 * * * /usr/local/bin/backup\n");
    }

    @Test
    void foreignLogrotateFileIsNotTouched() throws IOException {
        Path rule = dir.resolve("twzrd-ops");
        Files.writeString(rule, "/var/log/x.log { daily }\n");
        assertThatThrownBy(() -> ScheduleInstaller.install(schedule(ZoneOffset.UTC),
                CrontabStore.file(dir.resolve("crontab")), rule, null)).hasMessageContaining("was not written by twzrd-ops");
        assertThat(Files.readString(rule)).isEqualTo("/var/log/x.log { daily }\n");
        assertThat(dir.resolve("crontab")).doesNotExist();
    }

    @Test
    void logFolderIsCreatedForTheUserWhoseCrontabRunsTheJobs() throws IOException {
        String me = System.getProperty("user.name");
        ScheduleInstaller.install(schedule(ZoneOffset.UTC), CrontabStore.file(dir.resolve("crontab")),
                dir.resolve("rule"), me);
        assertThat(Files.getOwner(dir.resolve("logs")).getName()).isEqualTo(me);
        String crontab = Files.readString(dir.resolve("crontab"));
        assertThatThrownBy(() -> ScheduleInstaller.install(new Schedule(Path.of("/opt/twzrd-ops"), dir, dir,
                dir.resolve("other-logs"), null, ZoneOffset.UTC), CrontabStore.file(dir.resolve("crontab")),
                dir.resolve("rule2"), "no-such-user-twzrd", "https://hooks.slack.com/services/T/B/x"))
                .hasMessage("there is no user 'no-such-user-twzrd' on this host (--user); nothing was written");
        assertThat(dir.resolve("other-logs")).doesNotExist();
        assertThat(dir.resolve("rule2")).doesNotExist();
        assertThat(dir.resolve("crontab")).hasContent(crontab);
    }

    @Test
    void theWebhookUrlIsCopiedIntoAPrivateFileNamedByTheLines() throws IOException {
        Path hook = dir.resolve("state/slack-webhook");
        Schedule s = new Schedule(Path.of("/opt/twzrd-ops"), dir.resolve("state"), dir, dir.resolve("logs"), null,
                ZoneOffset.UTC, new CronEnvironment(null, List.of(), null, null, null, hook));
        ScheduleInstaller.install(s, CrontabStore.file(dir.resolve("crontab")), dir.resolve("rule"), null,
                "https://hooks.slack.com/services/T/B/secret");
        assertThat(hook).hasContent("https://hooks.slack.com/services/T/B/secret");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("crontab"))).contains("--slack-webhook-file " + hook)
                .doesNotContain("secret");
    }
}
