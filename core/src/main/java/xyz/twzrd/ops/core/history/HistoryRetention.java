package xyz.twzrd.ops.core.history;

import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/**
 * How much history to keep.
 *
 * @param maxRuns the newest this many runs (default 9000: a year of hourly runs and some)
 * @param maxAge  no run older than this (default 400 days)
 */
public record HistoryRetention(int maxRuns, Duration maxAge) {
    public static final int DEFAULT_KEEP = 9000;
    /** Default of {@code history.max-age}, as the configuration writes it. */
    public static final String DEFAULT_MAX_AGE = "400d";
    public static final HistoryRetention DEFAULT = new HistoryRetention(DEFAULT_KEEP, Durations.parse(DEFAULT_MAX_AGE));

    public HistoryRetention {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("history must keep at least 1 run, got " + maxRuns);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("history max age must be positive");
        }
    }
}
