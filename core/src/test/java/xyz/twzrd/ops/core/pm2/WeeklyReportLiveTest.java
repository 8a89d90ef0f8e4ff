package xyz.twzrd.ops.core.pm2;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.history.HistoryRecord;
import xyz.twzrd.ops.core.history.HistoryStore;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.HistoryView;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly report on a real pm2 fleet (the demo fleet of tools/demo/apps: a healthy HTTP app, a crash-looping app
 * and an app writing ERROR lines with secrets in them), two health checks a little apart: the report's first line
 * names the crash loop; the per-app table, the redacted example lines and the week-over-week numbers are in the text,
 * the JSON and the HTML. Then the trend page, and both pages opened in Debian's Chromium by the Playwright check
 * (tools/browser-test/check.mjs), which fails on a console error, a missing chart, a report that does not lead with
 * its summary or lacks the per-app table; screenshots land in target/screenshots.
 */
class WeeklyReportLiveTest {
    static final Path DEMO_APPS = Path.of("../tools/demo/apps").toAbsolutePath().normalize();
    static final Path BROWSER_CHECK = Path.of("../tools/browser-test/check.mjs").toAbsolutePath().normalize();
    static final Path OUT = Path.of("target/weekly-report").toAbsolutePath();
    static final List<String> SECRETS = List.of("hunter2", "s3cr3t-pass", "notARealWebhook", "eyJhbGciOiJIUzI1NiJ9", "T0DEMO");

    static Pm2Sandbox pm2;
    static int port;

    @BeforeAll
    static void startFleet() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.pm2(Map.of(), "ping"); // the daemon: the checks never start one
        assertThat(pm2.client().list()).isEmpty();
        port = FreePort.loopback();
        pm2.pm2(Map.of("PORT", String.valueOf(port)), "start", DEMO_APPS.resolve("web.js").toString(), "--name", "web",
                "--max-memory-restart", "300M");
        pm2.pm2(Map.of(), "start", DEMO_APPS.resolve("crasher.js").toString(), "--name", "crasher");
        pm2.pm2(Map.of(), "start", DEMO_APPS.resolve("errors.js").toString(), "--name", "errors");
    }

    @AfterAll
    static void stopFleet() throws Exception {
        pm2.close();
    }

    private ConfigLayers config() {
        return ConfigLayers.defaults()
                .set("test", "pm2.program", pm2.bin()).set("test", "pm2.home", pm2.home().toString())
                .set("test", "thresholds.swap.alert", 100).set("test", "thresholds.swap.emergency", 100)
                .set("test", "thresholds.load.alert", 100000).set("test", "thresholds.load.emergency", 100000)
                .set("test", "thresholds.disk.alert", 100).set("test", "thresholds.disk.emergency", 100)
                // memory above 0 % alerts: the report then shows the busiest processes of the moment
                .set("test", "thresholds.memory.alert", 0).set("test", "thresholds.memory.emergency", 100);
    }

    private RunOutcome run(CheckKind kind, Path state, Path reports) {
        return CheckRun.run(RunRequest.of(kind).config(config()).stateDir(state).reportDir(reports));
    }

    @Test
    void theReportNamesTheCrashLoopFirstAndTheBrowserReadsItAndTheTrendPage() throws Exception {
        Files.createDirectories(OUT);
        Path state = Files.createTempDirectory(OUT, "state-");
        Path reports = Files.createTempDirectory(OUT, "reports-");
        pm2.await("errors", p -> p.online());
        run(CheckKind.ALERTS, state, reports);
        RunOutcome first = run(CheckKind.HEALTH_CHECK, state, reports);
        assertThat(first.reportFiles()).hasSize(3);
        pm2.await("crasher", p -> p.restarts() >= 8);
        run(CheckKind.ALERTS, state, reports);
        Thread.sleep(1500); // more ERROR lines for the second scan
        RunOutcome second = run(CheckKind.HEALTH_CHECK, state, reports);

        Path text = second.reportFiles().get(0);
        Path json = second.reportFiles().get(1);
        Path html = second.reportFiles().get(2);
        String txt = Files.readString(text);
        List<String> lines = txt.lines().toList();
        assertThat(second.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(lines.get(0)).startsWith("EMERGENCY health-check on ").contains("crash-loop", "crasher");
        assertThat(txt.indexOf("SUMMARY")).isLessThan(txt.indexOf("APPS"));
        assertThat(txt).contains("  EMERGENCY crash-loop").containsPattern("(?m)^    (new|still open): .*crash-loop EMERGENCY")
                .containsPattern("(?m)^  web +online ")
                .containsPattern("(?m)^  crasher +\\S+ ")
                .containsPattern("(?m)^  errors +online .* \\d+ = 0/0 .*")
                .contains("ERRORS (top signatures per app", "  errors: ", "password=REDACTED",
                        "https://REDACTED@pay.example.invalid", "https://hooks.slack.com/REDACTED", "Authorization: Bearer REDACTED")
                .contains("WEEK OVER WEEK").containsPattern("(?m)^  logs +\\d+ -> \\d+ lines")
                .contains("CONTEXT (load, memory or swap not OK", "by CPU: ", "by memory: ");
        // the web app's memory against its max_memory_restart of 300 MB
        assertThat(txt).containsPattern("(?m)^  web .* / 300 \\(\\d+%\\)");

        JsonNode report = Json.mapper().readTree(Files.readString(json)).path("report");
        assertThat(report.path("summary").path("headline").asText()).startsWith("EMERGENCY crash-loop");
        assertThat(report.path("apps")).extracting(a -> a.path("name").asText()).contains("web", "crasher", "errors");
        JsonNode crasher = find(report.path("apps"), "crasher");
        assertThat(crasher.path("unplanned").asLong()).isGreaterThan(0);
        assertThat(find(report.path("apps"), "web").path("maxMemoryMb").asDouble()).isEqualTo(300.0);
        JsonNode errs = find(report.path("errors"), "errors");
        assertThat(errs.path("errorLines").asLong()).isGreaterThan(0);
        assertThat(errs.path("signatures").get(0).path("examples").size()).isBetween(1, 3);
        assertThat(report.path("weekOverWeek")).anySatisfy(d -> {
            assertThat(d.path("id").asText()).isEqualTo("crash-loop");
            assertThat(d.path("before").isNumber()).isTrue();
            assertThat(d.path("now").isNumber()).isTrue();
        });
        assertThat(report.path("context").path("byMemory").size()).isGreaterThan(0);

        String page = Files.readString(html);
        assertThat(page.indexOf("id=\"summary\"")).isLessThan(page.indexOf("id=\"apps\""));
        assertThat(page).contains("id=\"apps-table\"", "id=\"wow-table\"", "password=REDACTED", "id=\"context\"");
        for (Path p : second.reportFiles()) {
            String content = Files.readString(p);
            for (String secret : SECRETS) {
                assertThat(content).as(p + " must not contain " + secret).doesNotContain(secret);
            }
        }

        // the trend page: the real runs above plus four weeks of recorded runs with one crash spike
        HistoryStore store = new HistoryStore(state);
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<HistoryRecord> older = new ArrayList<>();
        for (int h = 24 * 28; h > 0; h -= 3) {
            Instant at = now.minus(Duration.ofHours(h));
            boolean spike = h == 24 * 9;
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("swap", 5 + (h % 24) / 2.0);
            v.put("load", 0.5 + (h % 12) / 10.0);
            v.put("memory", 55 + (h % 48) / 4.0);
            v.put("crashes", spike ? 576.0 : h % 50 == 0 ? 2.0 : 0.0);
            v.put("process:web", 1.0);
            v.put("process:crasher", spike ? 600.0 : 13.0 + (24 * 28 - h) / 48);
            older.add(new HistoryRecord(at, "alerts", "vps", spike ? Severity.EMERGENCY : Severity.OK, v, Map.of()));
            if (h % (24 * 7) == 0) {
                Map<String, Double> w = new LinkedHashMap<>(v);
                w.put("logs", 20.0 + h / 24.0);
                older.add(new HistoryRecord(at.plusSeconds(60), "health-check", "vps", Severity.ALERT, w, Map.of()));
            }
        }
        List<String> realLines = Files.readAllLines(store.file());
        Files.delete(store.file());
        for (HistoryRecord r : older) {
            store.append(r);
        }
        Files.write(store.file(), realLines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path trend = reports.resolve("trend.html");
        int runs = HistoryView.writeTrendPage(state, Optional.empty(), trend);
        assertThat(runs).isGreaterThan(older.size());
        String trendHtml = Files.readString(trend);
        assertThat(trendHtml).doesNotContain("src=\"http", "href=\"http").contains("echarts", "\"type\":\"time\"",
                "\"markLine\"", "emergency {c}", "y-axis clipped at", "\"type\":\"log\"");

        Path shots = Path.of("target/screenshots").toAbsolutePath();
        Process node = new ProcessBuilder("node", BROWSER_CHECK.toString(), "--out", shots.toString(),
                "--report", html.toString(), "--expect", "crash-loop", "--expect", "password=REDACTED",
                "--trend", trend.toString(), "--min-charts", "5")
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the browser check finished").isTrue();
        System.out.println(output);
        assertThat(node.exitValue()).as("browser check output:\n" + output).isZero();
        assertThat(shots.resolve(html.getFileName().toString().replace(".html", ".png"))).exists();
        assertThat(shots.resolve("trend.png")).exists();
    }

    private static JsonNode find(JsonNode array, String app) {
        for (JsonNode n : array) {
            if (app.equals(n.path("name").asText()) || app.equals(n.path("app").asText())) {
                return n;
            }
        }
        throw new AssertionError(app + " not in " + array);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
