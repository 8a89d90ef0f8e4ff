package xyz.twzrd.ops.jenkins;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
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

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    private static String pm2;
    private static Path pm2Home;

    @BeforeAll
    static void pm2() throws Exception {
        pm2 = System.getProperty("twzrd.pm2");
        assertThat(pm2).as("system property twzrd.pm2 (set by the build)").isNotBlank();
        assertThat(Path.of(pm2)).as("pinned pm2 installed by the core module's build").exists();
        pm2Home = Files.createTempDirectory(Path.of("/tmp"), "tj-");
    }

    @AfterAll
    static void killPm2() throws Exception {
        pm2Cli(Map.of(), "kill");
    }

    /** Runs the pinned pm2 against the test's PM2_HOME; fails on a non-zero exit. */
    private static void pm2Cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(pm2));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(pm2Home.resolve("pm2-cli.log").toFile());
        pb.environment().put("PM2_HOME", pm2Home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pm2 " + String.join(" ", args) + " finished").isTrue();
        assertThat(p.exitValue()).as("exit code of pm2 " + String.join(" ", args)).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts a small HTTP app under pm2 (GET /health answers 200) and returns its port. */
    private static int startWebApp(String name) throws Exception {
        int port = freePort();
        Path app = Files.writeString(pm2Home.resolve(name + ".js"), "require('http').createServer((q, s) => {"
                + " s.writeHead(q.url === '/health' ? 200 : 404); s.end('ok'); }).listen(" + port + ", '127.0.0.1');\n");
        pm2Cli(Map.of(), "start", app.toString(), "--name", name);
        return port;
    }

    private static String common() {
        return "pm2: '" + pm2 + "', pm2Home: '" + pm2Home + "'";
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
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(b, "twzrd-ops-alerts");
            assertThat(page.asNormalizedText()).contains("memory").contains("ALERT");
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
        WorkflowRun b = run(j, "twzrdAlerts(pm2: '/nonexistent/pm2', onUnknown: 'UNSTABLE')", Result.UNSTABLE);
        j.assertLogContains("UNKNOWN", b);
        run(j, "twzrdAlerts(pm2: '/nonexistent/pm2', onUnknown: 'SUCCESS')", Result.FAILURE);
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
        assertThat(trend.getBuildTrendModel()).contains("memory");
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
            pm2Cli(Map.of(), "delete", "web");
        }
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
        g.setPm2(pm2);
        g.setPm2Home(pm2Home.toString());
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
            pm2Cli(Map.of(), "delete", "fri");
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
            pm2Cli(Map.of(), "delete", "web2");
            pm2Cli(Map.of(), "delete", "other2");
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
}
