package xyz.twzrd.ops.core;

import java.util.Locale;

/**
 * The one place where core turns numbers into text for people: findings' messages, reports, the history table and
 * the trend page. Always {@link Locale#ROOT} (a decimal point, never a comma), whatever the host's locale.
 */
public final class Numbers {
    private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private Numbers() {
    }

    /** Bytes in binary units: {@code 512 B}, {@code 8.0 GiB}, {@code 558 MiB} (no decimal from 100 on). */
    public static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        double v = b;
        int i = -1;
        while (v >= 1024 && i < BINARY_UNITS.length - 1) {
            v /= 1024;
            i++;
        }
        return fixed(v, v >= 100 ? 0 : 1) + " " + BINARY_UNITS[i];
    }

    /** A number as given, whole numbers without decimals: thresholds and limits, {@code 80}, {@code 0.7}. */
    public static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Exactly {@code decimals} decimals: {@code fixed(2.345, 1)} is {@code 2.3}. */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A percentage with {@code decimals} decimals: {@code 61.3%}. */
    public static String percent(double v, int decimals) {
        return fixed(v, decimals) + "%";
    }

    /** A measured value in a report: whole numbers without decimals, others with two. */
    public static String compact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : fixed(v, 2);
    }

    /** {@link #compact(double)} with its unit after a space (none when blank), {@code -} when there is no value. */
    public static String value(Double v, String unit) {
        if (v == null) {
            return "-";
        }
        String n = compact(v);
        return unit == null || unit.isEmpty() ? n : n + " " + unit;
    }
}
