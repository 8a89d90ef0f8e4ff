package xyz.twzrd.ops.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckResultTest {
    private static final Instant T = Instant.parse("2026-11-30T00:00:00.123Z");

    private static CheckResult sample() {
        return new CheckResult("alerts", "vps1", T, Duration.ofMillis(42), List.of(
                new Finding("swap", Severity.ALERT, 25.0, "%", 20.0, 80.0, "swap 25.0% used"),
                new Finding("load", Severity.OK, 1.5, "load", 8.0, 12.0, "load ok"),
                Finding.unknown("disk", "no local file system found")));
    }

    @Test
    void severityIsTheWorstFinding() {
        assertThat(sample().getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(new CheckResult("alerts", "h", T, Duration.ZERO, List.of()).getSeverity()).isEqualTo(Severity.OK);
    }

    @Test
    void summaryNamesTheFindingsThatAreNotOk() {
        assertThat(sample().getSummary()).isEqualTo("UNKNOWN alerts on vps1: swap ALERT, disk UNKNOWN");
    }

    @Test
    void jsonHasTheSchemaOneContract() throws Exception {
        JsonNode n = Json.mapper().readTree(Json.compact(sample()));
        assertThat(n.get("schema").asInt()).isEqualTo(1);
        assertThat(n.get("check").asText()).isEqualTo("alerts");
        assertThat(n.get("host").asText()).isEqualTo("vps1");
        assertThat(n.get("startedAt").asText()).isEqualTo("2026-11-30T00:00:00.123Z");
        assertThat(n.get("durationMs").asLong()).isEqualTo(42);
        assertThat(n.get("severity").asText()).isEqualTo("UNKNOWN");
        JsonNode f = n.get("findings").get(0);
        for (String field : List.of("id", "severity", "value", "unit", "alert", "emergency", "message")) {
            assertThat(f.has(field)).as(field).isTrue();
        }
        JsonNode unknown = n.get("findings").get(2);
        assertThat(unknown.get("value").isNull()).isTrue();
        assertThat(unknown.has("alert")).isTrue();
    }

    @Test
    void roundTripKeepsFindingsAndSections() {
        CheckResult r = sample();
        r.putSection("logs", List.of(Map.of("path", "/var/log/a.log", "errorLines", 3)));
        CheckResult back = Json.readResult(Json.pretty(r));
        assertThat(back.getFindings()).isEqualTo(r.getFindings());
        assertThat(back.getStartedAt()).isEqualTo(T);
        assertThat(back.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(back.getSections()).containsKey("logs");
        assertThat(Json.compact(back)).isEqualTo(Json.compact(r));
    }

    @Test
    void garbageIsAClearError() {
        assertThatThrownBy(() -> Json.readResult("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a twzrd-ops result");
    }
}
