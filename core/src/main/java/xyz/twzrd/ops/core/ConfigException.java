package xyz.twzrd.ops.core;

/** Invalid configuration: the message names the offending key and why it is wrong. */
public class ConfigException extends Exception {
    private final String key;

    public ConfigException(String key, String message) {
        super(key == null || key.isEmpty() ? message : key + ": " + message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(key == null || key.isEmpty() ? message : key + ": " + message, cause);
        this.key = key;
    }

    /** The dotted key that is wrong, e.g. {@code thresholds.swap.alert}. */
    public String key() {
        return key;
    }
}
