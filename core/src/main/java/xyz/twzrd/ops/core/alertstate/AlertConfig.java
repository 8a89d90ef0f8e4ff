package xyz.twzrd.ops.core.alertstate;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/**
 * The {@code alert:} section of the configuration: when a run notifies. Its defaults are {@link AlertPolicy#DEFAULT}.
 */
public class AlertConfig {
    private int remindEvery = AlertPolicy.DEFAULT.remindEvery();
    private int debounce = AlertPolicy.DEFAULT.debounce();
    private Duration muteAfterRestart = AlertPolicy.DEFAULT.muteAfterPlannedRestart();
    private int resolveAfter = AlertPolicy.DEFAULT.resolveAfter();

    /** The policy these values describe (call after {@link #validate}). */
    public AlertPolicy policy() {
        return new AlertPolicy(remindEvery, debounce, muteAfterRestart, resolveAfter);
    }

    public void validate(String key) throws ConfigException {
        if (remindEvery < 1) {
            throw new ConfigException(key + ".remind-every", "must be at least 1 run, not " + remindEvery);
        }
        if (debounce < 1) {
            throw new ConfigException(key + ".debounce", "must be at least 1 run, not " + debounce);
        }
        Durations.require(key + ".mute-after-restart", muteAfterRestart, false);
        if (resolveAfter < 1 || resolveAfter > 1000) {
            throw new ConfigException(key + ".resolve-after", "must be from 1 to 1000 runs, not " + resolveAfter);
        }
    }
}
