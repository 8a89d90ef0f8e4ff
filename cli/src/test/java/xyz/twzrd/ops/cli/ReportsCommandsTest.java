package xyz.twzrd.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

/** health-check, history and alerts with Slack, as a user runs them on this host; Slack is a loopback server. */
class ReportsCommandsTest {
    private static final String SECRET = "/services/T1/B2/veryS3cret";

    /** The pinned pm2 with a daemon of its own and no apps (so {@code pm2} ALERTs that nothing is monitored). */
    static Pm2Sandbox pm2;

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeAll
    static void startPm2() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.pm2(java.util.Map.of(), "ping"); // the daemon; the check itself never starts one
    }

    @AfterAll
    static void killPm2() throws Exception {
        pm2.close();
    }
    private final List<String> posts = new CopyOnWriteArrayList<>();

    Run run(String... args) {
        return Run.of(args);
    }

    String[] with(String cmd, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(cmd, "--state-dir", dir.resolve("state").toString(),
                "--report-dir", dir.resolve("reports").toString()));
        if (!cmd.equals("history")) {
            // a busy shared host must not turn the forced memory ALERT into a load or swap EMERGENCY
            all.addAll(List.of("--load-alert", "10000", "--load-emergency", "10000", "--swap-alert", "100", "--swap-emergency", "100",
                    "--disk-alert", "100", "--disk-emergency", "100"));
            all.addAll(pm2.runnerOptions());
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A Slack stand-in answering every post with the given status; returns the webhook file. */
    Path slack(int status) throws Exception {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            n.incrementAndGet();
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        Path f = dir.resolve("webhook");
        Files.writeString(f, "http://127.0.0.1:" + server.getAddress().getPort() + SECRET + "\n");
        return f;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void healthCheckWritesTheDatedReportSetAndRecordsHistory() throws Exception {
        Run first = run(with("health-check", "--memory-alert", "0", "--memory-emergency", "100"));
        assertThat(first.exit()).as(first.err()).isIn(1, 3);
        assertThat(first.out()).startsWith("ALERT health-check on ").contains("  report: ").contains(".html");
        List<String> names;
        try (var s = Files.list(dir.resolve("reports"))) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(3).allMatch(n -> n.matches("health-report-\\d{4}-\\d{2}-\\d{2}\\.(txt|json|html)"));

        Run second = run(with("health-check", "--json", "--resolve-after", "1"));
        JsonNode n = Json.mapper().readTree(second.out());
        assertThat(n.get("check").asText()).isEqualTo("health-check");
        assertThat(n.at("/alertState/findings/memory/state").asText()).isEqualTo("RESOLVED");
        assertThat(n.at("/notification/status").asText()).isEqualTo("NOT_CONFIGURED");
        try (var s = Files.list(dir.resolve("reports"))) {
            assertThat(s.count()).isEqualTo(6);
        }
        Run history = run(with("history"));
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("RUN (UTC)", "swap %").contains("2 runs");
        Path page = dir.resolve("trend.html");
        Run html = run(with("history", "--html", page.toString()));
        assertThat(html.out()).contains("trend page of 2 runs");
        // one offline file: ECharts inlined, nothing loaded from elsewhere (the browser test draws it)
        assertThat(Files.readString(page)).contains("<svg", "class=\"chart\"", "echarts.init", "2 weekly runs (health-check)")
                .doesNotContain("src=\"http", "src=\"//", "href=\"http");

        // a line torn in a multi-byte character (full disk) is skipped and counted; nothing else breaks
        Path file = dir.resolve("state/history.jsonl");
        Files.write(file, new byte[] {'{', '"', 'h', (byte) 0xC3, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(run(with("history")).out()).contains("2 runs").contains("1 unreadable line skipped");
        assertThat(run(with("history", "--html", page.toString())).exit()).isZero();
        Run third = run(with("health-check"));
        assertThat(third.out()).doesNotContain("history could not be written");
        assertThat(run(with("history")).out()).contains("3 runs");
    }

    @Test
    void alertsNotifyOnceWhenSomethingChangesAndStayQuietAfter() throws Exception {
        Path hook = slack(200);
        Run a = run(with("alerts", "--slack-webhook-file", hook.toString(), "--memory-alert", "0", "--memory-emergency", "100"));
        Run b = run(with("alerts", "--slack-webhook-file", hook.toString(), "--memory-alert", "0", "--memory-emergency", "100",
                "--json"));
        assertThat(posts).hasSize(1);
        JsonNode p = Json.mapper().readTree(posts.get(0));
        assertThat(p.get("text").asText()).contains("alerts on").contains("new");
        assertThat(p.at("/attachments/0/text").asText()).contains("NEW memory ALERT");
        assertThat(Json.mapper().readTree(b.out()).at("/notification/status").asText()).isEqualTo("NOT_NEEDED");
        assertThat(a.out() + a.err() + b.out() + b.err()).doesNotContain("veryS3cret");
    }

    @Test
    void aFailingWebhookIsReportedMaskedAndTheResultStands() throws Exception {
        Path hook = slack(500);
        Run r = run(with("alerts", "--slack-webhook-file", hook.toString(), "--slack-attempts", "2",
                "--memory-alert", "0", "--memory-emergency", "100", "--json"));
        assertThat(r.exit()).isIn(1, 3);
        assertThat(posts).hasSize(2);
        assertThat(r.err()).contains("notification FAILED: HTTP 500 from http://127.0.0.1:").contains("/services/***")
                .doesNotContain("veryS3cret");
        JsonNode n = Json.mapper().readTree(r.out());
        assertThat(n.at("/notification/status").asText()).isEqualTo("FAILED");
        assertThat(n.get("findings").findValuesAsText("id")).contains("memory");
        assertThat(r.out()).doesNotContain("veryS3cret");
    }

    @Test
    void whatCouldNotBeDeliveredGoesOutWithTheNextRunThatCan() throws Exception {
        Path missing = dir.resolve("no-such-webhook-file");
        Run a = run(with("alerts", "--slack-webhook-file", missing.toString(), "--memory-alert", "0", "--memory-emergency", "100",
                "--json"));
        assertThat(a.err()).contains("notification FAILED: cannot read the Slack webhook file " + missing);
        assertThat(Json.mapper().readTree(a.out()).at("/alertState/pending/0/kind").asText()).isEqualTo("NEW");
        Path hook = slack(200);
        Run b = run(with("alerts", "--slack-webhook-file", hook.toString(), "--memory-alert", "0", "--memory-emergency", "100",
                "--json"));
        assertThat(posts).hasSize(1);
        JsonNode p = Json.mapper().readTree(posts.get(0));
        assertThat(p.get("text").asText()).contains("new").contains("not delivered earlier");
        assertThat(p.at("/attachments/0/text").asText()).contains("NEW memory ALERT").contains("not delivered then")
                .contains("[alert above 0 %, emergency above 100 %]").contains("Next: ");
        JsonNode n = Json.mapper().readTree(b.out());
        assertThat(n.at("/notification/status").asText()).isEqualTo("SENT");
        assertThat(n.at("/alertState/pending").size()).isZero();
    }
}
