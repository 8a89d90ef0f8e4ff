package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment a caller gives the run (the Jenkins step's PATH and PM2_HOME) reaches the real pm2: pm2 named
 * only by name is found on the given PATH, and the daemon of the given PM2_HOME is the one asked. pm2 is not on this
 * JVM's PATH, and no pm2 home is configured.
 */
class RunEnvironmentTest {
    private static final String QUIET_HOST = """
            thresholds:
              memory: {alert: 100, emergency: 100}
              swap: {alert: 100, emergency: 100}
              load: {alert: 100000, emergency: 100000}
              disk: {alert: 100, emergency: 100}
            """;

    static Pm2Sandbox pm2;

    @TempDir
    Path state;

    @BeforeAll
    static void startApp() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.start("worker.js", "envworker", Map.of());
        pm2.await("envworker", p -> p.status().equals("online"));
    }

    @AfterAll
    static void kill() throws Exception {
        pm2.close();
    }

    private RunRequest alerts() {
        return RunRequest.of(CheckKind.ALERTS).stateDir(state)
                .config(ConfigLayers.defaults().yaml("test", QUIET_HOST).set("test", "pm2.command-timeout", "30s"));
    }

    @Test
    void pm2ByNameAndItsHomeComeFromTheGivenEnvironment() {
        Path bin = Path.of(pm2.bin()).toAbsolutePath().getParent();
        RunOutcome o = CheckRun.run(alerts().environment(Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "PM2_HOME", pm2.home().toString())));
        assertThat(o.result().finding("process:envworker")).as(o.text()).isPresent()
                .get().extracting(Finding::severity).isEqualTo(Severity.OK);
        assertThat(o.result().finding("pm2")).get().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.OK);
            assertThat(f.message()).isEqualTo("PM2 at PM2_HOME=" + pm2.home() + " runs 1 app");
        });
        // nothing of the environment is in the result
        assertThat(o.json()).doesNotContain(bin.toString()).doesNotContain(System.getenv("PATH"));
    }

    @Test
    void withoutItPm2IsNotFoundOnTheJvmsPath() {
        RunOutcome o = CheckRun.run(alerts());
        assertThat(o.result().finding("pm2")).isPresent().get().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(f.message()).contains("pm2 not found");
        });
    }
}
