package xyz.twzrd.ops.core.history;

import java.time.Duration;

/**
 * How much history to keep.
 *
 * @param maxRuns the newest this many runs (default 9000: a year of hourly runs and some)
 * @param maxAge  no run older than this (default 400 days)
 */
public record HistoryRetention(int maxRuns, Duration maxAge) {
    public static final HistoryRetention DEFAULT = new HistoryRetention(9000, Duration.ofDays(400));

    public HistoryRetention {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("history must keep at least 1 run, got " + maxRuns);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("history max age must be positive");
        }
    }
}
