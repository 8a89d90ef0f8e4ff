package xyz.twzrd.ops.core;

import java.util.Collection;
import java.util.Locale;

/**
 * Severity of a finding or a whole check, as the classic monitoring plugins use it.
 *
 * <p>Exit codes follow the Nagios plugin convention: 0 OK, 1 ALERT (warning), 2 EMERGENCY (critical),
 * 3 UNKNOWN (the check itself could not run). For "the worst of several" the order is
 * OK &lt; ALERT &lt; UNKNOWN &lt; EMERGENCY: a check that could not run is worse than a warning
 * (we cannot tell that things are fine) but better than a measured emergency.
 */
public enum Severity {
    OK(0, 0, "good"),
    ALERT(1, 1, "warning"),
    UNKNOWN(3, 2, "warning"),
    EMERGENCY(2, 3, "danger");

    private final int exitCode;
    private final int rank;
    private final String slackColor;

    Severity(int exitCode, int rank, String slackColor) {
        this.exitCode = exitCode;
        this.rank = rank;
        this.slackColor = slackColor;
    }

    /** Process exit code, as monitoring plugins use it. */
    public int exitCode() {
        return exitCode;
    }

    /** Position in the "worst of" order: higher is worse. */
    public int rank() {
        return rank;
    }

    /** The colour name Slack attachments understand: good, warning or danger. */
    public String slackColor() {
        return slackColor;
    }

    public boolean isWorseThan(Severity other) {
        return rank > other.rank;
    }

    public static Severity worst(Severity a, Severity b) {
        return a.rank >= b.rank ? a : b;
    }

    /** The worst of the given severities; OK for none. */
    public static Severity worst(Collection<Severity> all) {
        Severity w = OK;
        for (Severity s : all) {
            w = worst(w, s);
        }
        return w;
    }

    /** Parses a name case-insensitively ("alert", "EMERGENCY", ...). */
    public static Severity parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + name + "' (expected OK, ALERT, EMERGENCY or UNKNOWN)");
        }
    }
}
