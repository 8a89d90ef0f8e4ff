package xyz.twzrd.ops.core.config;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/**
 * The {@code state:} section of the configuration: how runs share one state folder. Runs on one folder take turns
 * (a file lock in the folder); a run that cannot get its turn within {@code lock-timeout} does not start and says so
 * (UNKNOWN), so nothing is counted twice.
 */
public class StateConfig {
    /** Default of {@code state.lock-timeout}: longer than a verified restart or a weekly log scan takes. */
    public static final String DEFAULT_LOCK_TIMEOUT = "5m";

    private Duration lockTimeout = Durations.parse(DEFAULT_LOCK_TIMEOUT);

    /** How long a run waits for another run on the same state folder to finish. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    public void validate(String key) throws ConfigException {
        Durations.require(key + ".lock-timeout", lockTimeout, false);
    }
}
