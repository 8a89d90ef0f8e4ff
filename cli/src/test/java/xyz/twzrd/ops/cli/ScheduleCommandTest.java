package xyz.twzrd.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleCommandTest {
    @TempDir
    Path dir;

    private String[] args(boolean install) {
        String[] base = {"schedule", "--launcher", "/opt/twzrd/twzrd-ops", "--state-dir", dir.resolve("s").toString(),
                "--report-dir", dir.resolve("r").toString(), "--log-dir", dir.resolve("logs").toString(),
                "--crontab-file", dir.resolve("crontab").toString(),
                "--logrotate-file", dir.resolve("twzrd-ops.logrotate").toString()};
        if (!install) {
            return base;
        }
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = "--install";
        return all;
    }

    private int run(String[] a, StringWriter out, StringWriter err) {
        return Main.execute(a, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void printsWithoutWritingAnything() {
        StringWriter out = new StringWriter();
        assertThat(run(args(false), out, new StringWriter())).isZero();
        assertThat(out.toString()).contains("# BEGIN twzrd-ops managed block").contains(" alerts ")
                .contains(" health-check ").contains(" pm2-restart ").contains("rotate 8");
        assertThat(dir.resolve("crontab")).doesNotExist();
    }

    @Test
    void installTwiceWritesOnce() throws Exception {
        Files.writeString(dir.resolve("crontab"), "15 3 * * * /usr/local/bin/backup\n");
        StringWriter out = new StringWriter();
        assertThat(run(args(true), out, new StringWriter())).isZero();
        assertThat(out.toString()).contains("crontab: managed block written");
        String first = Files.readString(dir.resolve("crontab"));
        StringWriter again = new StringWriter();
        assertThat(run(args(true), again, new StringWriter())).isZero();
        assertThat(again.toString()).contains("crontab: already up to date").contains("logrotate rule already up to date");
        assertThat(Files.readString(dir.resolve("crontab"))).isEqualTo(first).startsWith("15 3 * * * /usr/local/bin/backup\n");
    }

    @Test
    void refusesWithExitThreeWhenItCannotWrite() throws Exception {
        Files.writeString(dir.resolve("twzrd-ops.logrotate"), "/var/log/x.log { daily }\n");
        StringWriter err = new StringWriter();
        assertThat(run(args(true), new StringWriter(), err)).isEqualTo(3);
        assertThat(err.toString()).contains("was not written by twzrd-ops");
    }
}
