package xyz.twzrd.ops.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;
import xyz.twzrd.ops.core.testkit.FreePort;

/** A real HTTP server on loopback that records payloads and answers with scripted status codes, or hangs. */
class SlackWebhookClientTest {
    private static final String SECRET = "/services/T000/B000/s3cr3tT0ken";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** Starts a server answering the codes in turn (the last repeats); 0 means hang until the test ends. */
    private URI serve(int... codes) throws Exception {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = codes[Math.min(n.getAndIncrement(), codes.length - 1)];
            if (code == 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = (code == 200 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code == 0 ? 200 : code, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    static SlackMessage message() {
        CheckResult r = new CheckResult("alerts", "vps", Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMillis(3),
                List.of(new Finding("swap", Severity.EMERGENCY, 91.0, "%", 20.0, 80.0, "swap 91% <b>")));
        AlertOutcome o = new AlertTracker(AlertPolicy.DEFAULT).next(AlertOutcome.EMPTY, r, Optional.empty());
        return SlackMessage.of(r, o);
    }

    static SlackWebhookClient client(int attempts) {
        return new SlackWebhookClient(Duration.ofSeconds(5), attempts, Duration.ofMillis(10));
    }

    @Test
    void postsTheWebhookPayload() throws Exception {
        URI url = serve(200);
        NotificationResult res = client(3).send(url, message());
        assertThat(res).isEqualTo(new NotificationResult(NotificationResult.Status.SENT, 1, ""));
        JsonNode p = Json.mapper().readTree(bodies.get(0));
        assertThat(p.get("text").asText()).isEqualTo("EMERGENCY alerts on vps: 1 new");
        assertThat(p.at("/attachments/0/color").asText()).isEqualTo("danger");
        assertThat(p.at("/attachments/0/text").asText())
                .startsWith("NEW swap EMERGENCY: swap 91% &lt;b&gt; [alert above 20 %, emergency above 80 %] Next: find what swaps");
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        URI url = serve(503, 500, 200);
        assertThat(client(3).send(url, message())).isEqualTo(new NotificationResult(NotificationResult.Status.SENT, 3, ""));
        assertThat(bodies).hasSize(3);
    }

    @Test
    void doesNotRetryClientErrorsAndMasksTheUrl() throws Exception {
        URI url = serve(404);
        NotificationResult res = client(3).send(url, message());
        assertThat(res.status()).isEqualTo(NotificationResult.Status.FAILED);
        assertThat(res.attempts()).isEqualTo(1);
        assertThat(res.reason()).isEqualTo("HTTP 404 from http://127.0.0.1:" + url.getPort() + "/services/***")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aHangingServerTimesOutWithinTheBoundedAttempts() throws Exception {
        URI url = serve(0);
        NotificationResult res = new SlackWebhookClient(Duration.ofMillis(500), 2, Duration.ofMillis(10)).send(url, message());
        assertThat(res.status()).isEqualTo(NotificationResult.Status.FAILED);
        assertThat(res.attempts()).isEqualTo(2);
        assertThat(res.reason()).startsWith("timed out after 500 ms").doesNotContain("s3cr3t");
    }

    @Test
    void aRefusedConnectionIsRetriedAndReportedMasked() throws Exception {
        int port = FreePort.loopback();
        URI url = URI.create("http://127.0.0.1:" + port + SECRET);
        NotificationResult res = client(2).send(url, message());
        assertThat(res.status()).isEqualTo(NotificationResult.Status.FAILED);
        assertThat(res.attempts()).isEqualTo(2);
        assertThat(res.reason()).contains("ConnectException").doesNotContain("s3cr3t");
    }

    @Test
    void webhookComesFromTheFileOrTheEnvironmentAndErrorsNeverShowIt() throws Exception {
        Path f = dir.resolve("hook");
        Files.writeString(f, "https://hooks.slack.com" + SECRET + "\n");
        URI fromFile = Webhooks.resolve(Optional.of(f), Map.of()).orElseThrow();
        assertThat(Webhooks.mask(fromFile)).isEqualTo("https://hooks.slack.com/services/***");
        assertThat(Webhooks.resolve(Optional.empty(), Map.of(Webhooks.ENV, fromFile.toString()))).contains(fromFile);
        assertThat(Webhooks.resolve(Optional.empty(), Map.of())).isEmpty();
        Files.writeString(f, "ftp://x" + SECRET);
        assertThatThrownBy(() -> Webhooks.resolve(Optional.of(f), Map.of()))
                .hasMessageContaining("is not an http(s) URL").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> Webhooks.resolve(Optional.of(dir.resolve("missing")), Map.of()))
                .hasMessageContaining("cannot read the Slack webhook file");
    }

    @Test
    void resolvedOnlyChangesAreGood() {
        CheckResult ok = new CheckResult("alerts", "vps", Instant.parse("2026-11-23T11:00:00Z"), Duration.ofMillis(3),
                List.of(new Finding("swap", Severity.OK, 1.0, "%", 20.0, 80.0, "swap 1%")));
        AlertTracker t = new AlertTracker(new AlertPolicy(24, 1, Duration.ZERO, 1));
        CheckResult bad = new CheckResult("alerts", "vps", Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMillis(3),
                List.of(new Finding("swap", Severity.ALERT, 30.0, "%", 20.0, 80.0, "swap 30%")));
        AlertOutcome o = t.next(t.next(AlertOutcome.EMPTY, bad, Optional.empty()), ok, Optional.empty());
        SlackMessage m = SlackMessage.of(ok, o);
        assertThat(m.color()).isEqualTo("good");
        assertThat(m.fullText()).isEqualTo("OK alerts on vps: 1 resolved\nRESOLVED swap OK: swap 1% [alert above 20 %, emergency above 80 %]"
                + " (first seen 2026-11-23T10:00:00Z)");
    }
}
