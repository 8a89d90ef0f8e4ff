package xyz.twzrd.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twzrd-ops logs} as a user runs it: first scan, incremental scan, JSON section, full rescan. */
class LogsCommandTest {
    @TempDir
    Path dir;

    Run run(String... args) {
        return Run.of(args);
    }

    @Test
    void scanThenIncrementalThenFull() throws Exception {
        // logs writes a report set only when something is not OK
        String reports = dir.resolve("reports").toString();
        Path log = dir.resolve("api-error.log");
        Files.writeString(log, "2026-11-29T10:00:00: TypeError: x is undefined\nok\n2026-11-29T10:00:01: TypeError: x is undefined\n");
        String state = dir.resolve("state").toString();

        Run first = run("logs", "--logs", log.toString(), "--state-dir", state, "--report-dir", reports);
        assertThat(first.exit()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).startsWith("ALERT logs on ").contains("2 new error lines in 1 log file")
                .contains(log + ": 2 error lines").contains("2× TypeError: x is undefined");

        Run quiet = run("logs", "--logs", log.toString(), "--state-dir", state, "--report-dir", reports);
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out().strip()).startsWith("OK logs on ").doesNotContain("\n");

        Files.writeString(log, "FATAL gone\n", StandardOpenOption.APPEND);
        Run json = run("logs", "--json", "--logs", log.toString(), "--state-dir", state, "--report-dir", reports);
        JsonNode n = Json.mapper().readTree(json.out());
        assertThat(n.get("check").asText()).isEqualTo("logs");
        JsonNode file = n.get("logs").get(0);
        assertThat(file.get("path").asText()).isEqualTo(log.toString());
        assertThat(file.get("errorLines").asLong()).isEqualTo(1);
        assertThat(file.get("bytesScanned").asLong()).isEqualTo("FATAL gone\n".length());
        assertThat(file.get("signatures").get(0).get("signature").asText()).isEqualTo("FATAL gone");
        assertThat(file.get("signatures").get(0).has("firstSeen")).isTrue();

        Run full = run("logs", "--json", "--full", "--logs", log.toString(), "--state-dir", state, "--report-dir", reports);
        assertThat(Json.mapper().readTree(full.out()).get("logs").get(0).get("errorLines").asLong()).isEqualTo(3);
    }

    @Test
    void unreadableFileIsUnknownWithExitThree() {
        Run r = run("logs", "--logs", dir.resolve("nope.log").toString(), "--state-dir", dir.resolve("s").toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("UNKNOWN log:" + dir.resolve("nope.log") + ": " + dir.resolve("nope.log") + " does not exist");
    }
}
