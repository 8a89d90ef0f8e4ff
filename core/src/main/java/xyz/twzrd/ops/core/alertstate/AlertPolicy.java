package xyz.twzrd.ops.core.alertstate;

import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/**
 * When to notify.
 *
 * @param remindEvery remind about a finding still not OK every this many runs (24: once a day for hourly runs)
 * @param debounce    notify a new finding only once it has been not OK this many runs in a row (1: at once)
 * @param muteAfterPlannedRestart crash findings ({@code crashes}, {@code crash-loop}, {@code process:*}) are not
 *                    notified within this long after a planned restart
 * @param resolveAfter a notified finding resolves only once it has been OK this many runs in a row (2: one lucky
 *                    sample never sends a "resolved" notice)
 */
public record AlertPolicy(int remindEvery, int debounce, Duration muteAfterPlannedRestart, int resolveAfter) {
    public static final int DEFAULT_REMIND_EVERY = 24;
    public static final int DEFAULT_DEBOUNCE = 1;
    public static final int DEFAULT_RESOLVE_AFTER = 2;
    /** Default of {@code alert.mute-after-restart}, as the configuration writes it. */
    public static final String DEFAULT_MUTE_AFTER_RESTART = "15m";
    /**
     * At most this many undelivered changes are kept pending; older ones are dropped and counted in the next
     * message that is delivered.
     */
    public static final int PENDING_MAX = 50;
    public static final AlertPolicy DEFAULT = new AlertPolicy(DEFAULT_REMIND_EVERY, DEFAULT_DEBOUNCE,
            Durations.parse(DEFAULT_MUTE_AFTER_RESTART), DEFAULT_RESOLVE_AFTER);

    public AlertPolicy {
        if (remindEvery < 1) {
            throw new IllegalArgumentException("remind-every must be at least 1 run, got " + remindEvery);
        }
        if (debounce < 1) {
            throw new IllegalArgumentException("debounce must be at least 1 run, got " + debounce);
        }
        if (muteAfterPlannedRestart == null || muteAfterPlannedRestart.isNegative()) {
            throw new IllegalArgumentException("mute-after-planned-restart must be zero or more");
        }
        if (resolveAfter < 1) {
            throw new IllegalArgumentException("resolve-after must be at least 1 run, got " + resolveAfter);
        }
    }

    /** The default {@code resolveAfter}. */
    public AlertPolicy(int remindEvery, int debounce, Duration muteAfterPlannedRestart) {
        this(remindEvery, debounce, muteAfterPlannedRestart, DEFAULT_RESOLVE_AFTER);
    }

    /** True for the findings a planned restart causes: crash counts, crash loops and process restarts. */
    public static boolean isCrashFinding(String id) {
        return id.equals("crashes") || id.equals("crash-loop") || id.startsWith("process:");
    }
}
