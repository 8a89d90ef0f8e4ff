package xyz.twzrd.ops.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

/** The streaming read of a history line: what the store writes reads back equal; anything else is not a record. */
class HistoryRecordParserTest {
    private static HistoryRecord parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return HistoryRecordParser.parse(b, 0, b.length);
    }

    @Test
    void readsBackWhatTheStoreWritesAndWhatDatabindReads() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("swap", 21.5);
        values.put("process:api \"v2\" \u00e9", 3.0);
        values.put("disk:/", 0.0);
        Map<String, Severity> findings = new LinkedHashMap<>();
        findings.put("swap", Severity.ALERT);
        findings.put("process:api \"v2\" \u00e9", Severity.EMERGENCY);
        findings.put("pm2", Severity.UNKNOWN);
        for (HistoryRecord r : new HistoryRecord[] {
                new HistoryRecord(Instant.parse("2026-03-01T00:00:00Z"), "alerts", "vps-1", Severity.EMERGENCY, values, findings),
                new HistoryRecord(Instant.parse("2026-03-01T00:00:00.123456789Z"), "health-check", null, Severity.OK, Map.of(), Map.of())}) {
            String line = Json.compact(r);
            assertThat(parse(line)).isEqualTo(r).isEqualTo(Json.mapper().convertValue(Json.mapper().valueToTree(r), HistoryRecord.class));
        }
    }

    @Test
    void skipsUnknownKeysAsTheLenientMapperDid() {
        HistoryRecord r = parse("{\"at\":\"2026-03-01T00:00:00Z\",\"v\":2,\"extra\":{\"a\":[1,{\"b\":null}]},\"check\":\"alerts\","
                + "\"host\":\"h\",\"severity\":\"ALERT\",\"values\":{\"load\":9},\"findings\":{\"load\":\"ALERT\"}}");
        assertThat(r).isNotNull();
        assertThat(r.values()).containsEntry("load", 9.0);
        assertThat(r.findings()).containsEntry("load", Severity.ALERT);
    }

    @Test
    void anythingElseIsNotARecord() {
        String ok = "{\"at\":\"2026-03-01T00:00:00Z\",\"check\":\"alerts\",\"severity\":\"OK\"}";
        assertThat(parse(ok)).isNotNull();
        for (String bad : new String[] {
                "", "[]", "{}", "not json", "{not json}", ok + "{}", ok.substring(0, ok.length() - 1),
                "{\"check\":\"alerts\",\"severity\":\"OK\"}",
                "{\"at\":\"yesterday\",\"check\":\"alerts\",\"severity\":\"OK\"}",
                "{\"at\":12,\"check\":\"alerts\",\"severity\":\"OK\"}",
                "{\"at\":\"2026-03-01T00:00:00Z\",\"severity\":\"OK\"}",
                "{\"at\":\"2026-03-01T00:00:00Z\",\"check\":\"alerts\",\"severity\":\"FINE\"}",
                "{\"at\":\"2026-03-01T00:00:00Z\",\"check\":\"alerts\",\"severity\":\"OK\",\"values\":{\"swap\":\"high\"}}",
                "{\"at\":\"2026-03-01T00:00:00Z\",\"check\":\"alerts\",\"severity\":\"OK\",\"values\":[1]}",
                "{\"at\":\"2026-03-01T00:00:00Z\",\"check\":\"alerts\",\"severity\":\"OK\",\"findings\":{\"swap\":\"BAD\"}}"}) {
            assertThat(parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void readsOneEscapedString() {
        byte[] b = "x\"a\\\"b\\u00e9\"y".getBytes(StandardCharsets.UTF_8);
        assertThat(HistoryRecordParser.string(b, 1, b.length - 2)).isEqualTo("a\"b\u00e9");
        assertThat(HistoryRecordParser.string(b, 0, 1)).isNull();
    }
}
