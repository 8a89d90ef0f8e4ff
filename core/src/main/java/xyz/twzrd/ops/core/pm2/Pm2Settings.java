package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.Durations;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach PM2 on a target.
 *
 * @param pm2     the pm2 program: a name found on the target's {@code PATH} (default {@code pm2}) or a path
 * @param pm2Home the {@code PM2_HOME} of the daemon to query; null means the target's own environment decides,
 *                as pm2 itself does ({@code $PM2_HOME}, else {@code ~/.pm2})
 * @param timeout how long one pm2 command may run
 */
public record Pm2Settings(String pm2, Path pm2Home, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Durations.parse(Pm2Config.DEFAULT_COMMAND_TIMEOUT);

    public Pm2Settings {
        pm2 = pm2 == null || pm2.isBlank() ? Pm2Config.DEFAULT_PROGRAM : pm2;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
