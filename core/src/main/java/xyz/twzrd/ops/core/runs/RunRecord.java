package xyz.twzrd.ops.core.runs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The compact trace one run leaves for the runs after it: the severity of each finding and when a notification
 * last went out. This is all that alert state and trends read, so going through thousands of hourly runs never
 * loads their full reports.
 *
 * @param number     run number (the Jenkins build number, or a counter of the runner)
 * @param startedAt  when the run started
 * @param severity   the run's severity
 * @param findings   finding id to its severity, in the result's order
 * @param notifiedAt when the last notification went out as of this run (this run or an earlier one), null if never
 */
public record RunRecord(int number, Instant startedAt, Severity severity, Map<String, Severity> findings,
                        Instant notifiedAt) {
    public RunRecord {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(severity, "severity");
        findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings == null ? Map.of() : findings));
    }

    /** The record of {@code result}, run {@code number}. */
    public static RunRecord of(int number, CheckResult result, Instant notifiedAt) {
        Map<String, Severity> f = new LinkedHashMap<>();
        for (Finding finding : result.getFindings()) {
            f.merge(finding.id(), finding.severity(), Severity::worst);
        }
        return new RunRecord(number, result.getStartedAt(), result.getSeverity(), f, notifiedAt);
    }

    /** How many findings have each severity (every severity present as a key, in declaration order). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> c = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            c.put(s, 0);
        }
        findings.values().forEach(s -> c.merge(s, 1, Integer::sum));
        return c;
    }
}
