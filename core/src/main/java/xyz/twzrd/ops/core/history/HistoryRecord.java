package xyz.twzrd.ops.core.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
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
