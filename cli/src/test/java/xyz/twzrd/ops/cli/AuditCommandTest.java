package xyz.twzrd.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twzrd-ops audit} as a user runs it, on this live host: invariants only. */
class AuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void auditOnThisHostReportsEveryFindingAndChangesNothing() throws Exception {
        String swappiness = Files.readAllLines(Path.of("/proc/sys/vm/swappiness")).get(0).strip();
        Path config = Files.writeString(dir.resolve("ops.yaml"), "audit:\n  swappiness: " + swappiness + "\n  check-updates: false\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"audit", "--json", "--config", config.toString(),
                "--pm2", dir.resolve("no-such-pm2").toString(),
                "--state-dir", dir.resolve("s").toString(), "--report-dir", dir.resolve("r").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        JsonNode n = Json.mapper().readTree(out.toString());
        assertThat(n.get("check").asText()).isEqualTo("audit");
        assertThat(n.get("findings").findValuesAsText("id"))
                .containsExactly("swappiness", "memory-limits", "log-rotation", "env-review");
        JsonNode swap = n.get("findings").get(0);
        assertThat(swap.get("value").asDouble()).isEqualTo(Double.parseDouble(swappiness));
        assertThat(swap.get("details").get("found").asText()).isEqualTo("vm.swappiness=" + swappiness);
        assertThat(swap.get("severity").asText()).isEqualTo("OK");
        JsonNode env = n.get("findings").get(3);
        assertThat(env.get("severity").asText()).isEqualTo("UNKNOWN");
        assertThat(env.get("message").asText()).contains("no-such-pm2");
        assertThat(n.get("severity").asText()).isEqualTo("UNKNOWN");
        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(Files.readAllLines(Path.of("/proc/sys/vm/swappiness")).get(0).strip()).isEqualTo(swappiness);
        // the audit changes nothing on the host; like every check it is a run of its own: history, alert state and
        // the dated report set are the runner's files (and the lock runs on the folder take turns with)
        try (var s = Files.list(dir.resolve("s"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("history.jsonl", "history.lock",
                    "alert-state-audit.json", "run.lock");
        }
        try (var r = Files.list(dir.resolve("r"))) {
            assertThat(r.map(p -> p.getFileName().toString())).allMatch(f -> f.startsWith("audit-report-")).hasSize(3);
        }
    }
}
