package xyz.twzrd.ops.core.config;

/**
 * The dotted configuration keys that the faces set from their own flags and step fields ({@link ConfigLayers#set}).
 * docs/configuration.md lists every key.
 */
public final class Keys {
    public static final String PM2_PROGRAM = "pm2.program";
    public static final String PM2_HOME = "pm2.home";
    public static final String PM2_COMMAND_TIMEOUT = "pm2.command-timeout";
    public static final String RESTART_APPS = "pm2.restart-apps";
    public static final String SETTLE = "pm2.settle";
    public static final String DEADLINE = "pm2.deadline";
    public static final String HEALTH_URL = "pm2.health-url";
    public static final String ROLLING = "pm2.rolling";
    public static final String RELOAD = "pm2.reload";
    public static final String EXPECTED_APPS = "pm2.expected-apps";

    private Keys() {
    }
}
