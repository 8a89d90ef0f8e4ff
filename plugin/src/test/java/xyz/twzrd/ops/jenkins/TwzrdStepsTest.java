package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps in a real Jenkins with a real agent and the pinned pm2 (installed by the core module's build).
 * Runs only with -Pjenkins.
 */
@WithJenkins
class TwzrdStepsTest {
    /**
     * Memory always ALERTs (above 0 %), and the thresholds the test is not about can never trip, so a busy or
     * full host cannot change the outcome (Groovy string literal).
     */
    private static final String MEMORY_ALERT_ONLY = "'thresholds:\\n  memory: {alert: 0, emergency: 100}\\n"
            + "  swap: {alert: 100, emergency: 100}\\n  load: {alert: 100000, emergency: 100000}\\n"
            + "  disk: {alert: 100, emergency: 100}\\n'";

    /** No host threshold can trip: the outcome is the PM2 findings' alone (Groovy string literal). */
    private static final String QUIET_HOST = "'thresholds:\\n  memory: {alert: 100, emergency: 100}\\n"
            + "  swap: {alert: 100, emergency: 100}\\n  load: {alert: 100000, emergency: 100000}\\n"
            + "  disk: {alert: 100, emergency: 100}\\n'";

    /** The pinned pm2 (installed by the core module's build) with a daemon of its own; core's test helper. */
    private static Pm2Sandbox pm2;

    @BeforeAll
    static void startPm2() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.pm2(Map.of(), "ping"); // the daemon; the steps never start one
    }

    @AfterAll
    static void killPm2() throws Exception {
        pm2.close();
    }

    /** Starts core's healthy test app under pm2 (GET /health answers 200) and returns its port. */
    private static int startWebApp(String name) {
        int port = FreePort.loopback();
        pm2.start("healthy.js", name, Map.of("PORT", String.valueOf(port)));
        return port;
    }

    private static String common() {
        return "pm2: '" + pm2.bin() + "', pm2Home: '" + pm2.home() + "'";
    }

    /** Runs the body on an agent; checks the result unless expected is null. */
    private WorkflowRun run(JenkinsRule j, String body, Result expected) throws Exception {
        DumbSlave agent = j.createOnlineSlave(j.jenkins.getLabel("vps"));
        assertThat(agent.toComputer().isOnline()).isTrue();
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node('vps') {\n" + body + "\n}", true));
        WorkflowRun b = job.scheduleBuild2(0).get();
        if (expected != null) {
            j.assertBuildStatus(expected, b);
        }
        return b;
    }

    @Test
    void configRoundTrip(JenkinsRule j) throws Exception {
        Pm2RestartStep restart = new Pm2RestartStep();
        restart.setApps("gateway,milo-aggregator");
        restart.setHealthUrl("http://localhost:8080/health");
        restart.setDeadline("2m");
        restart.setRolling(true); // the form always states rolling and reload (a checkbox): set both explicitly
        restart.setReload(false);
        restart.setOnAlert("FAILURE");
        j.assertEqualDataBoundBeans(restart, new StepConfigTester(j).configRoundTrip(restart));
        AlertsStep alerts = new AlertsStep();
        alerts.setTarget("deploy@127.0.0.1:2222");
        alerts.setConfig("thresholds:\n  swap: {alert: 30}\n");
        alerts.setStateDir("/var/lib/twzrd-ops/state");
        j.assertEqualDataBoundBeans(alerts, new StepConfigTester(j).configRoundTrip(alerts));
        HealthCheckStep health = new HealthCheckStep();
        health.setLogs("/var/log/app/*.log");
        j.assertEqualDataBoundBeans(health, new StepConfigTester(j).configRoundTrip(health));
        TuningAuditStep audit = new TuningAuditStep();
        j.assertEqualDataBoundBeans(audit, new StepConfigTester(j).configRoundTrip(audit));
    }

    @Test
    void alertMarksUnstableAndReturnsTheSummary(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "def r = twzrdAlerts(" + common()
                + ", config: " + MEMORY_ALERT_ONLY + ")\n"
                + "echo \"severity=${r.severity} color=${r.color} notify=${r.notify}\"", Result.UNSTABLE);
        j.assertLogContains("severity=ALERT color=warning notify=true", b);
        TwzrdBuildAction a = b.getAction(TwzrdBuildAction.class);
        assertThat(a).isNotNull();
        assertThat(a.getCheck()).isEqualTo("alerts");
        assertThat(a.getResult()).isNotNull();
        assertThat(a.getProblems()).anyMatch(f -> f.id().equals("memory"));
        assertThat(a.getSummaryLines()).anyMatch(l -> l.startsWith("ALERT memory: "));
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(b, "twzrd-ops-alerts");
            String text = page.asNormalizedText();
            assertThat(text).contains("memory").contains("ALERT");
            // the report page leads with the summary, as the HTML report does
            assertThat(text.indexOf("Summary")).isLessThan(text.indexOf("All findings"));
        }
    }

    @Test
    void emergencyFailsButTheStepStillReturns(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "def r = twzrdAlerts(" + common()
                + ", config: 'thresholds:\\n  disk: {alert: 0, emergency: 0}\\n')\necho \"after=${r.severity}\"",
                Result.FAILURE);
        j.assertLogContains("after=EMERGENCY", b);
    }

    @Test
    void pipelineMayKeepAlertsGreen(JenkinsRule j) throws Exception {
        run(j, "twzrdAlerts(" + common() + ", onAlert: 'SUCCESS', config: " + MEMORY_ALERT_ONLY + ")",
                Result.SUCCESS);
    }

    @Test
    void unknownIsNeverSuccess(JenkinsRule j) throws Exception {
        // host thresholds pinned out of reach: on a loaded or full host an EMERGENCY would otherwise win (FAILURE)
        WorkflowRun b = run(j, "twzrdAlerts(pm2: '/nonexistent/pm2', onUnknown: 'UNSTABLE', config: " + QUIET_HOST + ")",
                Result.UNSTABLE);
        j.assertLogContains("UNKNOWN", b);
        run(j, "twzrdAlerts(pm2: '/nonexistent/pm2', onUnknown: 'SUCCESS', config: " + QUIET_HOST + ")", Result.FAILURE);
    }

    @Test
    void aStepThatCannotDeliverToSlackKeepsTheNotificationPending(JenkinsRule j) throws Exception {
        // the Slack plugin (an optional dependency, on the test class path) has no token credential configured:
        // the step's own delivery fails, so the page stays owed and the next build owes it again
        j.createOnlineSlave(j.jenkins.getLabel("vps"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node('vps') {\ndef r = twzrdAlerts(" + common()
                + ", onAlert: 'SUCCESS', slackChannel: '#ops', config: " + MEMORY_ALERT_ONLY + ")\n"
                + "echo \"notify=${r.notify} delivered=${r.delivered}\"\n}", true));
        WorkflowRun first = j.buildAndAssertSuccess(job);
        j.assertLogContains("notify=true delivered=false", first);
        j.assertLogContains("NOT delivered, kept pending for the next build", first);
        WorkflowRun second = j.buildAndAssertSuccess(job);
        j.assertLogContains("notify=true delivered=false", second);
        assertThat(second.getAction(TwzrdBuildAction.class).getAlertState()).contains("\"pending\":[{");
    }

    @Test
    void trendAcrossBuildsAndNotifyOnlyOnChange(JenkinsRule j) throws Exception {
        j.createOnlineSlave(j.jenkins.getLabel("vps"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node('vps') {\ndef r = twzrdAlerts(" + common()
                + ", onAlert: 'SUCCESS', config: " + MEMORY_ALERT_ONLY + ")\n"
                + "echo \"notify=${r.notify}\"\n}", true));
        WorkflowRun first = j.buildAndAssertSuccess(job);
        j.assertLogContains("notify=true", first);
        WorkflowRun second = j.buildAndAssertSuccess(job);
        j.assertLogContains("notify=false", second);
        j.buildAndAssertSuccess(job);
        TwzrdJobAction trend = job.getAction(TwzrdJobAction.class);
        assertThat(trend).isNotNull();
        assertThat(trend.isTrendVisible()).isTrue();
        assertThat(trend.getHistory()).hasSize(3);
        JsonNode model = new ObjectMapper().readTree(trend.getBuildTrendModel());
        assertThat(model.path("buildNumbers")).hasSize(3);
        assertThat(model.path("series")).anySatisfy(s -> assertThat(s.path("name").asText()).isEqualTo("memory %"));
        assertThat(model.path("xAxis").path("data").get(0).asText()).startsWith("#1 ");
    }

    @Test
    void healthCheckArchivesItsReport(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "twzrdHealthCheck(" + common() + ", onAlert: 'SUCCESS', onUnknown: 'UNSTABLE')", null);
        assertThat(b.getArtifacts()).anyMatch(a -> a.relativePath.startsWith("twzrd-ops-reports/health-check/health-report-")
                && a.relativePath.endsWith(".html"));
    }

    @Test
    void restartVerifiesTheAppsAndTheHealthEndpoint(JenkinsRule j) throws Exception {
        int port = startWebApp("web");
        try {
            WorkflowRun b = run(j, "def r = pm2Restart(" + common() + ", apps: 'web', settle: '2s', deadline: '30s', "
                    + "healthUrl: 'http://127.0.0.1:" + port + "/health')\necho \"restart=${r.severity}\"", Result.SUCCESS);
            j.assertLogContains("restart=OK", b);
            TwzrdBuildAction a = b.getAction(TwzrdBuildAction.class);
            assertThat(a.getCheck()).isEqualTo("pm2-restart");
            assertThat(a.getResult().getFindings()).isNotEmpty();
        } finally {
            pm2.pm2(Map.of(), "delete", "web");
        }
    }

    @Test
    void aBlankAppsFieldFailsTheStepAndRestartsNothing(JenkinsRule j) throws Exception {
        startWebApp("web3");
        try {
            long before = restarts("web3");
            WorkflowRun b = run(j, "pm2Restart(" + common() + ", apps: '', settle: '1s')", Result.FAILURE);
            j.assertLogContains("pm2Restart: apps is blank: a blank app list restarts nothing; say all", b);
            assertThat(b.getAction(TwzrdBuildAction.class)).as("nothing ran").isNull();
            assertThat(restarts("web3")).as("nothing was restarted").isEqualTo(before);
            // left out, apps is not set: the configured default (all) applies, every app has its own finding
            WorkflowRun all = run(j, "pm2Restart(" + common() + ", settle: '1s', rolling: true)", null);
            TwzrdBuildAction a = all.getAction(TwzrdBuildAction.class);
            assertThat(a.getResult().finding("restart:web3")).isPresent();
            assertThat(a.getShown()).as("the summary box lists each app").anyMatch(f -> f.id().equals("restart:web3"));
            assertThat(restarts("web3")).isEqualTo(before + 1);
        } finally {
            pm2.pm2(Map.of(), "delete", "web3");
        }
    }

    /** An app's restart count, read with the core's pm2 client. */
    private static long restarts(String app) throws Exception {
        return pm2.client().list().stream()
                .filter(p -> p.name().equals(app)).findFirst().orElseThrow().restarts();
    }

    @Test
    void aBuildKeepsOneActionPerCheck(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "twzrdTuningAudit(" + common() + ", onAlert: 'SUCCESS', onEmergency: 'SUCCESS', "
                + "onUnknown: 'UNSTABLE')\ntwzrdAlerts(" + common() + ", onAlert: 'SUCCESS', onEmergency: 'SUCCESS', "
                + "onUnknown: 'UNSTABLE')", null);
        assertThat(b.getActions(TwzrdBuildAction.class)).extracting(TwzrdBuildAction::getCheck)
                .containsExactlyInAnyOrder("audit", "alerts");
        assertThat(b.getActions(TwzrdBuildAction.class).stream()
                .filter(a -> a.getCheck().equals("audit")).findFirst().orElseThrow().getResult().finding("swappiness"))
                .isPresent();
    }

    @Test
    void globalDefaultsRoundTripAndApply(JenkinsRule j) throws Exception {
        TwzrdGlobalConfiguration g = TwzrdGlobalConfiguration.get();
        g.setPm2(pm2.bin());
        g.setPm2Home(pm2.home().toString());
        g.setPm2Timeout("45s");
        g.setOnAlert("SUCCESS");
        g.setConfig("thresholds:\n  memory: {alert: 0, emergency: 100}\n  swap: {alert: 100, emergency: 100}\n"
                + "  load: {alert: 100000, emergency: 100000}\n  disk: {alert: 100, emergency: 100}\n");
        Path globalState = Files.createTempDirectory("twzrd-global-state");
        g.setStateDir(globalState.toString());
        j.configRoundtrip();
        assertThat(g.getPm2Timeout()).isEqualTo("45s");
        assertThat(g.getStateDir()).isEqualTo(globalState.toString());
        assertThat(g.getOnAlert()).isEqualTo("SUCCESS");
        assertThat(g.getOnEmergency()).isNull();
        // the step gives nothing: memory ALERT from the global config, kept green by the global onAlert
        WorkflowRun b = run(j, "def r = twzrdAlerts()\necho \"global=${r.severity}\"", Result.SUCCESS);
        j.assertLogContains("global=ALERT", b);
        assertThat(globalState.resolve("pm2-baseline-alerts.json")).as("the global stateDir holds the node's state").exists();
        g.setStateDir(null);
    }

    /**
     * Two jobs on one node, as scheduled: the Friday {@code pm2Restart} and the hourly {@code twzrdAlerts}. The
     * restart's record of planned restarts lives in the node's state folder (below the agent's root, not in a
     * workspace), so the hourly job does not count the restart as crashes.
     */
    @Test
    void theFridayRestartIsSeenByTheHourlyJobOnTheSameNode(JenkinsRule j) throws Exception {
        int port = startWebApp("fri");
        try {
            DumbSlave agent = j.createOnlineSlave(j.jenkins.getLabel("shared-node"));
            // a Groovy string literal: never trips on a busy host, so only the crash count decides
            String quiet = "'thresholds:\\n  memory: {alert: 100, emergency: 100}\\n  swap: {alert: 100, emergency: 100}\\n"
                    + "  load: {alert: 100000, emergency: 100000}\\n  disk: {alert: 100, emergency: 100}\\n'";
            WorkflowJob hourly = j.createProject(WorkflowJob.class, "hourly-alerts");
            hourly.setDefinition(new CpsFlowDefinition("node('shared-node') {\ntwzrdAlerts(" + common()
                    + ", config: " + quiet + ")\n}", true));
            WorkflowJob friday = j.createProject(WorkflowJob.class, "friday-restart");
            friday.setDefinition(new CpsFlowDefinition("node('shared-node') {\npm2Restart(" + common()
                    + ", apps: 'fri', settle: '2s', deadline: '30s', healthUrl: 'http://127.0.0.1:" + port + "/health')\n}",
                    true));
            j.buildAndAssertSuccess(hourly); // saves the hourly job's crash baseline
            j.buildAndAssertSuccess(friday);
            WorkflowRun after = j.buildAndAssertSuccess(hourly);
            xyz.twzrd.ops.core.Finding crashes = after.getAction(TwzrdBuildAction.class).getResult().finding("crashes")
                    .orElseThrow();
            assertThat(crashes.severity()).as(crashes.message()).isEqualTo(xyz.twzrd.ops.core.Severity.OK);
            assertThat(crashes.message()).startsWith("no unplanned restarts");
            hudson.FilePath state = agent.getRootPath().child("twzrd-ops/state");
            assertThat(state.child("pm2-planned-restarts.json").exists()).isTrue();
            assertThat(state.child("pm2-baseline-alerts.json").exists()).isTrue();
            assertThat(agent.getWorkspaceFor(hourly).child(".twzrd-ops").exists()).as("no state in the workspace").isFalse();
        } finally {
            pm2.pm2(Map.of(), "delete", "fri");
        }
    }

    /** A job of its own on the agent, for tests that look at several builds. */
    private WorkflowJob job(JenkinsRule j, String body) throws Exception {
        j.createOnlineSlave(j.jenkins.getLabel("vps"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node('vps') {\n" + body + "\n}", true));
        return job;
    }

    @Test
    void theSecondReportIsComparedWithTheFirst(JenkinsRule j) throws Exception {
        // the step empties its report folder each build: the comparison comes from the previous build's result
        WorkflowJob job = job(j, "twzrdHealthCheck(" + common() + ", onAlert: 'SUCCESS', onUnknown: 'UNSTABLE', config: "
                + MEMORY_ALERT_ONLY + ")");
        job.scheduleBuild2(0).get();
        WorkflowRun second = job.scheduleBuild2(0).get();
        String text = reportText(second);
        assertThat(text).contains("since the previous report").doesNotContain("No previous report to compare with");
    }

    private static String reportText(WorkflowRun b) throws IOException {
        for (var a : b.getArtifacts()) {
            if (a.relativePath.endsWith(".txt")) {
                try (var in = b.getArtifactManager().root().child(a.relativePath).open()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no text report archived in " + b);
    }

    @Test
    void restartFieldsLeftOutKeepTheConfiguredRestart(JenkinsRule j) throws Exception {
        int port = startWebApp("web2");
        int other = startWebApp("other2");
        try {
            TwzrdGlobalConfiguration.get().setConfig("pm2:\n  restart-apps: web2\n  settle: 1s\n  health-url: "
                    + "http://127.0.0.1:" + port + "/health\n");
            WorkflowRun b = run(j, "def r = pm2Restart(" + common() + ")\necho \"restart=${r.severity}\"", Result.SUCCESS);
            TwzrdBuildAction a = b.getAction(TwzrdBuildAction.class);
            assertThat(a.getResult().finding("restart:web2")).as("the configured app was restarted").isPresent();
            assertThat(a.getResult().finding("restart:other2")).as("pm2.restart-apps was not overridden").isEmpty();
            assertThat(other).isPositive();
        } finally {
            TwzrdGlobalConfiguration.get().setConfig(null);
            pm2.pm2(Map.of(), "delete", "web2");
            pm2.pm2(Map.of(), "delete", "other2");
        }
    }

    @Test
    void aStepConfigMergesWithTheGlobalOneAndSetsTheAlertPolicy(JenkinsRule j) throws Exception {
        TwzrdGlobalConfiguration.get().setConfig("thresholds:\n  memory: {alert: 0, emergency: 100}\n"
                + "  load: {alert: 100000, emergency: 100000}\n  disk: {alert: 100, emergency: 100}\n");
        try {
            // the step sets only the swap threshold and the debounce: the global memory threshold still applies
            WorkflowJob job = job(j, "def r = twzrdAlerts(" + common() + ", onAlert: 'SUCCESS', onUnknown: 'UNSTABLE', "
                    + "config: 'thresholds:\\n  swap: {alert: 100, emergency: 100}\\nalert: {debounce: 2}\\n')\n"
                    + "echo \"notify=${r.notify}\"");
            WorkflowRun first = job.scheduleBuild2(0).get();
            assertThat(first.getAction(TwzrdBuildAction.class).getResult().finding("memory").orElseThrow().severity())
                    .isEqualTo(xyz.twzrd.ops.core.Severity.ALERT);
            j.assertLogContains("notify=false", first);
            j.assertLogContains("notify=true", job.scheduleBuild2(0).get());
        } finally {
            TwzrdGlobalConfiguration.get().setConfig(null);
        }
    }

    // ---- issue 16: the job's actions, the trend's cost, the report page, the pipeline's environment ----

    @Test
    void failingBuildsStillShowTheHistoryAndTheTrend(JenkinsRule j) throws Exception {
        // disk above 0 % is an EMERGENCY: every build FAILURE, so Jenkins has no last successful build
        WorkflowJob job = job(j, "twzrdAlerts(" + common() + ", config: 'thresholds:\\n  disk: {alert: 0, emergency: 0}\\n')");
        j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0).get());
        j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0).get());
        assertThat(job.getLastSuccessfulBuild()).isNull();
        TwzrdJobAction trend = job.getAction(TwzrdJobAction.class);
        assertThat(trend).as("the job action of a job whose builds all failed").isNotNull();
        assertThat(trend.getCheck()).isEqualTo("alerts");
        assertThat(trend.getHistory()).hasSize(2).allMatch(a -> a.getSeverity() == xyz.twzrd.ops.core.Severity.EMERGENCY);
        assertThat(trend.isTrendVisible()).isTrue();
        // the pages as the server renders them (the chart's own script is echarts-api's)
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            assertThat(wc.getPage(job).asNormalizedText()).contains("twzrd-ops alerts history");
            HtmlPage history = wc.getPage(job, "twzrd-ops-alerts");
            assertThat(history.asNormalizedText()).contains("#1").contains("#2").contains("EMERGENCY");
        }
    }

    @Test
    void oneJobActionPerCheckAndAChartOnlyForChecksWithTrendValues(JenkinsRule j) throws Exception {
        WorkflowJob job = job(j, "twzrdTuningAudit(" + common() + ", onAlert: 'SUCCESS', onEmergency: 'SUCCESS', "
                + "onUnknown: 'UNSTABLE')\ntwzrdAlerts(" + common() + ", onAlert: 'SUCCESS', config: " + MEMORY_ALERT_ONLY + ")");
        job.scheduleBuild2(0).get();
        List<TwzrdJobAction> actions = job.getActions(TwzrdJobAction.class);
        assertThat(actions).extracting(TwzrdJobAction::getCheck).containsExactlyInAnyOrder("audit", "alerts");
        assertThat(actions).as("one result is no trend yet").noneMatch(TwzrdJobAction::isTrendVisible);
        job.scheduleBuild2(0).get();
        actions = job.getActions(TwzrdJobAction.class);
        assertThat(actions).filteredOn(a -> a.getCheck().equals("alerts")).singleElement()
                .satisfies(a -> assertThat(a.isTrendVisible()).isTrue());
        assertThat(actions).filteredOn(a -> a.getCheck().equals("audit")).singleElement().satisfies(a -> {
            assertThat(a.isTrendVisible()).as("the audit has no trend values").isFalse();
            assertThat(a.getHistory()).hasSize(2);
        });
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            String page = wc.getPage(job).asXml();
            assertThat(page).as("both history links").contains("twzrd-ops-alerts").contains("twzrd-ops-audit");
            // the chart's div names its action as the "tool" echarts-api links each point to
            assertThat(page).as("a chart for alerts, none for the audit").contains("tool=\"twzrd-ops-alerts\"")
                    .doesNotContain("tool=\"twzrd-ops-audit\"");
        }
    }

    @Test
    void thePreviousResultIsFoundAcrossBuildsOfOtherChecks(JenkinsRule j) throws Exception {
        String health = "twzrdHealthCheck(" + common() + ", onAlert: 'SUCCESS', onUnknown: 'UNSTABLE', config: "
                + MEMORY_ALERT_ONLY + ")";
        WorkflowJob job = job(j, health);
        WorkflowRun first = job.scheduleBuild2(0).get();
        job.setDefinition(new CpsFlowDefinition("node('vps') {\ntwzrdAlerts(" + common() + ", onAlert: 'SUCCESS', config: "
                + MEMORY_ALERT_ONLY + ")\n}", true));
        for (int i = 0; i < 3; i++) {
            j.buildAndAssertSuccess(job);
        }
        job.setDefinition(new CpsFlowDefinition("node('vps') {\n" + health + "\n}", true));
        WorkflowRun again = job.scheduleBuild2(0).get();
        assertThat(reportText(again)).contains("since the previous report");
        TwzrdBuildAction a = TwzrdBuildAction.of(again, "health-check");
        assertThat(a.getPointers()).as("pointers to the newest earlier build of each check")
                .containsEntry("health-check", first.getNumber()).containsEntry("alerts", again.getNumber() - 1);
        assertThat(TwzrdBuildAction.previous(again, "health-check").getOwner()).isEqualTo(first);
        assertThat(job.getActions(TwzrdJobAction.class)).filteredOn(t -> t.getCheck().equals("health-check"))
                .singleElement().satisfies(t -> assertThat(t.getHistory()).extracting(h -> h.getOwner().getNumber())
                        .containsExactly(again.getNumber(), first.getNumber()));
    }

    @Test
    void theReportPagePrintsNumbersAndTimesForPeople(JenkinsRule j) throws Exception {
        WorkflowJob job = job(j, "twzrdAlerts(" + common() + ", onAlert: 'SUCCESS', config: " + MEMORY_ALERT_ONLY + ")");
        j.buildAndAssertSuccess(job);
        WorkflowRun b = j.buildAndAssertSuccess(job);   // the second run counts crashes "since" the first
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            String report = wc.getPage(b, "twzrd-ops-alerts").asNormalizedText();
            assertThat(report).doesNotContainPattern("\\d\\.0 (restarts|count|exits|lines)")
                    .containsPattern("run \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC")
                    .doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d+Z")
                    .containsPattern("since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            String build = wc.getPage(b).asNormalizedText();
            assertThat(build).contains("ALERT alerts on").doesNotContain("ALERT — ALERT");
        }
    }

    @Test
    void withEnvPathAndPm2HomeReachTheCheck(JenkinsRule j) throws Exception {
        // pm2 by name only, and no pm2Home field: both come from the pipeline's environment
        int port = startWebApp("envweb");
        try {
            String bin = Path.of(pm2.bin()).toAbsolutePath().getParent().toString();
            WorkflowRun b = run(j, "withEnv(['PATH+PM2=" + bin + "', 'PM2_HOME=" + pm2.home() + "']) {\n"
                    + "def r = twzrdAlerts(onAlert: 'SUCCESS', config: " + QUIET_HOST + ")\necho \"env=${r.severity}\"\n}",
                    Result.SUCCESS);
            TwzrdBuildAction a = b.getAction(TwzrdBuildAction.class);
            assertThat(a.getResult().finding("process:envweb")).as("the daemon of the pipeline's PM2_HOME").isPresent();
            assertThat(a.getResult().finding("pm2").orElseThrow().severity()).as("pm2 found on the pipeline's PATH")
                    .isEqualTo(xyz.twzrd.ops.core.Severity.OK);
            j.assertLogNotContains(bin, b);
            // a pipeline PATH without pm2: the agent JVM's own PATH does not count
            Path empty = Files.createTempDirectory(pm2.home(), "empty-bin");
            WorkflowRun without = run(j, "withEnv(['PATH=" + empty + "']) {\ntwzrdAlerts(onUnknown: 'UNSTABLE', config: "
                    + QUIET_HOST + ")\n}", Result.UNSTABLE);
            assertThat(without.getAction(TwzrdBuildAction.class).getResult().finding("pm2").orElseThrow().message())
                    .contains("pm2 not found");
            assertThat(port).isPositive();
        } finally {
            pm2.pm2(Map.of(), "delete", "envweb");
        }
    }

    @Test
    void withEnvHomeIsWherePm2KeepsItsHomeWhenNoneIsGiven(JenkinsRule j) throws Exception {
        // no pm2Home and no PM2_HOME: the check reads ~/.pm2 of the pipeline's HOME, as pm2 would; no daemon runs
        // there, so it says so, and it starts none (pm2 itself would have)
        Path home = Files.createTempDirectory(Path.of("/tmp"), "th-");
        String bin = Path.of(pm2.bin()).toAbsolutePath().getParent().toString();
        WorkflowRun b = run(j, "withEnv(['PATH+PM2=" + bin + "', 'HOME=" + home + "']) {\ntwzrdAlerts(onAlert: 'SUCCESS', "
                + "onUnknown: 'UNSTABLE', config: " + QUIET_HOST + ")\n}", null);
        assertThat(b.getAction(TwzrdBuildAction.class).getResult().finding("pm2").orElseThrow().message())
                .as("pm2's home below the pipeline's HOME").contains("PM2_HOME=" + home.resolve(".pm2"));
        assertThat(home.resolve(".pm2")).as("no daemon started there").doesNotExist();
        Files.delete(home);
    }

    @Test
    void aHostKeyMismatchNamesTheKnownHostsSourceNotATemporaryFile(JenkinsRule j) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair hostKey = g.generateKeyPair();
        java.security.KeyPair otherKey = g.generateKeyPair();
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPublickeyAuthenticator((user, key, session) -> false);
        sshd.start();
        try {
            KeyPair client = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048);
            ByteArrayOutputStream pem = new ByteArrayOutputStream();
            client.writeOpenSSHv1PrivateKey(pem, null);
            client.dispose();
            CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(),
                    new BasicSSHUserPrivateKey(CredentialsScope.GLOBAL, "vps-key", "deploy",
                            new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(pem.toString(StandardCharsets.UTF_8)),
                            null, "test key"));
            String wrong = "[127.0.0.1]:" + sshd.getPort() + " " + PublicKeyEntry.toString(otherKey.getPublic());
            WorkflowRun b = run(j, "twzrdAlerts(target: 'deploy@127.0.0.1:" + sshd.getPort() + "', credentialsId: 'vps-key', "
                    + "knownHosts: '" + wrong + "', onUnknown: 'UNSTABLE')", Result.UNSTABLE);
            String message = b.getAction(TwzrdBuildAction.class).getResult().finding("connection").orElseThrow().message();
            assertThat(message).contains("CHANGED").contains("which does not match the step's knownHosts")
                    .doesNotContain("twzrd-known-hosts").doesNotContain(System.getProperty("java.io.tmpdir"));
            TwzrdGlobalConfiguration.get().setKnownHosts(wrong);
            WorkflowRun global = run(j, "twzrdAlerts(target: 'deploy@127.0.0.1:" + sshd.getPort() + "', "
                    + "credentialsId: 'vps-key', onUnknown: 'UNSTABLE')", Result.UNSTABLE);
            assertThat(global.getAction(TwzrdBuildAction.class).getResult().finding("connection").orElseThrow().message())
                    .contains("which does not match the global knownHosts");
        } finally {
            TwzrdGlobalConfiguration.get().setKnownHosts(null);
            sshd.stop(true);
        }
    }
}
