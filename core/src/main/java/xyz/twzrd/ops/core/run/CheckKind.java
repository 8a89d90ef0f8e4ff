package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.jobs.AuditJob;
import xyz.twzrd.ops.core.jobs.HealthCheckJob;
import xyz.twzrd.ops.core.jobs.RestartJob;
import xyz.twzrd.ops.core.logs.LogScanResult;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The checks twzrd-ops runs, by the name the runner's commands, the results ({@code check}) and the report files use.
 * Each says when it writes its dated report set: the scheduled reports a person reads (weekly health check, Friday
 * restart, quarterly audit) always; the hourly alerts and the log scan only when something is not OK, so a quiet
 * hour leaves no files behind.
 */
public enum CheckKind {
    ALERTS(AlertsJob.CHECK, false),
    HEALTH_CHECK(HealthCheckJob.CHECK, true),
    PM2_RESTART(RestartJob.CHECK, true),
    AUDIT(AuditJob.CHECK, true),
    LOGS(LogScanResult.CHECK, false);

    private final String id;
    private final boolean alwaysReports;

    CheckKind(String id, boolean alwaysReports) {
        this.id = id;
        this.alwaysReports = alwaysReports;
    }

    /** The check's name: {@code alerts}, {@code health-check}, {@code pm2-restart}, {@code audit}, {@code logs}. */
    public String id() {
        return id;
    }

    /** Whether a run of this check with this severity writes its report set. */
    public boolean writesReport(Severity severity) {
        return alwaysReports || severity != Severity.OK;
    }

    /** The kind of a check name. */
    public static CheckKind of(String id) {
        String want = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (CheckKind k : values()) {
            if (k.id.equals(want)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the check '" + id + "' is not available in this build of twzrd-ops ("
                + Arrays.stream(values()).map(CheckKind::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
