package xyz.twzrd.ops.core.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.JsonStream.Codec;
import xyz.twzrd.ops.core.Severity;

/**
 * One compact line of history per run: when, which check, the overall severity, the measured value
 * of each finding and the severity of each finding. Small enough that a year of hourly runs loads in
 * well under a second.
 *
 * @param at       when the run started (UTC)
 * @param check    the check name, e.g. {@code alerts}, {@code health-check}
 * @param host     the host the check ran on
 * @param severity the worst severity of the run
 * @param values   finding id to measured value (findings without a value are left out)
 * @param findings finding id to severity
 */
@JsonPropertyOrder({"at", "check", "host", "severity", "values", "findings"})
public record HistoryRecord(Instant at, String check, String host, Severity severity,
                            Map<String, Double> values, Map<String, Severity> findings) {

    public HistoryRecord {
        values = values == null ? Map.of() : Map.copyOf(values);
        findings = findings == null ? Map.of() : Map.copyOf(findings);
    }

    /**
     * One history line's JSON, written as {@link xyz.twzrd.ops.core.Json} writes a record (the order above, no
     * null host) and read by {@link HistoryRecordParser} (null for a line that is not a whole record).
     */
    static final Codec<HistoryRecord> JSON = new Codec<>() {
        @Override
        public void write(JsonGenerator g, HistoryRecord r) throws IOException {
            g.writeStartObject();
            JsonStream.field(g, "at", r.at());
            JsonStream.field(g, "check", r.check());
            JsonStream.field(g, "host", r.host());
            JsonStream.field(g, "severity", r.severity());
            JsonStream.field(g, "values", r.values(), JsonStream.DOUBLE);
            g.writeObjectFieldStart("findings");
            for (Map.Entry<String, Severity> e : r.findings().entrySet()) {
                JsonStream.field(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        @Override
        public HistoryRecord read(JsonParser p) throws IOException {
            return HistoryRecordParser.record(p);
        }
    };

    /** The record of one result. */
    public static HistoryRecord of(CheckResult r) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Severity> findings = new LinkedHashMap<>();
        for (Finding f : r.getFindings()) {
            findings.put(f.id(), f.severity());
            if (f.value() != null) {
                values.put(f.id(), f.value());
            }
        }
        return new HistoryRecord(r.getStartedAt(), r.getCheck(), r.getHost(), r.getSeverity(), values, findings);
    }
}
