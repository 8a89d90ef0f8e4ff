package xyz.twzrd.ops.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.alertstate.AlertChange;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages you can trust, against the real pinned pm2 and a real webhook server on loopback: nothing lost (a page that
 * could not be delivered goes out with the next run that can), nothing false (a crash-looping app stays an
 * EMERGENCY, no "resolved" while it loops), nothing unmonitored (an empty or wrong PM2_HOME is never a quiet OK,
 * and the check starts no daemon there).
 */
class PagesLiveTest {
    private static final String QUIET_HOST = """
            thresholds:
              swap: {alert: 100, emergency: 100}
              load: {alert: 100000, emergency: 100000}
              memory: {alert: 100, emergency: 100}
              disk: {alert: 100, emergency: 100}
            """;

    @TempDir
    Path state;

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ConfigLayers layers(Path pm2Home) {
        return ConfigLayers.defaults().yaml("test host", QUIET_HOST)
                .set("test", "pm2.program", Pm2Sandbox.pinnedPm2())
                .set("test", "pm2.home", pm2Home.toString())
                .set("test", "notify.slack-attempts", 1);
    }

    private RunOutcome alerts(ConfigLayers layers) {
        return CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers).stateDir(state));
    }

    /** A webhook answering the codes in turn, the last one repeating. */
    private String webhook(int... codes) throws IOException {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = codes[Math.min(n.getAndIncrement(), codes.length - 1)];
            byte[] out = (code == 200 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0/secret";
    }

    private static Finding finding(RunOutcome o, String id) {
        return o.result().finding(id).orElseThrow(() -> new AssertionError("no finding " + id + " in " + o.text()));
    }

    private static NotificationResult.Status notification(RunOutcome o) {
        return o.result().section(NotificationResult.SECTION, NotificationResult.class).orElseThrow().status();
    }

    private AlertOutcome savedState() throws IOException {
        return Json.mapper().readValue(Files.readString(state.resolve("alert-state-alerts.json")), AlertOutcome.class);
    }

    @Test
    void anEmptyPm2HomeIsNeverAQuietOkAndNoDaemonIsStartedThere() throws Exception {
        Path empty = Files.createTempDirectory(Path.of("/tmp"), "t2e-");
        try {
            RunOutcome o = alerts(layers(empty));
            Finding pm2 = finding(o, "pm2");
            assertThat(pm2.severity()).isEqualTo(Severity.ALERT);
            assertThat(pm2.message()).contains("no PM2 daemon runs for PM2_HOME=" + empty)
                    .contains("nothing is monitored").contains("no daemon was started");
            assertThat(o.exitCode()).isEqualTo(1);
            assertThat(empty.resolve("pm2.pid")).as("the check never starts a daemon").doesNotExist();
            assertThat(empty.resolve("rpc.sock")).doesNotExist();

            // with expected apps, the same host is an EMERGENCY naming each missing app
            RunOutcome expected = alerts(layers(empty).set("--expect-apps", "pm2.expected-apps", "web,api"));
            assertThat(finding(expected, "pm2").severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(finding(expected, "process:api").severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(finding(expected, "process:web").message()).contains("web is not running under PM2");
            assertThat(empty.resolve("pm2.pid")).doesNotExist();

            // a PATH without pm2 (nor the usual tools): the daemon check still answers, naming the missing program
            RunOutcome noPm2 = CheckRun.run(RunRequest.of(CheckKind.ALERTS).stateDir(state)
                    .config(layers(empty).set("test", "pm2.program", "pm2")).environment(Map.of("PATH", empty.toString())));
            assertThat(finding(noPm2, "pm2").severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(finding(noPm2, "pm2").message()).startsWith("pm2 not found: 'pm2'");
        } finally {
            try (var files = Files.list(empty)) {
                assertThat(files).as("nothing written into the PM2_HOME read").isEmpty();
            }
            Files.delete(empty);
        }
    }

    @Test
    void aDaemonWithoutAppsAndAWrongPm2HomeAfterAppsWereSeen() throws Exception {
        try (Pm2Sandbox pm2 = new Pm2Sandbox()) {
            pm2.pm2(Map.of(), "ping"); // a daemon with no apps
            Finding none = finding(alerts(layers(pm2.home())), "pm2");
            assertThat(none.severity()).isEqualTo(Severity.ALERT);
            assertThat(none.message()).isEqualTo("PM2 at PM2_HOME=" + pm2.home() + " runs no apps: nothing is monitored"
                    + " (is PM2_HOME right for this user? list the apps that must run in pm2.expected-apps)");

            pm2.start("worker.js", "worker", Map.of());
            pm2.await("worker", p -> p.status().equals("online"));
            RunOutcome seen = alerts(layers(pm2.home()));
            assertThat(finding(seen, "pm2").severity()).isEqualTo(Severity.OK);
            assertThat(finding(seen, "pm2").message()).isEqualTo("PM2 at PM2_HOME=" + pm2.home() + " runs 1 app");
            // a missing expected app while the daemon runs
            RunOutcome missing = alerts(layers(pm2.home()).set("--expect-apps", "pm2.expected-apps", "worker,gateway"));
            assertThat(finding(missing, "process:gateway").severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(finding(missing, "process:worker").severity()).isEqualTo(Severity.OK);
            assertThat(missing.message().fullText()).contains("NEW process:gateway EMERGENCY: gateway is not running under PM2")
                    .contains("Next: start it (pm2 start &lt;ecosystem file&gt; --only gateway, then pm2 save)");

            // cron runs as another user, or a typo: a PM2_HOME without a daemon after the previous run saw apps
            Path wrong = pm2.home().resolveSibling(pm2.home().getFileName() + "-typo");
            RunOutcome typo = alerts(layers(wrong));
            Finding lost = finding(typo, "pm2");
            assertThat(lost.severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(lost.message()).contains("PM2_HOME=" + wrong).contains("the previous run saw 1 app(s): worker");
            assertThat(wrong).as("no daemon started, nothing created").doesNotExist();
        }
    }

    @Test
    void aCrashLoopStaysAnEmergencyAndItsPageGetsThroughOnceTheWebhookWorks() throws Exception {
        String app = "<!here>&builder";
        try (Pm2Sandbox pm2 = new Pm2Sandbox()) {
            pm2.start("crasher.js", app, Map.of());
            pm2.await(app, p -> p.restarts() >= 7);
            String url = webhook(500, 500, 200);
            Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", url);
            RunRequest request = RunRequest.of(CheckKind.ALERTS).config(layers(pm2.home())).stateDir(state)
                    .notify(true, null, env);

            // 1: Slack answers 500: the crash loop is not delivered, so it stays pending
            RunOutcome first = CheckRun.run(request);
            assertThat(finding(first, "crash-loop").severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(finding(first, "process:" + app).severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(notification(first)).isEqualTo(NotificationResult.Status.FAILED);
            assertThat(first.notificationProblem()).get().asString().contains("HTTP 500").doesNotContain("secret");
            assertThat(savedState().pending()).extracting(AlertChange::id).contains("crash-loop", "process:" + app);

            // 2: still 500; whether pm2 jlist catches the app online or waiting restart, its finding stays EMERGENCY
            RunOutcome second = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(pm2.home())).stateDir(state)
                    .notify(true, null, env));
            assertThat(finding(second, "process:" + app).severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(notification(second)).isEqualTo(NotificationResult.Status.FAILED);
            assertThat(second.alertState().changes()).extracting(AlertChange::id).doesNotContain("crash-loop");
            assertThat(savedState().pending()).filteredOn(c -> c.id().equals("crash-loop")).hasSize(1);

            // 3: Slack works: the page that was never delivered goes out, once, saying since when
            RunOutcome third = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(pm2.home())).stateDir(state)
                    .notify(true, null, env));
            assertThat(notification(third)).isEqualTo(NotificationResult.Status.SENT);
            assertThat(savedState().pending()).isEmpty();
            assertThat(bodies).hasSize(3);
            JsonNode body = Json.mapper().readTree(bodies.get(2));
            String text = body.at("/text").asText();
            String lines = body.at("/attachments/0/text").asText();
            assertThat(text).startsWith("EMERGENCY alerts on ").contains("not delivered earlier");
            assertThat(lines).contains("NEW crash-loop EMERGENCY: crash loop: &lt;!here&gt;&amp;builder")
                    .contains("[emergency above 5 exits]")
                    .contains(", not delivered then)")
                    .contains("Next: read the looping app's error log (pm2 logs &lt;!here&gt;&amp;builder --err --lines 100)");
            assertThat(lines).contains("NEW process:&lt;!here&gt;&amp;builder EMERGENCY: &lt;!here&gt;&amp;builder is in a crash loop");
            assertThat(bodies.get(2)).as("no mention, no raw markup from data").doesNotContain("<!here>");
            assertThat(body.at("/attachments/0/color").asText()).isEqualTo("danger");

            // 4: the loop goes on: nothing new to say about it, nothing pending, no "resolved" (runs this close
            // together may catch no restart in between, so `crashes` alone may come and go)
            RunOutcome fourth = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(pm2.home())).stateDir(state)
                    .notify(true, null, env));
            assertThat(finding(fourth, "process:" + app).severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(fourth.alertState().changes()).extracting(AlertChange::id)
                    .doesNotContain("process:" + app, "crash-loop");
            assertThat(savedState().pending()).isEmpty();

            // the app is deleted: one run without it is not yet "resolved" (alert.resolve-after 2), the second is
            pm2.pm2(Map.of(), "delete", app);
            RunOutcome fifth = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(pm2.home())).stateDir(state)
                    .notify(true, null, env));
            assertThat(fifth.result().finding("process:" + app)).isEmpty();
            assertThat(fifth.alertState().findings().get("process:" + app).state().name()).isEqualTo("CLEARING");
            assertThat(fifth.alertState().changes()).extracting(AlertChange::id).doesNotContain("process:" + app);
            RunOutcome sixth = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(pm2.home())).stateDir(state)
                    .notify(true, null, env));
            assertThat(sixth.alertState().changes()).filteredOn(c -> c.id().equals("process:" + app))
                    .extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RESOLVED);
            assertThat(notification(sixth)).isEqualTo(NotificationResult.Status.SENT);
        }
    }

    @Test
    void theJenkinsStepDeliversItselfAndSettlesTheState() throws Exception {
        // as the plugin does it: the agent runs with callerState + callerDelivers; the controller delivers through
        // the Slack plugin and settles; the next build gets the settled state
        Path empty = Files.createTempDirectory(Path.of("/tmp"), "t2j-");
        try {
            RunOutcome first = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(empty)).stateDir(state)
                    .callerState("", "").callerDelivers(true));
            assertThat(first.shouldNotify()).isTrue();
            assertThat(notification(first)).isEqualTo(NotificationResult.Status.DEFERRED);
            String undelivered = CallerDelivery.settle(first.result(), first.alertStateJson(), false, "Slack: channel_not_found");
            assertThat(first.result().section(NotificationResult.SECTION, NotificationResult.class).orElseThrow().reason())
                    .contains("channel_not_found").contains("kept pending");

            RunOutcome second = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(empty)).stateDir(state)
                    .callerState(undelivered, first.json()).callerDelivers(true));
            assertThat(second.alertState().changes()).as("nothing changed in this build").isEmpty();
            assertThat(second.shouldNotify()).as("but the undelivered page is still owed").isTrue();
            assertThat(second.message().fullText()).contains("NEW pm2 ALERT").contains("not delivered then");
            String delivered = CallerDelivery.settle(second.result(), second.alertStateJson(), true, "");

            RunOutcome third = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(empty)).stateDir(state)
                    .callerState(delivered, second.json()).callerDelivers(true));
            assertThat(third.shouldNotify()).isFalse();
            // the documented `if (r.notify) slackSend ...` pattern: no caller delivery, the returned decision is the
            // delivery, so nothing accumulates
            RunOutcome plain = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers(empty)).stateDir(state)
                    .callerState("", ""));
            assertThat(plain.stepSummary()).containsEntry("notify", true);
            assertThat(plain.alertState().pending()).isEmpty();
        } finally {
            Files.delete(empty);
        }
    }
}
