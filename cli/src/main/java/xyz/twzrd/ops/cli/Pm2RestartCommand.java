package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.Keys;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.run.CheckKind;

import java.time.Duration;

/** {@code twzrd-ops pm2-restart}: the verified restart. */
@Command(name = "pm2-restart", mixinStandardHelpOptions = true,
        description = {"Restart PM2 apps and verify them: each back online with a higher restart count and a fresh "
                + "uptime, then the health URL answering 2xx before the deadline.",
                "Exit 0 only when all is verified; a failure is an EMERGENCY naming the app or endpoint."})
final class Pm2RestartCommand extends CheckCommand {
    @Option(names = "--apps", paramLabel = "all|A,B",
            description = "Apps to restart (pm2.restart-apps, default " + Pm2Config.DEFAULT_RESTART_APPS + ").")
    String apps;

    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait after the restart before verifying (pm2.settle, default " + Pm2Config.DEFAULT_SETTLE + ").")
    Duration settle;

    @Option(names = "--health-url", paramLabel = "URL",
            description = "Health endpoint to poll until it answers 2xx (pm2.health-url, default none).")
    String healthUrl;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the health URL may take after the settle time (pm2.deadline, default "
                    + Pm2Config.DEFAULT_DEADLINE + ").")
    Duration deadline;

    @Override
    CheckKind kind() {
        return CheckKind.PM2_RESTART;
    }

    @Override
    ConfigLayers options(ConfigLayers layers) {
        return layers.set("--apps", Keys.RESTART_APPS, apps)
                .set("--settle", Keys.SETTLE, settle)
                .set("--health-url", Keys.HEALTH_URL, healthUrl)
                .set("--deadline", Keys.DEADLINE, deadline);
    }
}
