package xyz.twzrd.ops.core.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.notify.SlackMessage;
import xyz.twzrd.ops.core.testkit.FreePort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one run pipeline, as the Jenkins agent calls it (the caller keeps the alert state and the previous result)
 * and as the runner calls it (the state folder keeps them). The host thresholds a test is not about are pinned, so
 * that a busy or full host cannot change the outcome; pm2 does not exist, so PM2 findings are UNKNOWN.
 */
class CheckRunTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----";
    private static final String QUIET_HOST = """
            thresholds:
              swap: {alert: 100, emergency: 100}
              load: {alert: 100000, emergency: 100000}
              disk: {alert: 100, emergency: 100}
            """;

    @TempDir
    Path state;

    @TempDir
    Path reports;

    private ConfigLayers layers(String memoryAlert) {
        return ConfigLayers.defaults().yaml("global configuration", QUIET_HOST)
                .set("test", "pm2.program", "/nonexistent/pm2").set("test", "pm2.command-timeout", "5s")
                .set("test", "thresholds.memory.alert", memoryAlert).set("test", "thresholds.memory.emergency", 100);
    }

    /** As the Jenkins agent asks: the caller holds the state. */
    private RunRequest agent(CheckKind check, ConfigLayers layers, String previousState, String previousResult) {
        return RunRequest.of(check).config(layers).stateDir(state).reportDir(reports).clock(CLOCK)
                .callerState(previousState, previousResult);
    }

    @Test
    void runsTheAlertsCheckOnThisMachine() {
        RunOutcome o = CheckRun.run(agent(CheckKind.ALERTS, layers("0"), "", ""));
        CheckResult r = o.result();
        assertThat(r.getCheck()).isEqualTo("alerts");
        assertThat(r.finding("memory")).get().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ALERT));
        assertThat(r.getFindings()).anyMatch(f -> f.severity() == Severity.UNKNOWN && f.message().contains("/nonexistent/pm2"));
        // what crosses the agent channel is the JSON text: it reads back to the same result
        assertThat(Json.readResult(Json.compact(r)).getSeverity()).isEqualTo(r.getSeverity());
    }

    @Test
    void alertStateNotifiesOnceThenStaysQuiet() {
        RunOutcome first = CheckRun.run(agent(CheckKind.ALERTS, layers("0"), "", ""));
        assertThat(first.shouldNotify()).isTrue();
        RunOutcome second = CheckRun.run(agent(CheckKind.ALERTS, layers("0"), first.alertStateJson(), first.json()));
        assertThat(second.shouldNotify()).isFalse();
        // an unreadable previous state counts as a first run, never as an error
        assertThat(CheckRun.run(agent(CheckKind.ALERTS, layers("0"), "{not json", "")).shouldNotify()).isTrue();
        // the caller keeps the state: nothing of it lands in the state folder
        assertThat(state.resolve("alert-state-alerts.json")).doesNotExist();
        assertThat(state.resolve("history.jsonl")).doesNotExist();
    }

    @Test
    void theReportComparesWithThePreviousResultTheCallerGives() throws IOException {
        // Jenkins empties the step's report folder before each build: the comparison must come from the previous
        // build's result, not from the folder.
        RunOutcome first = CheckRun.run(agent(CheckKind.HEALTH_CHECK, layers("0"), "", ""));
        assertThat(first.reportChanges()).isEmpty();
        deleteAll(reports);
        RunOutcome second = CheckRun.run(agent(CheckKind.HEALTH_CHECK, layers("100"), first.alertStateJson(), first.json())
                .clock(LATER));
        assertThat(second.reportChanges()).contains("RESOLVED memory");
        assertThat(Files.readString(second.reportFiles().get(0))).contains("memory");
    }

    @Test
    void theNotificationColourIsDecidedOnce() {
        // memory resolves while the PM2 findings stay UNKNOWN: only a RESOLVED change, so the message is green, and
        // the step's return value says the same as the message
        RunOutcome first = CheckRun.run(agent(CheckKind.ALERTS, layers("0"), "", ""));
        RunOutcome second = CheckRun.run(agent(CheckKind.ALERTS, layers("100").set("test", "alert.resolve-after", 1),
                first.alertStateJson(), first.json()).clock(LATER));
        SlackMessage m = second.message();
        assertThat(second.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(m.color()).isEqualTo("good");
        assertThat(second.stepSummary()).containsEntry("color", m.color()).containsEntry("message", m.fullText())
                .containsEntry("notify", true);
    }

    @Test
    void theAlertPolicyComesFromTheConfiguration() {
        RunOutcome debounced = CheckRun.run(agent(CheckKind.ALERTS, layers("0").yaml("step config", "alert: {debounce: 2}"),
                "", ""));
        assertThat(debounced.shouldNotify()).as("a new finding waits for a second run").isFalse();
    }

    @Test
    void reportSetsFollowTheCheckKind() throws IOException {
        CheckRun.run(agent(CheckKind.HEALTH_CHECK, layers("0"), "", ""));
        CheckRun.run(agent(CheckKind.AUDIT, layers("0"), "", ""));
        assertThat(names(reports)).contains("health-report-2026-11-29.txt", "health-report-2026-11-29.json",
                "health-report-2026-11-29.html", "audit-report-2026-11-29.html");
        assertThat(CheckKind.ALERTS.writesReport(Severity.OK)).as("a quiet hour leaves no files").isFalse();
        assertThat(CheckKind.ALERTS.writesReport(Severity.ALERT)).isTrue();
        assertThat(CheckKind.PM2_RESTART.writesReport(Severity.OK)).isTrue();
    }

    @Test
    void theRunnerKeepsStateAndHistoryInTheStateFolder() {
        RunRequest runner = RunRequest.of(CheckKind.ALERTS).config(layers("0")).stateDir(state).clock(CLOCK);
        assertThat(CheckRun.run(runner).shouldNotify()).isTrue();
        assertThat(CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers("0")).stateDir(state).clock(LATER))
                .shouldNotify()).isFalse();
        assertThat(state.resolve("alert-state-alerts.json")).exists();
        assertThat(state.resolve("history.jsonl")).exists();
    }

    @Test
    void aManualLogsRunBetweenTwoWeeklyReportsTakesNoErrorLinesFromTheReport() throws IOException {
        Path log = Files.writeString(reports.resolve("app.log"), "started\n");
        java.util.List<xyz.twzrd.ops.core.logs.LogSource> logs = java.util.List.of(
                new xyz.twzrd.ops.core.logs.LogSource("app", log));
        RunRequest monday = RunRequest.of(CheckKind.HEALTH_CHECK).config(layers("100")).stateDir(state).logs(logs).clock(CLOCK);
        assertThat(CheckRun.run(monday).result().finding("logs").orElseThrow().value()).isEqualTo(0.0);
        Files.writeString(log, "Error: one\nError: two\nError: three\n", java.nio.file.StandardOpenOption.APPEND);
        RunOutcome manual = CheckRun.run(RunRequest.of(CheckKind.LOGS).config(layers("100")).stateDir(state).logs(logs)
                .clock(LATER));
        assertThat(manual.result().finding("logs").orElseThrow().value()).isEqualTo(3.0);
        RunOutcome nextMonday = CheckRun.run(RunRequest.of(CheckKind.HEALTH_CHECK).config(layers("100")).stateDir(state)
                .logs(logs).clock(LATER));
        assertThat(nextMonday.result().finding("logs").orElseThrow().value()).as("the week's error lines").isEqualTo(3.0);
        assertThat(state.resolve("logscan-offsets-health-check.json")).exists();
        assertThat(state.resolve("logscan-offsets-logs.json")).exists();
    }

    @Test
    void aDamagedStateFileIsSetAsideReportedOnceAsAnAlertAndRebuilt() throws IOException {
        Path log = Files.writeString(reports.resolve("app.log"), "started\n");
        java.util.List<xyz.twzrd.ops.core.logs.LogSource> logs = java.util.List.of(
                new xyz.twzrd.ops.core.logs.LogSource("app", log));
        Files.writeString(state.resolve("logscan-offsets-logs.json"), "{\"" + log + "\": {\"dev\": 1, \"ino");
        Files.writeString(state.resolve("alert-state-logs.json"), "");
        RunOutcome first = CheckRun.run(RunRequest.of(CheckKind.LOGS).config(layers("100")).stateDir(state).logs(logs)
                .clock(CLOCK));
        assertThat(first.result().getFindings()).filteredOn(f -> f.id().startsWith("state:"))
                .extracting(xyz.twzrd.ops.core.Finding::id)
                .containsExactlyInAnyOrder("state:logscan-offsets-logs.json", "state:alert-state-logs.json");
        assertThat(first.result().getFindings()).filteredOn(f -> f.id().startsWith("state:"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ALERT));
        assertThat(first.severity()).isEqualTo(Severity.ALERT);
        assertThat(names(state)).contains("logscan-offsets-logs.json.damaged-20261129T010000.000Z",
                "alert-state-logs.json.damaged-20261129T010000.000Z", "logscan-offsets-logs.json", "alert-state-logs.json");
        RunOutcome second = CheckRun.run(RunRequest.of(CheckKind.LOGS).config(layers("100")).stateDir(state).logs(logs)
                .clock(LATER));
        assertThat(second.result().getFindings()).noneMatch(f -> f.id().startsWith("state:"));
        assertThat(second.severity()).isEqualTo(Severity.OK);
    }

    @Test
    void aDamagedPlannedRestartFileIsReportedByTheRestartThatWouldRecordIntoIt() throws IOException {
        Files.writeString(state.resolve("pm2-planned-restarts.json"), "{\"restarts\": [{\"at\": \"2026-11-2");
        RunOutcome o = CheckRun.run(agent(CheckKind.PM2_RESTART, layers("0").set("step", "pm2.settle", "0s"), "", ""));
        assertThat(o.result().finding("state:pm2-planned-restarts.json")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ALERT));
        assertThat(names(state)).contains("pm2-planned-restarts.json.damaged-20261129T010000.000Z");
    }

    @Test
    void aSecondRunOnTheSameStateFolderWaitsThenSaysItCouldNotStart() throws Exception {
        ConfigLayers shortWait = layers("100").set("test", "state.lock-timeout", "300ms");
        try (StateLock held = StateLock.acquire(java.util.List.of(state), java.time.Duration.ofSeconds(1))) {
            long t0 = System.nanoTime();
            RunOutcome busy = CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(shortWait).stateDir(state).clock(CLOCK));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(300));
            assertThat(busy.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(busy.result().getFindings()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo("state-lock");
                assertThat(f.message()).startsWith("could not start").contains(state.toRealPath().toString())
                        .contains("state.lock-timeout");
            });
            // nothing was checked, counted or recorded
            assertThat(names(state)).containsExactly(StateLock.FILE);
        }
        // two runs at once on one folder take turns: both recorded, one after the other
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<RunOutcome>> both = new java.util.ArrayList<>();
            for (Clock c : java.util.List.of(CLOCK, LATER)) {
                both.add(pool.submit(() -> CheckRun.run(RunRequest.of(CheckKind.ALERTS).config(layers("100"))
                        .stateDir(state).clock(c))));
            }
            for (java.util.concurrent.Future<RunOutcome> f : both) {
                assertThat(f.get().result().getFindings()).noneMatch(x -> x.id().equals("state-lock"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(state.resolve("history.jsonl"))).hasSize(2);
    }

    @Test
    void inJenkinsABusyFolderKeepsTheCallersAlertState() throws Exception {
        RunOutcome first = CheckRun.run(agent(CheckKind.ALERTS, layers("0"), "", ""));
        try (StateLock held = StateLock.acquire(java.util.List.of(state), java.time.Duration.ofSeconds(1))) {
            RunOutcome busy = CheckRun.run(agent(CheckKind.ALERTS, layers("0").set("test", "state.lock-timeout", "0s"),
                    first.alertStateJson(), first.json()));
            assertThat(busy.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(busy.result().finding("state-lock")).isPresent();
            assertThat(busy.alertStateJson()).contains("state-lock");
        }
    }

    @Test
    void runsTheAuditWithTheConfiguredPm2() {
        CheckResult r = CheckRun.run(agent(CheckKind.AUDIT, layers("0"), "", "")).result();
        assertThat(r.getCheck()).isEqualTo("audit");
        assertThat(r.finding("swappiness")).isPresent();
        assertThat(r.finding("memory-limits")).get().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.UNKNOWN));
    }

    @Test
    void aRestartThatCannotReachPm2IsNeverOk() {
        RunOutcome o = CheckRun.run(agent(CheckKind.PM2_RESTART, layers("0").set("step", "pm2.settle", "1s"), "", ""));
        assertThat(o.result().getCheck()).isEqualTo("pm2-restart");
        assertThat(o.severity()).isNotEqualTo(Severity.OK);
    }

    @Test
    void badConfigurationOrOptionsAreUnknownNamingTheProblem() {
        assertThat(CheckRun.run(agent(CheckKind.ALERTS, layers("0").yaml("step config", "thresholds:\n  swapp: 3\n"), "", ""))
                .result().getFindings().get(0).message()).contains("swapp").contains("(from step config)");
        assertThat(CheckRun.run(agent(CheckKind.ALERTS, layers("0").set("pm2Timeout", "pm2.command-timeout", "soon"), "", ""))
                .result().getFindings().get(0).message()).contains("invalid configuration or options").contains("soon");
        RunOutcome restart = CheckRun.run(agent(CheckKind.PM2_RESTART, layers("0").set("settle", "pm2.settle", "later"), "", ""));
        assertThat(restart.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(restart.shouldNotify()).as("an UNKNOWN is news too").isTrue();
    }

    @Test
    void sshNeedsKnownHostsAndAnUnreachableHostIsUnknown() throws IOException {
        RunOutcome noKnownHosts = CheckRun.run(agent(CheckKind.ALERTS, layers("0"), "", "")
                .ssh("ops@127.0.0.1:22", KEY, "", ""));
        assertThat(noKnownHosts.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(noKnownHosts.result().getFindings().get(0).message()).contains("cannot be turned off");

        int closed = FreePort.loopback();
        RunRequest request = agent(CheckKind.ALERTS, layers("0"), "", "").ssh("ops@127.0.0.1:" + closed, KEY, "",
                "[127.0.0.1]:" + closed + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0000000000000000000000000000000000000000000");
        RunOutcome unreachable = CheckRun.run(request);
        assertThat(unreachable.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(unreachable.result().getFindings()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo("connection"));
        assertThat(unreachable.shouldNotify()).as("an unreachable host is news").isTrue();
        assertThat(unreachable.json()).doesNotContain("not-a-real-key");
        assertThat(request.toString()).doesNotContain("not-a-real-key");
        assertThat(unreachable.reportFiles()).allMatch(p -> p.startsWith(reports.resolve("hosts").resolve("127.0.0.1_" + closed)));
    }

    @Test
    void remoteStateIsKeptPerHost() {
        assertThat(CheckRun.hostFolder(state, "vps1:2222")).isEqualTo(state.resolve("hosts").resolve("vps1_2222"));
        assertThat(CheckRun.hostFolder(state, "..")).isEqualTo(state.resolve("hosts").resolve("_."));
        assertThat(CheckRun.hostFolder(state, "../vps:2222")).isEqualTo(state.resolve("hosts").resolve("_._vps_2222"));
    }

    @Test
    void exactlyTheChecksWithTrendValuesSayTheyHaveATrend() {
        // each check for real on this machine (pm2 missing): does its result carry any trend value?
        for (CheckKind kind : CheckKind.values()) {
            RunOutcome o = CheckRun.run(agent(kind, layers("0"), "", ""));
            assertThat(!o.trendValues().isEmpty()).as(kind + ": " + o.trendValues()).isEqualTo(kind.hasTrend());
            assertThat(CheckKind.hasTrend(kind.id())).isEqualTo(kind.hasTrend());
        }
        assertThat(CheckKind.hasTrend("nope")).isFalse();
        assertThat(CheckKind.hasTrend(null)).isFalse();
    }

    @Test
    void ofAPipelinesEnvironmentOnlyPathHomeAndPm2HomeReachTheCheck() {
        java.util.Map<String, String> all = new java.util.HashMap<>();
        all.put("PATH", "/opt/node/bin:/usr/bin:/bin");
        all.put("HOME", "/home/deploy");
        all.put("PM2_HOME", " ");
        all.put("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/secret");
        all.put("BUILD_TAG", "jenkins-x-1");
        assertThat(RunRequest.pipelineEnvironment(all)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "PATH", "/opt/node/bin:/usr/bin:/bin", "HOME", "/home/deploy"));
        assertThat(RunRequest.pipelineEnvironment(null)).isEmpty();
        RunRequest r = RunRequest.of(CheckKind.ALERTS).environment(RunRequest.pipelineEnvironment(all));
        assertThat(r.localEnv).containsOnlyKeys("PATH", "HOME");
        assertThat(r.toString()).doesNotContain("/opt/node").doesNotContain("/home/deploy");
    }

    @Test
    void theNodeStateFolderIsBelowTheNodeRootUnlessConfigured() {
        assertThat(NodeState.folder("/home/jenkins/agent", null, "")).isEqualTo("/home/jenkins/agent/twzrd-ops/state");
        assertThat(NodeState.folder("/var/lib/jenkins/", "", null)).isEqualTo("/var/lib/jenkins/twzrd-ops/state");
        assertThat(NodeState.folder("/r", "", "/srv/twzrd/state")).isEqualTo("/srv/twzrd/state");
        assertThat(NodeState.folder("/r", "/step/state", "/srv/twzrd/state")).isEqualTo("/step/state");
        assertThat(NodeState.folder("/r", "ops/state", "/srv")).isEqualTo("/r/ops/state");
    }

    @Test
    void everyCheckKindHasItsName() {
        assertThat(CheckKind.of("pm2-restart")).isEqualTo(CheckKind.PM2_RESTART);
        assertThat(Stream.of(CheckKind.values()).map(CheckKind::id))
                .containsExactly("alerts", "health-check", "pm2-restart", "audit", "logs");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckKind.of("nope"))
                .hasMessageContaining("'nope' is not available");
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }
}
