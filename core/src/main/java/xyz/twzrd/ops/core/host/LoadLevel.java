package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.ConfigException;

import java.util.Set;

/**
 * Load-average thresholds. By default the 5-minute load average is compared as it is (not divided by CPUs):
 * an hourly check should react to sustained load, not a one-minute spike. With {@code per-core: true} the
 * load is divided by the number of logical CPUs first (as node_exporter and Netdata dashboards do), and the
 * thresholds then mean "load per CPU".
 */
public class LoadLevel extends Level {
    private static final Set<Integer> WINDOWS = Set.of(1, 5, 15);
    /** Default load-average window in minutes. */
    public static final int DEFAULT_WINDOW = 5;
    private int window = DEFAULT_WINDOW;
    private boolean perCore;

    public LoadLevel() {
    }

    public LoadLevel(double alert, double emergency) {
        super(alert, emergency);
    }

    public int getWindow() {
        return window;
    }

    public LoadLevel setWindow(int window) {
        this.window = window;
        return this;
    }

    public boolean isPerCore() {
        return perCore;
    }

    public LoadLevel setPerCore(boolean perCore) {
        this.perCore = perCore;
        return this;
    }

    @Override
    void validate(String key, double max) throws ConfigException {
        super.validate(key, max);
        if (!WINDOWS.contains(window)) {
            throw new ConfigException(key + ".window", "must be 1, 5 or 15 (minutes), not " + window);
        }
    }
}
