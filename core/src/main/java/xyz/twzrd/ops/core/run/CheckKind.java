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
    ALERTS(AlertsJob.CHECK, false, true),
    HEALTH_CHECK(HealthCheckJob.CHECK, true, true),
    PM2_RESTART(RestartJob.CHECK, true, false),
    AUDIT(AuditJob.CHECK, true, false),
    LOGS(LogScanResult.CHECK, false, true);

    private final String id;
    private final boolean alwaysReports;
    private final boolean trend;

    CheckKind(String id, boolean alwaysReports, boolean trend) {
        this.id = id;
        this.alwaysReports = alwaysReports;
        this.trend = trend;
    }

    /** The check's name: {@code alerts}, {@code health-check}, {@code pm2-restart}, {@code audit}, {@code logs}. */
    public String id() {
        return id;
    }

    /** Whether a run of this check with this severity writes its report set. */
    public boolean writesReport(Severity severity) {
        return alwaysReports || severity != Severity.OK;
    }

    /**
     * Whether this check's results carry trend values (swap, load, memory, crashes, error lines: {@link
     * RunOutcome#trendValues()}), so that a trend chart of it shows something; the restart and the audit have none.
     */
    public boolean hasTrend() {
        return trend;
    }

    /** Whether a check name is one with trend values ({@link #hasTrend()}); false for a name that is no check. */
    public static boolean hasTrend(String id) {
        for (CheckKind k : values()) {
            if (k.id.equals(id)) {
                return k.trend;
            }
        }
        return false;
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
