package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.testkit.LocalRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.FramedScript;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.host.HostSnapshot;
import xyz.twzrd.ops.core.host.ProcHostProbe;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.pm2.Pm2Check;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.pm2.Pm2Facts;
import xyz.twzrd.ops.core.pm2.Pm2Process;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.testkit.Fixtures;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alerts' one command (host facts and PM2's reads framed in one script): parsed on output captured from a
 * real run of the script ({@code framed/alerts-output.txt}: this machine's /proc and df, a daemon check that found
 * a daemon, and the {@code pm2-fixtures} jlist, whose env holds a planted secret, from a stand-in pm2 that printed
 * it), on that output with one part broken at a time, and run for real here with a pm2 that hangs.
 */
class AlertsScriptTest {
    private static final String NONCE = "5eed5eed5eed5eed";
    private static final String SECRET = "hunter2-secret";
    private static final String CAPTURED = Fixtures.text("framed/alerts-output.txt");
    private static final String HOME = "/tmp/ssh17-cap/home";

    @TempDir
    Path state;

    private final LocalCommandRunner runner = new LocalCommandRunner();
    private final ProcHostProbe probe = new ProcHostProbe(runner, Duration.ofSeconds(30));
    private final Pm2Client.Framed pm2 = new Pm2Client(runner, new Pm2Settings("/tmp/ssh17-cap/pm2", Path.of(HOME),
            Duration.ofSeconds(10))).framed(4096);

    private Map<String, FramedScript.Outcome> parse(String stdout, boolean truncated) {
        List<FramedScript.Part> parts = new ArrayList<>(probe.parts());
        parts.addAll(pm2.parts());
        return new FramedScript(pm2.prelude(), parts, NONCE).parse(new CommandResult(0, stdout, "", truncated, Duration.ZERO));
    }

    /** The captured output with the end line of the part that printed {@code marker} replaced by {@code end}. */
    private static String withEnd(String marker, String end) {
        int at = CAPTURED.indexOf(marker);
        int e = CAPTURED.indexOf("\n@@twzrd-" + NONCE + "-end ", at);
        int lineEnd = CAPTURED.indexOf('\n', e + 1);
        return CAPTURED.substring(0, e + 1) + "@@twzrd-" + NONCE + "-end " + end + CAPTURED.substring(lineEnd);
    }

    private Pm2Check check() {
        return new Pm2Check(null, new Pm2Config(), new StateFolder(state, "alerts", Instant.now()));
    }

    @Test
    void capturedOutputGivesEveryFact() throws Exception {
        Map<String, FramedScript.Outcome> out = parse(CAPTURED, false);
        HostSnapshot snap = probe.snapshot(out);
        assertThat(snap.problems()).isEmpty();
        assertThat(snap.memTotalBytes()).isPositive();
        assertThat(snap.cpuCount()).isPositive();
        assertThat(snap.fileSystems()).anySatisfy(fs -> assertThat(fs.mount()).isEqualTo("/"));
        Pm2Facts facts = pm2.facts(out);
        assertThat(facts.daemon().running()).isTrue();
        assertThat(facts.daemon().home()).isEqualTo(HOME);
        List<Pm2Process> apps = facts.jlist();
        assertThat(apps).extracting(Pm2Process::name).hasSize(4).contains("web");
        String log = Fixtures.text("pm2-fixtures/pm2.log");
        assertThat(log).endsWith(facts.daemonLog(apps, 4096));
        assertThat(facts.daemonLog(apps, 4096)).hasSize(Math.min(4096, log.length()));
        assertThat(facts.utcOffset()).isEqualTo(ZoneOffset.UTC);
        Pm2Check.Report r = check().run(Instant.now(), facts);
        assertThat(r.findings()).extracting(Finding::id).contains("pm2", "process:web", "crashes", "crash-loop");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("pm2") || f.id().equals("crash-loop"))
                .allSatisfy(f -> assertThat(f.severity()).isNotEqualTo(Severity.UNKNOWN));
        assertThat(Json.pretty(r.processes())).doesNotContain(SECRET);
        assertThat(out.toString()).as("outcomes as text leave the output out").doesNotContain(SECRET);
    }

    @Test
    void aFailingJlistFailsAloneQuotingItsStderrNeverItsStdout() {
        // pm2 printed its list (with the planted secret) and then failed
        String broken = withEnd("[{\"pid\":", "1 [PM2][ERROR] Daemon not responding \u001B[31m!\u001B[39m");
        Map<String, FramedScript.Outcome> out = parse(broken, false);
        assertThat(probe.snapshot(out).problems()).isEmpty();
        assertThatThrownBy(() -> pm2.facts(out).jlist())
                .hasMessage("pm2 jlist failed (exit 1): [PM2][ERROR] Daemon not responding !")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThatThrownBy(() -> pm2.facts(parse(withEnd("[{\"pid\":", "137 "), false)).jlist())
                .hasMessage("pm2 jlist timed out: it did not finish within 10s (killed)");
        assertThatThrownBy(() -> pm2.facts(parse(withEnd("[{\"pid\":", "127 sh: 1: pm9: not found"), false)).jlist())
                .hasMessageStartingWith("pm2 not found: '/tmp/ssh17-cap/pm2' (sh: 1: pm9: not found)");
    }

    @Test
    void outputCutShortInTheListFailsOnlyTheList() throws Exception {
        String cut = CAPTURED.substring(0, CAPTURED.indexOf(SECRET));
        Map<String, FramedScript.Outcome> out = parse(cut, true);
        assertThat(probe.snapshot(out).problems()).isEmpty();
        Pm2Facts facts = pm2.facts(out);
        assertThat(facts.daemon().running()).isTrue();
        assertThat(facts.utcOffset()).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(facts::jlist).hasMessage("pm2 jlist printed more than 67108864 bytes");
        assertThatThrownBy(() -> pm2.facts(parse(cut, false)).jlist())
                .hasMessage("'pm2 jlist' printed no complete answer (output cut short)");
    }

    @Test
    void aDeadDaemonMeansNoListAndSaysWhy() throws Exception {
        String dead = CAPTURED.replaceFirst("pid=alive:(\\d+)", "pid=dead:$1");
        Pm2Facts facts = pm2.facts(parse(dead, false));
        assertThat(facts.daemon().running()).isFalse();
        List<Finding> f = check().run(Instant.now(), facts).findings();
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo("pm2");
            assertThat(x.severity()).isEqualTo(Severity.ALERT);
            assertThat(x.message()).contains("no PM2 daemon runs for PM2_HOME=" + HOME).contains("is not running");
        });
    }

    @Test
    void theWholeCommandFailingFailsEveryPartNamingIt() {
        List<FramedScript.Part> parts = new ArrayList<>(probe.parts());
        parts.addAll(pm2.parts());
        Map<String, FramedScript.Outcome> out = new FramedScript(pm2.prelude(), parts).failed("the SSH connection was lost");
        assertThat(probe.snapshot(out).problems().get("disk")).startsWith("'df -P -T -k' failed: the SSH connection was lost");
        assertThatThrownBy(() -> pm2.facts(out).daemon())
                .hasMessage("'sh (PM2 daemon check)' failed: the SSH connection was lost");
    }

    @Test
    void oneCommandHereAndAHungPm2FailsAloneWithinItsTimeout() throws Exception {
        // a daemon that looks alive (this JVM's pid, a real socket) and a pm2 that never answers
        Path home = Files.createTempDirectory(Path.of("/tmp"), "t17-");
        Path bin = Files.writeString(home.resolve("pm2"), "#!/bin/sh\nsleep 60\n");
        assertThat(bin.toFile().setExecutable(true)).isTrue();
        Files.writeString(home.resolve("pm2.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(home.resolve("pm2.log"), "");
        try (ServerSocketChannel sock = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            sock.bind(UnixDomainSocketAddress.of(home.resolve("rpc.sock")));
            LocalRunner counting = LocalRunner.counting();
            ProcHostProbe here = new ProcHostProbe(counting, Duration.ofSeconds(30));
            Target target = Target.of(counting, here);
            OpsConfig config = new OpsConfig();
            config.getThresholds().getLoad().setAlert(1000.0).setEmergency(2000.0);
            long t0 = System.nanoTime();
            CheckResult r = new AlertsJob(config, new Pm2Settings(bin.toString(), home, Duration.ofMillis(700)), state,
                    Clock.systemUTC()).run(target);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
            assertThat(counting.commands()).as("commands of one alerts run").isEqualTo(1);
            assertThat(r.finding("pm2").orElseThrow().severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(r.finding("pm2").orElseThrow().message())
                    .isEqualTo("pm2 jlist timed out: it did not finish within 700ms (killed)");
            assertThat(r.finding("load").orElseThrow().severity()).isEqualTo(Severity.OK);
            assertThat(r.finding("disk:/")).isPresent();
        } finally {
            try (var files = Files.list(home)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(home);
        }
    }
}
