package xyz.twzrd.ops.core.history;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.Severity;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A history line as the streaming codec writes it, against databind's line of before. */
class HistoryRecordJsonTest {
    @Test
    void lineIsDatabindsLineAndReadsBack() throws IOException {
        HistoryRecord r = new HistoryRecord(Instant.parse("2026-11-30T01:00:00Z"), "alerts", "vps-1", Severity.ALERT,
                Map.of("swap", 25.5, "load", 3.0, "crashes", 0.0), Map.of("swap", Severity.ALERT, "load", Severity.OK, "x\"y", Severity.UNKNOWN));
        String ours = JsonStream.compact(HistoryRecord.JSON, r);
        assertThat(ours).doesNotContain("\n");
        assertThat(Json.mapper().readTree(ours)).isEqualTo(Json.mapper().readTree(Json.compact(r)));
        assertThat(JsonStream.read(HistoryRecord.JSON, ours)).isEqualTo(r);
        HistoryRecord noHost = new HistoryRecord(r.at(), "alerts", null, Severity.OK, null, null);
        assertThat(JsonStream.compact(HistoryRecord.JSON, noHost)).isEqualTo(Json.compact(noHost));
    }
}
