package xyz.twzrd.ops.core.runs;

import java.util.Locale;

/** When a run asks for a notification. */
public enum NotifyMode {
    /** When a problem is new, resolved or changed severity, plus reminders while problems go on (the hourly job). */
    CHANGES,
    /** Whenever the run is not OK. */
    PROBLEMS,
    /** Every run (a weekly report that is always sent). */
    ALWAYS;

    public static NotifyMode parse(String name) {
        if (name == null || name.isBlank()) {
            return CHANGES;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a notify mode (CHANGES, PROBLEMS or ALWAYS)");
        }
    }
}
