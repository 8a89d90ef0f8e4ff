package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.jobs.RestartJob;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real pm2 (the pinned one) with four apps in a daemon of its own: a healthy HTTP server, a worker, a crasher
 * looping every second and an app PM2 marks errored. The tests run in order on the same daemon.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pm2LiveTest {
    static final String SECRET = "hunter2-" + System.nanoTime();

    static Pm2Sandbox pm2;
    static int port;
    @TempDir
    static Path state;

    @BeforeAll
    static void startApps() throws Exception {
        pm2 = new Pm2Sandbox();
        // a fresh PM2_HOME has no daemon: the listing refuses (pm2 would start one) and starts nothing
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pm2.client().list())
                .hasMessageContaining("no PM2 daemon runs for PM2_HOME=" + pm2.home());
        assertThat(pm2.home().resolve("pm2.pid")).doesNotExist();
        // the first pm2 command of a fresh PM2_HOME spawns the daemon and prints a banner before the JSON
        pm2.pm2(Map.of(), "ping");
        assertThat(pm2.client().list()).isEmpty();
        port = FreePort.loopback();
        pm2.start("healthy.js", "web", Map.of("PORT", String.valueOf(port), "TWZRD_SECRET", SECRET),
                "--max-memory-restart", "200M");
        pm2.start("worker.js", "worker", Map.of());
        pm2.start("crasher.js", "crasher", Map.of());
        pm2.pm2(Map.of(), "start", pm2.app("broken.config.js").toString());
        pm2.await("broken", p -> p.status().equals("errored"));
    }

    @AfterAll
    static void killDaemon() throws Exception {
        pm2.close();
    }

    private AlertsJob alerts(OpsConfig config) {
        return new AlertsJob(config, pm2.settings(), state, Clock.systemUTC());
    }

    @Test
    @Order(1)
    void listReadsTheWhitelistedModel() throws Exception {
        List<Pm2Process> apps = pm2.client().list();
        assertThat(apps).extracting(Pm2Process::name).containsExactly("web", "worker", "crasher", "broken");
        Pm2Process web = apps.get(0);
        assertThat(web.status()).isEqualTo("online");
        assertThat(web.maxMemoryRestart()).isEqualTo(200L * 1024 * 1024);
        assertThat(web.outLogPath()).isEqualTo(pm2.home().resolve("logs/web-out.log"));
        assertThat(web.errLogPath()).isEqualTo(pm2.home().resolve("logs/web-error.log"));
        assertThat(web.envNames()).contains("PORT", "TWZRD_SECRET").doesNotContain("unique_id");
        assertThat(apps.toString()).doesNotContain(SECRET);
        assertThat(pm2.client().home(apps)).contains(pm2.home());
        assertThat(new Pm2Client(pm2.runner(), new Pm2Settings(pm2.bin(), null, Duration.ofSeconds(30))).home(apps))
                .as("PM2_HOME derived from the pid files").contains(pm2.home());
    }

    @Test
    @Order(2)
    void alertsShowTheErroredAppAndTheCrashLoopButNoSecret() throws Exception {
        pm2.await("crasher", p -> p.restarts() >= 7);
        CheckResult r = alerts(OpsConfig.defaults()).run(Target.local());
        assertThat(r.finding("process:web").orElseThrow().severity()).isEqualTo(Severity.OK);
        Finding broken = r.finding("process:broken").orElseThrow();
        assertThat(broken.severity()).isEqualTo(Severity.ALERT);
        assertThat(broken.message()).contains("errored").contains("restarts");
        assertThat(r.finding("crashes").orElseThrow().message()).startsWith("first run: no baseline yet");
        Finding loop = r.finding("crash-loop").orElseThrow();
        assertThat(loop.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(loop.message()).contains("crasher").contains("Nothing was stopped (pm2.stop-looping is off)")
                .doesNotContain("web ");
        // times in the message to the second: "exits from 2026-12-01T09:40:18Z (last 2026-12-01T09:40:30Z)"
        assertThat(loop.message()).containsPattern("exits from \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(last "
                + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
        assertThat(r.getSeverity()).isEqualTo(Severity.EMERGENCY);
        String json = Json.pretty(r);
        assertThat(json).contains("\"processes\"").contains("\"memoryBytes\"");
        assertThat(json + TextSummary.render(r)).doesNotContain(SECRET).doesNotContain("TWZRD_SECRET");
        assertThat(pm2.client().list()).filteredOn(a -> a.name().equals("crasher")).extracting(Pm2Process::status)
                .containsExactly("online");
    }

    @Test
    @Order(3)
    void aSecondRunCountsTheCrashesSinceTheFirst() throws Exception {
        long before = pm2.client().list().stream().filter(a -> a.name().equals("crasher")).findFirst().orElseThrow().restarts();
        pm2.await("crasher", p -> p.restarts() >= before + 2);
        CheckResult r = alerts(OpsConfig.defaults()).run(Target.local());
        Finding crashes = r.finding("crashes").orElseThrow();
        assertThat(crashes.severity()).isEqualTo(Severity.ALERT);
        assertThat(crashes.value()).isGreaterThanOrEqualTo(2.0);
        assertThat(crashes.details()).containsKey("crasher").doesNotContainKeys("web", "worker", "broken");
        assertThat(crashes.message()).containsPattern(" since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: ");
    }

    @Test
    @Order(4)
    void verifiedRestartOfTheHealthyAppsIsPlannedNotACrash() throws Exception {
        alerts(OpsConfig.defaults()).run(Target.local()); // fresh baseline
        Pm2Config c = new Pm2Config().setRestartApps("web,worker").setSettle(Duration.ofMillis(500))
                .setHealthUrl("http://127.0.0.1:" + port + "/health").setDeadline(Duration.ofSeconds(20));
        CheckResult r = new RestartJob(pm2.settings(), c, state, Clock.systemUTC()).run(Target.local());
        assertThat(r.getCheck()).isEqualTo("pm2-restart");
        assertThat(r.getSeverity()).as(TextSummary.render(r)).isEqualTo(Severity.OK);
        assertThat(r.getFindings()).extracting(Finding::id).containsExactly("restart:web", "restart:worker", "health");
        assertThat(r.finding("restart:web").orElseThrow().message()).contains("restarted and verified: online with a fresh uptime");
        assertThat(PlannedRestarts.last(state)).isPresent();
        assertThat(Json.pretty(r)).doesNotContain(SECRET);
        Finding crashes = alerts(OpsConfig.defaults()).run(Target.local()).finding("crashes").orElseThrow();
        assertThat(crashes.details()).doesNotContainKeys("web", "worker");
    }

    @Test
    @Order(5)
    void aDeadHealthEndpointOrAnErroredAppIsAnEmergencyNamingIt() throws Exception {
        int dead = FreePort.loopback();
        // settle long enough for broken to start and fail again even on a loaded machine
        Pm2Config c = new Pm2Config().setRestartApps("worker,broken").setSettle(Duration.ofSeconds(4))
                .setHealthUrl("http://127.0.0.1:" + dead + "/health").setDeadline(Duration.ofSeconds(1));
        CheckResult r = new RestartJob(pm2.settings(), c, state, Clock.systemUTC()).run(Target.local());
        assertThat(r.getSeverity()).isEqualTo(Severity.EMERGENCY);
        assertThat(r.finding("restart:worker").orElseThrow().severity()).isEqualTo(Severity.OK);
        assertThat(r.finding("restart:broken").orElseThrow().message()).startsWith("broken was already errored before the restart; broken restarted but NOT back online within the settle time (4s): ");
        Finding health = r.finding("health").orElseThrow();
        assertThat(health.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(health.message()).contains(":" + dead + "/health did not answer 2xx within 1s");
        assertThat((Integer) health.details().get("attempts")).isGreaterThan(1);
    }

    @Test
    @Order(6)
    void unknownAppsBadPm2AndTimeoutsAreUnknownWithAReason() throws Exception {
        Pm2Config c = new Pm2Config().setRestartApps("web,nope").setSettle(Duration.ZERO);
        CheckResult r = new RestartJob(pm2.settings(), c, state, Clock.systemUTC()).run(Target.local());
        assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.finding("restart").orElseThrow().message()).isEqualTo("nothing restarted: PM2 has no app named nope");
        Pm2Settings missing = new Pm2Settings(state.resolve("nowhere/pm2").toString(), pm2.home(), Duration.ofSeconds(10));
        assertThat(new Pm2Check(new Pm2Client(pm2.runner(), missing), new Pm2Config(), state).run(java.time.Instant.now())
                .findings()).singleElement().satisfies(f -> {
                    assertThat(f.id()).isEqualTo("pm2");
                    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
                    assertThat(f.message()).startsWith("pm2 not found: '" + missing.pm2() + "'");
                });
        Pm2Settings slow = new Pm2Settings(pm2.bin(), pm2.home(), Duration.ofMillis(1));
        Finding t = new Pm2Check(new Pm2Client(pm2.runner(), slow), new Pm2Config(), state).run(java.time.Instant.now())
                .findings().get(0);
        assertThat(t.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(t.message()).contains("timed out");
    }

    @Test
    @Order(7)
    void stopLoopingIsAnOptInAndSaysSoLoudly() throws Exception {
        OpsConfig config = OpsConfig.parse("pm2:\n  stop-looping: true\n  crash-loop-window: 1m\n");
        Finding loop = alerts(config).run(Target.local()).finding("crash-loop").orElseThrow();
        assertThat(loop.severity()).isEqualTo(Severity.EMERGENCY);
        // broken loops again too since the restart test started it once more
        assertThat(loop.message()).containsPattern("STOPPED (broken, )?crasher with pm2 stop because pm2.stop-looping is on");
        assertThat(pm2.await("crasher", p -> !p.online()).status()).isEqualTo("stopped");
        assertThat(Files.readString(state.resolve("pm2-baseline-alerts.json"))).doesNotContain(SECRET);
    }
}
