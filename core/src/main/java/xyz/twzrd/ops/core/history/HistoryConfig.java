package xyz.twzrd.ops.core.history;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/** The {@code history:} section of the configuration: how much run history is kept. Defaults: {@link HistoryRetention#DEFAULT}. */
public class HistoryConfig {
    private int keep = HistoryRetention.DEFAULT.maxRuns();
    private Duration maxAge = HistoryRetention.DEFAULT.maxAge();

    /** The retention these values describe (call after {@link #validate}). */
    public HistoryRetention retention() {
        return new HistoryRetention(keep, maxAge);
    }

    public void validate(String key) throws ConfigException {
        if (keep < 1) {
            throw new ConfigException(key + ".keep", "must keep at least 1 run, not " + keep);
        }
        Durations.require(key + ".max-age", maxAge, true);
    }
}
