package xyz.twzrd.ops.cli;

import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.pm2.Pm2Settings;

import java.nio.file.Path;
import java.time.Duration;

/** How to reach PM2: the pm2 program, its home, and how long a pm2 command may take. */
public final class Pm2Options {
    @Option(names = "--pm2", paramLabel = "PATH", defaultValue = "pm2",
            description = "The pm2 program (default: pm2 found on PATH).")
    String pm2;

    @Option(names = "--pm2-home", paramLabel = "DIR",
            description = "PM2_HOME of the daemon to query (default: PM2_HOME from the environment, as pm2 itself does).")
    Path pm2Home;

    @Option(names = "--pm2-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long one pm2 command may run (default: ${DEFAULT-VALUE}).")
    Duration pm2Timeout;

    /** The options as core settings. */
    public Pm2Settings settings() {
        return new Pm2Settings(pm2, pm2Home, pm2Timeout);
    }
}
