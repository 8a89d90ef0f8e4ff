package xyz.twzrd.ops.cli;

import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.Keys;
import xyz.twzrd.ops.core.pm2.Pm2Config;

import java.nio.file.Path;
import java.time.Duration;

/** How to reach PM2: the pm2 program, its home, and how long a pm2 command may take (keys {@code pm2.*}). */
public final class Pm2Options {
    @Option(names = "--pm2", paramLabel = "PATH",
            description = "The pm2 program (pm2.program; default: " + Pm2Config.DEFAULT_PROGRAM + " found on PATH).")
    String pm2;

    @Option(names = "--pm2-home", paramLabel = "DIR",
            description = "PM2_HOME of the daemon to query (pm2.home; default: PM2_HOME from the environment, as pm2 itself does).")
    Path pm2Home;

    @Option(names = "--pm2-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long one pm2 command may run (pm2.command-timeout; default: "
                    + Pm2Config.DEFAULT_COMMAND_TIMEOUT + ").")
    Duration pm2Timeout;

    @Option(names = "--expect-apps", paramLabel = "A,B",
            description = "Apps that must run under PM2 (pm2.expected-apps): each missing one is an EMERGENCY process:<app>, "
                    + "and no PM2 daemon at all is an EMERGENCY.")
    String expectApps;

    /** The flags given, over the earlier layers. */
    ConfigLayers addTo(ConfigLayers layers) {
        return layers.set("--pm2", Keys.PM2_PROGRAM, pm2)
                .set("--pm2-home", Keys.PM2_HOME, pm2Home)
                .set("--pm2-timeout", Keys.PM2_COMMAND_TIMEOUT, pm2Timeout)
                .set("--expect-apps", Keys.EXPECTED_APPS, expectApps);
    }
}
