package xyz.twzrd.ops.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Points in time as people read them in messages and pages: whole seconds, UTC. The clock keeps micro- or
 * nanoseconds ({@code 2026-12-01T09:40:18.123456789Z}), which no reader needs; results keep them where they are
 * data ({@code startedAt}, the {@code since} details).
 */
public final class Times {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** ISO-8601 in UTC to the second, for messages: {@code 2026-12-01T09:40:18Z}; {@code unknown} for null. */
    public static String seconds(Instant t) {
        return t == null ? "unknown" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A date and time to the second, for pages: {@code 2026-12-01 09:40:18 UTC}; {@code unknown} for null. */
    public static String readable(Instant t) {
        return t == null ? "unknown" : READABLE.format(t);
    }
}
