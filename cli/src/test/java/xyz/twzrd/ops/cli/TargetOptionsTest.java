package xyz.twzrd.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.host.HostProbe;
import xyz.twzrd.ops.core.testkit.FreePort;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --target} on a check command: hosts that cannot be reached, several hosts, usage errors, state per host. */
class TargetOptionsTest {
    @TempDir
    Path dir;

    Run run(String... args) {
        return Run.of(args);
    }

    private String[] alerts(String... targets) throws Exception {
        Path key = Files.writeString(dir.resolve("id"), "not a key");
        Path kh = Files.writeString(dir.resolve("known_hosts"), "");
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("alerts", "--json",
                "--state-dir", dir.resolve("s").toString(), "--report-dir", dir.resolve("r").toString(),
                "--identity", key.toString(), "--known-hosts", kh.toString(),
                "--ssh-connect-timeout", "2s", "--parallel", "2"));
        for (String t : targets) {
            a.add("--target");
            a.add(t);
        }
        return a.toArray(String[]::new);
    }

    @Test
    void oneUnreachableHostIsAPlainUnknownResult() throws Exception {
        int port = FreePort.loopback();
        Run r = run(alerts("ops@127.0.0.1:" + port));
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        JsonNode n = Json.mapper().readTree(r.out());
        assertThat(n.get("schema").asInt()).isEqualTo(1);
        assertThat(n.get("host").asText()).isEqualTo("127.0.0.1:" + port);
        assertThat(n.get("findings")).hasSize(1);
        assertThat(n.get("findings").get(0).get("id").asText()).isEqualTo("connection");
        assertThat(n.get("findings").get(0).get("message").asText()).contains("could not be loaded").doesNotContain("not a key");
    }

    @Test
    void severalHostsGiveOneResultEachAndTheWorstSeverity() throws Exception {
        Run r = run(alerts("ops@127.0.0.1:" + FreePort.loopback(), "ops@127.0.0.1:" + FreePort.loopback()));
        assertThat(r.exit()).isEqualTo(3);
        JsonNode n = Json.mapper().readTree(r.out());
        assertThat(n.get("severity").asText()).isEqualTo("UNKNOWN");
        assertThat(n.get("results")).hasSize(2);
        assertThat(n.get("results").get(0).get("check").asText()).isEqualTo("alerts");
    }

    @Test
    void badTargetIsAUsageError() throws Exception {
        Run r = run(alerts("no-user-here"));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--target: target must be user@host[:port], not 'no-user-here'");
    }
}
