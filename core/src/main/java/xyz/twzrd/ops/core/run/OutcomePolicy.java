package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.Severity;

/**
 * Maps a result's severity to a build outcome. Defaults as the ops schedule asks: ALERT marks the stage UNSTABLE,
 * EMERGENCY fails it, and UNKNOWN (the check could not run) fails it too. A pipeline may choose otherwise, except
 * that UNKNOWN can never count as SUCCESS.
 *
 * @param onAlert     outcome for ALERT
 * @param onEmergency outcome for EMERGENCY
 * @param onUnknown   outcome for UNKNOWN (UNSTABLE or FAILURE)
 */
public record OutcomePolicy(Outcome onAlert, Outcome onEmergency, Outcome onUnknown) {
    public static final OutcomePolicy DEFAULT = new OutcomePolicy(Outcome.UNSTABLE, Outcome.FAILURE, Outcome.FAILURE);

    public OutcomePolicy {
        if (onUnknown == Outcome.SUCCESS) {
            throw new IllegalArgumentException("onUnknown cannot be SUCCESS: a check that could not run is never OK");
        }
    }

    /** From the names a pipeline gives; null or blank keeps the default. */
    public static OutcomePolicy of(String onAlert, String onEmergency, String onUnknown) {
        return new OutcomePolicy(
                blank(onAlert) ? DEFAULT.onAlert : Outcome.parse(onAlert),
                blank(onEmergency) ? DEFAULT.onEmergency : Outcome.parse(onEmergency),
                blank(onUnknown) ? DEFAULT.onUnknown : Outcome.parse(onUnknown));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Outcome outcome(Severity severity) {
        return switch (severity) {
            case OK -> Outcome.SUCCESS;
            case ALERT -> onAlert;
            case EMERGENCY -> onEmergency;
            case UNKNOWN -> onUnknown;
        };
    }
}
