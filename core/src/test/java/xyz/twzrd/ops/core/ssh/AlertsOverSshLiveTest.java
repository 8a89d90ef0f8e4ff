package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alerts} over SSH against a real sshd (Apache MINA SSHD, each exec request run with {@code /bin/sh -c})
 * and a real pm2 daemon with one app: ONE exec request per host for host facts and PM2 together, and each part
 * still failing on its own (pm2 unreachable: PM2 UNKNOWN, host findings graded).
 */
class AlertsOverSshLiveTest {
    private static final Duration CMD = Duration.ofSeconds(30);
    private static final String SECRET = "hunter2-" + System.nanoTime();

    @TempDir
    static Path dir;
    static Pm2Sandbox pm2;
    static TestSshServer server;
    static TestSshServer.ClientKey key;
    static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.start("worker.js", "worker", Map.of("TWZRD_SECRET", SECRET));
        pm2.await("worker", p -> p.online());
        key = TestSshServer.ClientKey.generate(dir, "id_ed25519", KeyPair.ED25519, null);
        server = TestSshServer.start(dir, TestSshServer.authorizedKeys(dir, List.of(key)), (channel, line) -> {
            requests.add(line);
            return new TestSshServer.ShellCommand(line);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.close();
        } finally {
            pm2.close();
        }
    }

    private static OpsConfig config() {
        OpsConfig c = new OpsConfig();
        // load never above 1000: the host findings do not depend on the moment
        c.getThresholds().getLoad().setAlert(1000.0).setEmergency(2000.0);
        return c;
    }

    private CheckResult alerts(Pm2Settings settings) throws Exception {
        Path state = Files.createTempDirectory(dir, "state");
        SshSettings s = server.settings(key.privateFile(), null, server.knownHosts(), CMD);
        return RemoteChecks.runOne(s, AlertsJob.CHECK, Clock.systemUTC(),
                t -> new AlertsJob(config(), settings, state, Clock.systemUTC()).run(t));
    }

    @Test
    void hostFactsAndPm2ComeFromOneExecRequest() throws Exception {
        requests.clear();
        CheckResult r = alerts(pm2.settings());
        assertThat(requests).as("exec requests of one alerts run over SSH").hasSize(1);
        assertThat(requests.get(0)).contains(pm2.home().toString()).doesNotContain(SECRET);
        assertThat(r.finding("process:worker").orElseThrow().severity()).isEqualTo(Severity.OK);
        Finding p = r.finding("pm2").orElseThrow();
        assertThat(p.severity()).isEqualTo(Severity.OK);
        assertThat(p.message()).isEqualTo("PM2 at PM2_HOME=" + pm2.home() + " runs 1 app");
        assertThat(r.finding("crash-loop").orElseThrow().severity()).as(r.finding("crash-loop").toString())
                .isEqualTo(Severity.OK);
        assertThat(r.finding("crashes").orElseThrow().severity()).isNotEqualTo(Severity.UNKNOWN);
        for (String id : List.of("memory", "swap", "load", "disk:/")) {
            assertThat(r.finding(id)).as(id).isPresent();
            assertThat(r.finding(id).orElseThrow().severity()).as(id).isNotEqualTo(Severity.UNKNOWN);
        }
        assertThat(Json.pretty(r)).doesNotContain(SECRET);
    }

    @Test
    void pm2UnreachableIsUnknownWhileTheHostIsStillGradedInTheSameRequest() throws Exception {
        requests.clear();
        Path missing = dir.resolve("nowhere/pm2");
        CheckResult r = alerts(new Pm2Settings(missing.toString(), pm2.home(), CMD));
        assertThat(requests).hasSize(1);
        Finding p = r.finding("pm2").orElseThrow();
        assertThat(p.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(p.message()).startsWith("pm2 not found: '" + missing + "'");
        assertThat(r.finding("load").orElseThrow().severity()).isEqualTo(Severity.OK);
        assertThat(r.finding("disk:/")).isPresent();
        // a PM2_HOME with no daemon: pm2 is not called (it would start one), the host is still graded
        requests.clear();
        Path empty = Files.createTempDirectory(Path.of("/tmp"), "t17e-");
        try {
            CheckResult none = alerts(new Pm2Settings(pm2.bin(), empty, CMD));
            assertThat(requests).hasSize(1);
            assertThat(none.finding("pm2").orElseThrow().message()).startsWith("no PM2 daemon runs for PM2_HOME=" + empty);
            assertThat(empty.resolve("pm2.pid")).doesNotExist();
            assertThat(none.finding("load").orElseThrow().severity()).isEqualTo(Severity.OK);
        } finally {
            try (var files = Files.list(empty)) {
                assertThat(files.toList()).as("nothing written into the daemon-less PM2_HOME").isEmpty();
            }
            Files.delete(empty);
        }
    }
}
