package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.Keys;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.run.CheckKind;

import java.time.Duration;

/** {@code twzrd-ops pm2-restart}: the verified restart. */
@Command(addMethodSubcommands = false, name = "pm2-restart", mixinStandardHelpOptions = true,
        description = {"Restart PM2 apps one by one and verify each: back online with a higher restart count and a "
                + "fresh uptime, then the health URL answering 2xx before the deadline.",
                "One app pm2 cannot restart never stops the others; each app has its own finding.",
                "Exit 0 only when all is verified; a failure is an EMERGENCY naming the app or endpoint."})
final class Pm2RestartCommand extends CheckCommand {
    @Option(names = "--apps", paramLabel = "all|A,B",
            description = "Apps to restart (pm2.restart-apps, default " + Pm2Config.DEFAULT_RESTART_APPS + "). "
                    + "A blank value is refused (exit 3): say all.")
    String apps;

    @Option(names = "--rolling", negatable = true,
            description = "One app at a time, each verified (and the health URL) before the next; stop at the first "
                    + "failure and leave the rest untouched (pm2.rolling, default off).")
    Boolean rolling;

    @Option(names = "--reload", negatable = true,
            description = "pm2 reload (zero-downtime) instead of restart for cluster-mode apps (pm2.reload, default off).")
    Boolean reload;

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
        // as given: --apps '' (an unset shell variable) is refused by the configuration, never read as "all"
        return layers.setAsGiven("--apps", Keys.RESTART_APPS, apps)
                .set("--rolling", Keys.ROLLING, rolling)
                .set("--reload", Keys.RELOAD, reload)
                .set("--settle", Keys.SETTLE, settle)
                .set("--health-url", Keys.HEALTH_URL, healthUrl)
                .set("--deadline", Keys.DEADLINE, deadline);
    }
}
