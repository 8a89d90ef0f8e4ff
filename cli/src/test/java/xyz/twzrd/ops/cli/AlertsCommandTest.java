package xyz.twzrd.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner as a user calls it, on this live host; thresholds are forced so the outcome is known. PM2 is the
 * pinned one with a daemon of its own and no apps, so its findings are OK.
 */
class AlertsCommandTest {
    static Pm2Sandbox pm2;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPm2() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.pm2(java.util.Map.of(), "ping"); // the daemon; the check itself never starts one
    }

    @AfterAll
    static void killPm2() throws Exception {
        pm2.close();
    }

    Run run(String... args) {
        return Run.of(args);
    }

    private String[] alerts(String... more) {
        // pin every threshold the test is not about far out of reach, so a busy host cannot change the outcome
        List<String> base = new ArrayList<>(List.of("alerts", "--state-dir", dir.resolve("state").toString(),
                "--report-dir", dir.resolve("r").toString(), "--load-alert", "100000", "--load-emergency", "100000",
                "--swap-alert", "100", "--swap-emergency", "100"));
        base.addAll(pm2.runnerOptions());
        base.addAll(List.of(more));
        return base.toArray(String[]::new);
    }

    @Test
    void memoryAboveAlertExitsOneAndNamesTheFinding() {
        Run r = run(alerts("--memory-alert", "0", "--memory-emergency", "100", "--disk-alert", "100", "--disk-emergency", "100"));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("ALERT memory:").contains("above the alert threshold 0%");
    }

    @Test
    void diskAboveEmergencyExitsTwo() {
        Run r = run(alerts("--disk-alert", "0", "--disk-emergency", "0", "--memory-alert", "100", "--memory-emergency", "100"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("EMERGENCY alerts on ").contains("EMERGENCY disk:/");
    }

    @Test
    void jsonIsTheResultContract() throws Exception {
        Run r = run(alerts("--json", "--memory-alert", "0", "--memory-emergency", "100", "--disk-alert", "100", "--disk-emergency", "100"));
        JsonNode n = Json.mapper().readTree(r.out());
        assertThat(n.get("schema").asInt()).isEqualTo(1);
        assertThat(n.get("check").asText()).isEqualTo("alerts");
        assertThat(n.get("severity").asText()).isIn("ALERT", "UNKNOWN", "EMERGENCY");
        assertThat(n.get("findings").findValuesAsText("id")).contains("swap", "load", "memory", "crashes", "crash-loop");
        assertThat(n.get("processes").isArray()).isTrue();
        assertThat(r.exit()).isEqualTo(Json.readResult(r.out()).getSeverity().exitCode());
    }

    @Test
    void badArgumentsExitThreeWithAMessage() {
        Run r = run("alerts", "--load-window", "7");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("thresholds.load.window: must be 1, 5 or 15");
        Run unknown = run("alerts", "--no-such-flag");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("Unknown option: '--no-such-flag'");
        Run none = run();
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.err()).contains("a command is required");
    }

    @Test
    void invalidConfigFileNamesTheKey() throws Exception {
        Path cfg = dir.resolve("twzrd.yml");
        Files.writeString(cfg, "thresholds:\n  swap:\n    alert: lots\n");
        Run r = run(alerts("--config", cfg.toString()));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("thresholds.swap.alert").contains(cfg.toString());
    }

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path cfg = dir.resolve("twzrd.yml");
        Files.writeString(cfg, "thresholds:\n  memory:\n    alert: 0\n    emergency: 100\n");
        assertThat(run(alerts("--config", cfg.toString())).out()).contains("ALERT memory:");
        assertThat(run(alerts("--config", cfg.toString(), "--memory-alert", "100")).out()).doesNotContain("ALERT memory:");
    }

    @Test
    void expectedAppsThatDoNotRunAreAnEmergencyEach() {
        Run r = run(alerts("--expect-apps", "gateway,tree-builder", "--memory-alert", "100", "--memory-emergency", "100",
                "--disk-alert", "100", "--disk-emergency", "100"));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out()).contains("EMERGENCY process:gateway: gateway is not running under PM2 (PM2_HOME=" + pm2.home() + ")")
                .contains("EMERGENCY process:tree-builder:");
        Run bad = run(alerts("--expect-apps", "ok,<bad>"));
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("pm2.expected-apps").contains("'<bad>' is not a valid PM2 app name").contains("--expect-apps");
    }
}
