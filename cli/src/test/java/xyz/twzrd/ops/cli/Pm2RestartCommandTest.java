package xyz.twzrd.ops.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twzrd-ops pm2-restart} as a user runs it, against a real pm2 daemon with a healthy HTTP app. */
class Pm2RestartCommandTest {
    static Pm2Sandbox pm2;
    static int port;

    @TempDir
    Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        pm2 = new Pm2Sandbox();
        port = FreePort.loopback();
        pm2.start("healthy.js", "web", Map.of("PORT", String.valueOf(port), "TWZRD_SECRET", "hunter2-cli"));
    }

    @AfterAll
    static void killPm2() throws Exception {
        pm2.close();
    }

    Run restart(String... more) {
        List<String> args = new ArrayList<>(List.of("pm2-restart", "--state-dir", dir.resolve("state").toString(),
                "--report-dir", dir.resolve("reports").toString(), "--settle", "500ms"));
        args.addAll(pm2.runnerOptions());
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    @Test
    void verifiedRestartExitsZero() {
        Run r = restart("--apps", "web", "--health-url", "http://127.0.0.1:" + port + "/health", "--deadline", "20s");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("OK pm2-restart on ").contains("all 2 findings OK");
        Run json = restart("--json", "--health-url", "http://127.0.0.1:" + port + "/health");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"check\" : \"pm2-restart\"").contains("\"restart:web\"")
                .contains("\"processes\"").doesNotContain("hunter2-cli").doesNotContain("TWZRD_SECRET");
    }

    @Test
    void aDeadEndpointIsAnEmergencyNamingIt() throws Exception {
        int dead = FreePort.loopback();
        Run r = restart("--health-url", "http://127.0.0.1:" + dead + "/health", "--deadline", "1s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("EMERGENCY pm2-restart").contains("EMERGENCY health: http://127.0.0.1:" + dead
                + "/health did not answer 2xx within 1s");
    }

    @Test
    void aBlankAppListRestartsNothing() throws Exception {
        long before = restarts();
        for (String blank : new String[] {"", " "}) {
            Run r = restart("--apps", blank, "--health-url", "http://127.0.0.1:" + port + "/health");
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
            assertThat(r.err()).contains("pm2.restart-apps: is blank");
            assertThat(r.out()).isEmpty();
        }
        Path yaml = dir.resolve("blank.yaml");
        java.nio.file.Files.writeString(yaml, "pm2:\n  restart-apps: \"\"\n");
        Run fromFile = restart("--config", yaml.toString());
        assertThat(fromFile.exit()).isEqualTo(3);
        assertThat(fromFile.err()).contains("pm2.restart-apps: is blank").contains("(from " + yaml + ")");
        assertThat(restarts()).as("nothing was restarted").isEqualTo(before);
        Run all = restart("--apps", "all", "--rolling");
        assertThat(all.exit()).as(all.out() + all.err()).isZero();
        assertThat(restarts()).isEqualTo(before + 1);
    }

    /** web's restart count, read with pm2 jlist. */
    long restarts() throws Exception {
        return new xyz.twzrd.ops.core.pm2.Pm2Client(new xyz.twzrd.ops.core.exec.LocalCommandRunner(),
                new xyz.twzrd.ops.core.pm2.Pm2Settings(pm2.bin(), pm2.home(), java.time.Duration.ofSeconds(30)))
                .list().get(0).restarts();
    }

    @Test
    void badAppNamesAreRefusedAndUnknownAppsAreUnknown() {
        Run bad = restart("--apps", "web;reboot");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("pm2.restart-apps: 'web;reboot' is not a valid PM2 app name");
        Run blank = restart("--apps", "");
        assertThat(blank.exit()).isEqualTo(3);
        assertThat(blank.err()).contains("pm2.restart-apps: is blank: a blank app list restarts nothing; say all to"
                + " restart every app, or name the apps (a,b) (from --apps)");
        Run unknown = restart("--apps", "nope");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.out()).contains("UNKNOWN restart: nothing restarted: PM2 has no app named nope");
    }
}
