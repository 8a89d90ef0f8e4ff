package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one log scan: the findings ({@code logs}, and {@code log:<path>} UNKNOWN for each file that could
 * not be read) and the per-file reports that form the {@code logs} section of a result.
 */
public record LogScanResult(List<Finding> findings, List<LogFileReport> files) {
    /** Name of the result section holding {@link #files()}. */
    public static final String SECTION = "logs";
    /** Check name of a scan run on its own ({@code twzrd-ops logs}). */
    public static final String CHECK = "logs";

    public LogScanResult {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
    }

    /** Finding by id, if present. */
    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** New error lines per app (files without an app under ""), in the order the apps first appear. */
    public Map<String, Long> errorLinesByApp() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (LogFileReport f : files) {
            out.merge(f.app(), f.errorLines(), Long::sum);
        }
        return out;
    }

    /** A result of its own (check {@code logs}) with the {@code logs} section. */
    public CheckResult toCheckResult(String host, Instant startedAt, Duration duration) {
        CheckResult r = new CheckResult(CHECK, host, startedAt, duration, findings);
        r.putSection(SECTION, files);
        return r;
    }
}
