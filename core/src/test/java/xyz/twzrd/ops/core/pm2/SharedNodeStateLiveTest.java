package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.NodeState;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Jenkins steps do on one node, with the real pm2: two jobs (the Friday {@code pm2Restart} and the hourly
 * {@code twzrdAlerts}), each keeping its alert state in its builds (caller state), both using the node's state
 * folder. The Friday restart is then not counted as crashes by the hourly job; with a folder per job it would be.
 */
class SharedNodeStateLiveTest {
    static Pm2Sandbox pm2;
    static int port;

    @TempDir
    static Path nodeRoot;

    @BeforeAll
    static void startApp() throws Exception {
        pm2 = new Pm2Sandbox();
        port = FreePort.loopback();
        pm2.start("healthy.js", "web", Map.of("PORT", String.valueOf(port)));
        pm2.await("web", Pm2Process::online);
    }

    @AfterAll
    static void killDaemon() throws Exception {
        pm2.close();
    }

    private static ConfigLayers layers() {
        return ConfigLayers.defaults().yaml("global configuration", """
                thresholds:
                  swap: {alert: 100, emergency: 100}
                  load: {alert: 100000, emergency: 100000}
                  memory: {alert: 100, emergency: 100}
                  disk: {alert: 100, emergency: 100}
                """).set("step", "pm2.program", pm2.settings().pm2()).set("step", "pm2.home", pm2.home().toString());
    }

    /** One build of a job: the previous build's alert state and result in, this build's out. */
    private static RunOutcome build(CheckKind check, String stateDir, RunOutcome previous, ConfigLayers layers,
                                    Path reports) {
        return CheckRun.run(RunRequest.of(check).config(layers).stateDir(Path.of(stateDir)).reportDir(reports)
                .callerState(previous == null ? "" : previous.alertStateJson(), previous == null ? "" : previous.json()));
    }

    @Test
    void theFridayRestartOfOneJobIsNotCountedAsCrashesByTheHourlyJob() throws Exception {
        String nodeFolder = NodeState.folder(nodeRoot.toString(), null, null);
        assertThat(nodeFolder).isEqualTo(nodeRoot + "/twzrd-ops/state");
        String workspaceOfAlerts = nodeRoot.resolve("workspace/alerts/.twzrd-ops/state").toString();

        RunOutcome hourly = build(CheckKind.ALERTS, nodeFolder, null, layers(), nodeRoot.resolve("b1"));
        RunOutcome ownFolder = build(CheckKind.ALERTS, workspaceOfAlerts, null, layers(), nodeRoot.resolve("b2"));
        RunOutcome friday = build(CheckKind.PM2_RESTART, nodeFolder, null, layers().set("step", "pm2.restart-apps", "web")
                .set("step", "pm2.settle", "1s").set("step", "pm2.health-url", "http://127.0.0.1:" + port + "/health")
                .set("step", "pm2.deadline", "30s"), nodeRoot.resolve("b3"));
        assertThat(friday.severity()).as(friday.text()).isEqualTo(Severity.OK);
        assertThat(Path.of(nodeFolder, PlannedRestarts.FILE)).exists();

        RunOutcome nextHour = build(CheckKind.ALERTS, nodeFolder, hourly, layers(), nodeRoot.resolve("b4"));
        Finding crashes = nextHour.result().finding(CrashAccounting.FINDING).orElseThrow();
        assertThat(crashes.severity()).as(crashes.message()).isEqualTo(Severity.OK);
        assertThat(crashes.message()).startsWith("no unplanned restarts");
        assertThat(nextHour.severity()).isEqualTo(Severity.OK);

        // the old way, a state folder per job workspace: the planned restart is invisible and counted
        RunOutcome isolated = build(CheckKind.ALERTS, workspaceOfAlerts, ownFolder, layers(), nodeRoot.resolve("b5"));
        assertThat(isolated.result().finding(CrashAccounting.FINDING).orElseThrow().severity()).isEqualTo(Severity.ALERT);
        // the builds keep the alert state: none of it in the node's folder
        assertThat(Files.list(Path.of(nodeFolder)).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith("alert-state") || n.startsWith("history"));
    }
}
