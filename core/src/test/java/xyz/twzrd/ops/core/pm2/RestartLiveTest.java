package xyz.twzrd.ops.core.pm2;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.jobs.RestartJob;
import xyz.twzrd.ops.core.report.ReportSet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Friday restart on a seed-like fleet in a real pm2 daemon of its own: a healthy HTTP app, two workers, a
 * cluster app of two instances, an app in a crash loop, and an app pm2 cannot restart (it crashed and waits an hour
 * before pm2 starts it again, so {@code pm2 restart} fails with "Process with pid N already exists"). The tests run
 * in order on the same daemon.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartLiveTest {
    static Pm2Sandbox pm2;
    static int webPort;
    static int apiPort;
    static HttpServer failing;
    @TempDir
    static Path state;

    @BeforeAll
    static void startFleet() throws Exception {
        pm2 = new Pm2Sandbox();
        webPort = FreePort.loopback();
        apiPort = FreePort.loopback();
        pm2.start("healthy.js", "web", Map.of("PORT", String.valueOf(webPort)));
        pm2.start("worker.js", "w1", Map.of());
        pm2.start("crasher.js", "crasher", Map.of());
        pm2.start("crasher.js", "stuck", Map.of(), "--restart-delay", "3600000");
        pm2.start("worker.js", "w2", Map.of());
        pm2.start("healthy.js", "api", Map.of("PORT", String.valueOf(apiPort)), "-i", "2");
        pm2.await("stuck", p -> p.status().equals("waiting restart"));
        failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", x -> {
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        failing.start();
    }

    @AfterAll
    static void stop() throws Exception {
        failing.stop(0);
        pm2.close();
    }

    static CheckResult restart(Pm2Config c) throws Exception {
        return new RestartJob(pm2.settings(), c, state, Clock.systemUTC()).run(Target.local());
    }

    static Map<String, Long> restartCounts() throws Exception {
        return pm2.client().list().stream().collect(Collectors.toMap(p -> p.label(List.of()) + ":" + p.pmId(),
                Pm2Process::restarts));
    }

    static Finding finding(CheckResult r, String id) {
        return r.finding(id).orElseThrow(() -> new AssertionError("no finding " + id + " in " + TextSummary.render(r)));
    }

    @Test
    @Order(1)
    void oneLoopingAppAndOneThatCannotBeRestartedStopNoOther() throws Exception {
        pm2.await("crasher", p -> p.restarts() >= 7);
        Instant before = Instant.now();
        CheckResult r = restart(new Pm2Config().setSettle(Duration.ofSeconds(2)));
        String all = TextSummary.render(r);
        assertThat(r.getFindings()).extracting(Finding::id).containsExactly("restart:web", "restart:w1",
                "restart:crasher", "restart:stuck", "restart:w2", "restart:api:5", "restart:api:6");
        for (String ok : List.of("restart:web", "restart:w1", "restart:w2", "restart:api:5", "restart:api:6")) {
            Finding f = finding(r, ok);
            assertThat(f.severity()).as(ok + "\n" + all).isEqualTo(Severity.OK);
            assertThat(f.message()).contains("restarted and verified: online with a fresh uptime");
            assertThat(f.details()).containsEntry("outcome", "verified");
        }
        Finding stuck = finding(r, "restart:stuck");
        assertThat(stuck.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(stuck.message()).startsWith("stuck was already waiting restart before the restart; stuck could not"
                + " be restarted: pm2 restart failed (exit 1): [PM2][ERROR] Process with pid ")
                .endsWith(" already exists").doesNotContain("\u001B");
        assertThat(stuck.details()).containsEntry("outcome", "not-restarted");
        Finding crasher = finding(r, "restart:crasher");
        assertThat(crasher.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(crasher.message()).startsWith("crasher was already crash-looping before the restart (")
                .contains("so the restart is not what broke it");

        // planned: exactly the processes whose restart pm2 carried out, recorded when it was
        Map<String, Long> planned = PlannedRestarts.since(new xyz.twzrd.ops.core.StateFolder(state, "pm2-restart", before), before.minusMillis(1));
        assertThat(planned).containsEntry("web", 1L).containsEntry("w1", 1L).containsEntry("w2", 1L)
                .containsEntry("api", 2L).doesNotContainKey("stuck");
        assertThat(PlannedRestarts.last(state).orElseThrow()).isAfter(before);

        // every app's outcome in the text, JSON and HTML reports
        ReportSet set = ReportSet.write(state.resolve("reports"), r);
        for (Path p : set.files()) {
            assertThat(Files.readString(p)).as(p.toString()).contains("restart:w2").contains("restart:stuck")
                    .contains("restart:api:6").contains("crash-looping before the restart");
        }
        assertThat(Json.pretty(r)).contains("\"outcome\" : \"not-restarted\"");
    }

    @Test
    @Order(2)
    void aBlankAppListRestartsNothing() throws Exception {
        // the configuration refuses it first (Pm2ConfigTest, the runner's --apps ''); the restart refuses it too
        Map<String, Long> counts = restartCounts();
        counts.remove("crasher:2"); // restarts on its own
        for (String blank : new String[] {"", "  ", null}) {
            CheckResult r = restart(new Pm2Config().setRestartApps(blank).setSettle(Duration.ZERO));
            assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
            assertThat(r.getFindings()).singleElement().extracting(Finding::message).asString()
                    .isEqualTo("nothing restarted: the app list " + AppSelection.BLANK);
        }
        Map<String, Long> now = restartCounts();
        now.remove("crasher:2");
        assertThat(now).as("nothing was restarted").isEqualTo(counts);
    }

    @Test
    @Order(3)
    void rollingStopsAtTheFirstFailureAndLeavesTheRestUntouched() throws Exception {
        Map<String, Long> counts = restartCounts();
        CheckResult r = restart(new Pm2Config().setRestartApps("w1,stuck,w2,web").setRolling(true)
                .setSettle(Duration.ofMillis(500)).setHealthUrl("http://127.0.0.1:" + webPort + "/health")
                .setDeadline(Duration.ofSeconds(20)));
        String all = TextSummary.render(r);
        assertThat(r.getFindings()).as("in the order named").extracting(Finding::id)
                .containsExactly("restart:w1", "restart:stuck", "restart:w2", "restart:web", "health");
        assertThat(finding(r, "restart:w1").severity()).as(all).isEqualTo(Severity.OK);
        assertThat(finding(r, "restart:stuck").message()).contains("stuck could not be restarted");
        for (String untouched : List.of("w2", "web")) {
            Finding f = finding(r, "restart:" + untouched);
            assertThat(f.severity()).isEqualTo(Severity.ALERT);
            assertThat(f.message()).isEqualTo(untouched + " left untouched: the rolling restart stopped at stuck"
                    + " (not restarted, still running its old process)");
        }
        assertThat(r.getSeverity()).isEqualTo(Severity.EMERGENCY);
        Map<String, Long> now = restartCounts();
        assertThat(now.get("w1:1")).isEqualTo(counts.get("w1:1") + 1);
        assertThat(now.get("w2:4")).isEqualTo(counts.get("w2:4"));
        assertThat(now.get("web:0")).isEqualTo(counts.get("web:0"));
        // the health URL was checked after w1, before stuck was tried
        assertThat(r.finding("health").orElseThrow().message()).contains("after restarting w1");
    }

    @Test
    @Order(4)
    void rollingStopsWhenTheHealthUrlFailsAfterAnApp() throws Exception {
        Map<String, Long> counts = restartCounts();
        String url = "http://127.0.0.1:" + failing.getAddress().getPort() + "/health";
        long t0 = System.nanoTime();
        CheckResult r = restart(new Pm2Config().setRestartApps("w1,w2").setRolling(true)
                .setSettle(Duration.ofMillis(500)).setHealthUrl(url).setDeadline(Duration.ofSeconds(2)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        assertThat(finding(r, "restart:w1").severity()).isEqualTo(Severity.OK);
        assertThat(finding(r, "restart:w2").severity()).isEqualTo(Severity.ALERT);
        Finding health = finding(r, "health");
        assertThat(health.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(health.message()).startsWith(url + " did not answer 2xx within 2s (")
                .contains("last answer: HTTP 500) after restarting w1; the rolling restart stopped there, left untouched: w2");
        assertThat(restartCounts().get("w2:4")).isEqualTo(counts.get("w2:4"));
    }

    @Test
    @Order(5)
    void reloadRestartsAClusterWithoutDowntimeOneInstanceAfterTheOther() throws Exception {
        // a client asking the cluster all the while: with one instance reloaded after the other, none is refused
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        Thread asker = new Thread(() -> {
            while (!done.get()) {
                try {
                    int code = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + apiPort + "/health")).timeout(Duration.ofSeconds(5))
                            .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (code == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.add("HTTP " + code);
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        asker.start();
        CheckResult r;
        try {
            r = restart(new Pm2Config().setRestartApps("api,w1").setReload(true)
                    .setSettle(Duration.ofMillis(500)).setHealthUrl("http://127.0.0.1:" + apiPort + "/health")
                    .setDeadline(Duration.ofSeconds(20)));
        } finally {
            done.set(true);
            asker.join(10_000);
        }
        assertThat(answered.get()).isPositive();
        assertThat(failures).as("requests failed during the reload").isEmpty();
        assertThat(r.getSeverity()).as(TextSummary.render(r)).isEqualTo(Severity.OK);
        for (String id : List.of("restart:api:5", "restart:api:6")) {
            assertThat(finding(r, id).message()).contains("reloaded and verified: online with a fresh uptime");
            assertThat(finding(r, id).details()).containsEntry("action", "reload");
        }
        assertThat(finding(r, "restart:w1").message()).as("a fork-mode app is restarted").contains("w1 restarted and verified");
    }
}
