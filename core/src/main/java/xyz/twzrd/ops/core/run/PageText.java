package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Times;

import java.time.Instant;

/**
 * How the faces' pages (the Jenkins build page and report page) print a result's parts, the way the reports do:
 * values with their unit and without a spurious {@code .0} ({@code 1191 restarts}, {@code 61.30 %}), thresholds as
 * given ({@code 80}, {@code 0.7}), times to the second in UTC, and a summary after its severity without repeating it.
 */
public final class PageText {
    private PageText() {
    }

    /**
     * A finding's value with its unit: {@code 1191 restarts}, {@code 5 count}, {@code 61.30 %}; {@code -} if none.
     * The text reports' rule (whole numbers without decimals, others with two).
     */
    public static String value(Finding f) {
        return Numbers.value(f.value(), f.unit());
    }

    /** A threshold: {@code 80}, {@code 0.7}; {@code -} when none applies. */
    public static String threshold(Double t) {
        return t == null ? "-" : Numbers.plain(t);
    }

    /** A start time as people read it: {@code 2026-12-01 09:40:18 UTC}. */
    public static String time(Instant t) {
        return Times.readable(t);
    }

    /** A start time kept as epoch milliseconds (the build action's compact copy). */
    public static String time(long epochMillis) {
        return Times.readable(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * A result's summary ({@code EMERGENCY alerts on vps1: memory EMERGENCY}) without its leading severity, for a
     * place that shows the severity already: {@code alerts on vps1: memory EMERGENCY}. Unchanged when it does not
     * start with the severity.
     */
    public static String afterSeverity(String severity, String summary) {
        if (summary == null) {
            return "";
        }
        String prefix = severity == null ? "" : severity + " ";
        return !prefix.isBlank() && summary.startsWith(prefix) ? summary.substring(prefix.length()) : summary;
    }
}
