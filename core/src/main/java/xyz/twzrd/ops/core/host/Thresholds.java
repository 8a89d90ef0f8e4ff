package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.ConfigException;

/**
 * Host thresholds with the defaults of the ops schedule: swap used above 20% alerts, above 80% is an
 * emergency; load above 8 alerts, above 12 is an emergency; memory used above 90% / 95%; disk used
 * above 85% / 95%. "Above" is strict: a value equal to a threshold does not trip it.
 */
public class Thresholds {
    public static final int SWAP_ALERT = 20;
    public static final int SWAP_EMERGENCY = 80;
    public static final int LOAD_ALERT = 8;
    public static final int LOAD_EMERGENCY = 12;
    public static final int MEMORY_ALERT = 90;
    public static final int MEMORY_EMERGENCY = 95;
    public static final int DISK_ALERT = 85;
    public static final int DISK_EMERGENCY = 95;

    private Level swap = new Level(SWAP_ALERT, SWAP_EMERGENCY);
    private LoadLevel load = new LoadLevel(LOAD_ALERT, LOAD_EMERGENCY);
    private Level memory = new Level(MEMORY_ALERT, MEMORY_EMERGENCY);
    private DiskLevel disk = new DiskLevel(DISK_ALERT, DISK_EMERGENCY);

    public Level getSwap() {
        return swap;
    }

    public LoadLevel getLoad() {
        return load;
    }

    public Level getMemory() {
        return memory;
    }

    public DiskLevel getDisk() {
        return disk;
    }

    public void validate(String key) throws ConfigException {
        if (swap == null || load == null || memory == null || disk == null) {
            throw new ConfigException(key, "swap, load, memory and disk must not be empty");
        }
        swap.validate(key + ".swap", 100);
        load.validate(key + ".load", Double.MAX_VALUE);
        memory.validate(key + ".memory", 100);
        disk.validate(key + ".disk", 100);
    }
}
