package xyz.twzrd.ops.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleCommandTest {
    private static final String PM2 = System.getProperty("twzrd.pm2");

    @TempDir
    Path dir;

    private String[] args(boolean install, String... more) {
        List<String> a = new ArrayList<>(List.of("schedule", "--launcher", "/opt/twzrd/twzrd-ops", "--state-dir",
                dir.resolve("s").toString(), "--report-dir", dir.resolve("r").toString(), "--log-dir",
                dir.resolve("logs").toString(), "--crontab-file", dir.resolve("crontab").toString(),
                "--logrotate-file", dir.resolve("twzrd-ops.logrotate").toString(), "--pm2", PM2));
        if (install) {
            a.add("--install");
        }
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    private int run(String[] a, StringWriter out, StringWriter err) {
        return run(a, out, err, Map.of(), ZoneId.of("UTC"));
    }

    /** Runs the command with the given environment and host time zone (what the JVM would read at start). */
    private static int run(String[] a, StringWriter out, StringWriter err, Map<String, String> env, ZoneId zone) {
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ScheduleCommand cmd = cl.getSubcommands().get("schedule").getCommand();
        cmd.env = env;
        cmd.zone = zone;
        return cl.execute(a);
    }

    @Test
    void printsWithoutWritingAnything() {
        StringWriter out = new StringWriter();
        assertThat(run(args(false), out, new StringWriter())).isZero();
        assertThat(out.toString()).contains("# BEGIN twzrd-ops managed block").contains(" alerts ")
                .contains(" health-check ").contains(" pm2-restart ").contains("rotate 8")
                .contains("--pm2 " + Path.of(PM2).toAbsolutePath().normalize()).contains("LC_ALL=C.UTF-8");
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

    @Test
    void aMissingUserFailsBeforeAnythingIsWritten() {
        StringWriter err = new StringWriter();
        assertThat(run(args(true, "--user", "nosuchuser-twzrd"), new StringWriter(), err,
                Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/x"), ZoneId.of("UTC"))).isEqualTo(3);
        assertThat(err.toString()).contains("there is no user 'nosuchuser-twzrd' on this host (--user); nothing was written")
                .doesNotContain("null");
        assertThat(dir.resolve("logs")).doesNotExist();
        assertThat(dir.resolve("crontab")).doesNotExist();
        assertThat(dir.resolve("twzrd-ops.logrotate")).doesNotExist();
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void aHalfHourTimeZoneIsScheduledNotRefused() {
        StringWriter out = new StringWriter();
        assertThat(run(args(false), out, new StringWriter(), Map.of(), ZoneId.of("Asia/Kolkata"))).isZero();
        assertThat(out.toString()).contains("host clock is UTC+05:30").contains("\n30 * * * * ")
                .contains("\n30 5 * * 1 ").contains("\n30 6 * * 5 ");
    }

    @Test
    void aMissingPm2OrBadConfigIsRefusedWithTheReason() throws IOException {
        StringWriter err = new StringWriter();
        String[] a = args(false);
        a[a.length - 1] = "pm2-not-installed-here";
        assertThat(run(a, new StringWriter(), err, Map.of("PATH", "/usr/bin:/bin"), ZoneId.of("UTC"))).isEqualTo(3);
        assertThat(err.toString()).contains("pm2-not-installed-here was not found on PATH (/usr/bin:/bin)").contains("--pm2");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "thresholds:\n  swapp: 1\n");
        StringWriter err2 = new StringWriter();
        assertThat(run(args(false, "--config", bad.toString()), new StringWriter(), err2)).isEqualTo(3);
        assertThat(err2.toString()).contains("--config").contains("swapp");
    }

    /**
     * The installed hourly line, run exactly as cron runs it: {@code /bin/sh -c} with nothing but
     * {@code PATH=/usr/bin:/bin} and {@code HOME} (no PM2_HOME, no SLACK_WEBHOOK_URL, the C locale), through the real
     * launcher script, against a real pm2 daemon and a Slack webhook on loopback.
     */
    @Test
    @Timeout(300)
    void anInstalledLineRunsAsWrittenInCronsEnvironment() throws Exception {
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/", ex -> {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, 2);
            try (OutputStream o = ex.getResponseBody()) {
                o.write("ok".getBytes(StandardCharsets.UTF_8));
            }
        });
        slack.start();
        try (Pm2Sandbox pm2 = new Pm2Sandbox()) {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            pm2.pm2(Map.of("PORT", String.valueOf(port)), "start", pm2.app("healthy.js").toString(),
                    "--name", "café");
            Path launcher = launcherCopy();
            Path config = Files.writeString(dir.resolve("twzrd-ops.yml"), "thresholds:\n"
                    + "  memory: {alert: 0, emergency: 100}\n  swap: {alert: 100, emergency: 100}\n"
                    + "  load: {alert: 100000, emergency: 100000}\n  disk: {alert: 100, emergency: 100}\n");
            String url = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T000/B000/s3cr3t";
            Map<String, String> installer = new HashMap<>(System.getenv());
            installer.put("SLACK_WEBHOOK_URL", url);
            installer.put("PM2_HOME", pm2.home().toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] a = {"schedule", "--install", "--launcher", launcher.toString(),
                    "--state-dir", dir.resolve("data/state").toString(), "--report-dir", dir.resolve("data/reports").toString(),
                    "--log-dir", dir.resolve("logs").toString(), "--crontab-file", dir.resolve("crontab").toString(),
                    "--logrotate-file", dir.resolve("twzrd-ops.logrotate").toString(), "--pm2", PM2,
                    "--config", config.toString()};
            assertThat(run(a, out, err, installer, ZoneId.of("UTC"))).as(err.toString()).isZero();
            String crontab = Files.readString(dir.resolve("crontab"));
            assertThat(crontab).doesNotContain("s3cr3t").doesNotContain("hooks").contains("--pm2-home " + pm2.home());
            Path hook = dir.resolve("data/state/slack-webhook");
            assertThat(hook).hasContent(url);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hook))).isEqualTo("rw-------");

            String line = crontab.lines().filter(l -> l.contains(" alerts ")).filter(l -> !l.startsWith("#"))
                    .findFirst().orElseThrow();
            String command = line.split(" ", 6)[5].replace("\\%", "%"); // what cron hands to /bin/sh
            Path home = Files.createDirectories(dir.resolve("home"));
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home,
                    "/bin/sh", "-c", command).redirectErrorStream(true).redirectOutput(dir.resolve("sh.out").toFile());
            pb.environment().clear();
            Process p = pb.start();
            assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("the cron line finished").isTrue();
            String log = new String(Files.readAllBytes(dir.resolve("logs/alerts.log")), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(log + Files.readString(dir.resolve("sh.out"))).isEqualTo(1); // memory ALERT
            // UTF-8 under cron's C locale: the em dash of the summary, not '?'
            assertThat(log).contains("memory").contains("\u2014 above the alert threshold").doesNotContain("?")
                    .doesNotContain("pm2").doesNotContain("NOT_CONFIGURED").doesNotContain("s3cr3t");
            // pm2 was reached through the installed --pm2 and --pm2-home, and the app's name kept its letters
            Path json;
            try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("data/reports"))) {
                json = files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
            }
            assertThat(new String(Files.readAllBytes(json), StandardCharsets.UTF_8)).contains("\"process:café\"")
                    .contains("\"crashes\"");
            assertThat(posts).as("the notification went out through the webhook file").hasSize(1);
            assertThat(posts.get(0)).contains("memory");

            // even in the plain C locale the runner's output stays UTF-8
            String plainC = command.replace("LC_ALL=C.UTF-8", "LC_ALL=C").replace("alerts.log", "alerts-c.log");
            Process c = new ProcessBuilder("/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home, "/bin/sh", "-c",
                    plainC).redirectErrorStream(true).redirectOutput(dir.resolve("sh-c.out").toFile()).start();
            assertThat(c.waitFor(240, TimeUnit.SECONDS)).isTrue();
            String logC = new String(Files.readAllBytes(dir.resolve("logs/alerts-c.log")), StandardCharsets.UTF_8);
            assertThat(logC).contains("\u2014 above the alert threshold").doesNotContain("?");
        } finally {
            slack.stop(0);
        }
    }

    /**
     * The real launcher script in a folder of its own, beside a runner jar whose manifest points at this test's
     * class path (the shaded jar is only built after the tests), so the script's own java lookup is what runs.
     */
    private Path launcherCopy() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path script = Files.copy(Path.of("../twzrd-ops").toAbsolutePath().normalize(), app.resolve("twzrd-ops"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringBuilder classPath = new StringBuilder();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        Path jar = Files.createDirectories(app.resolve("cli/target")).resolve("twzrd-ops-all.jar");
        try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(jar), m)) {
            // the manifest is the whole jar
        }
        return script;
    }
}
