package xyz.twzrd.ops.cli;

import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.host.LoadLevel;
import xyz.twzrd.ops.core.host.Thresholds;

import java.nio.file.Path;

/** {@code --config FILE} and the threshold flags, which override the file key by key. */
public final class ThresholdOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see docs/configuration.md).")
    Path config;

    @Option(names = "--swap-alert", paramLabel = "PCT",
            description = "Swap used %% above which to ALERT (default " + Thresholds.SWAP_ALERT + ").")
    Double swapAlert;
    @Option(names = "--swap-emergency", paramLabel = "PCT",
            description = "Swap used %% above which it is an EMERGENCY (default " + Thresholds.SWAP_EMERGENCY + ").")
    Double swapEmergency;
    @Option(names = "--load-alert", paramLabel = "LOAD",
            description = "Load average above which to ALERT (default " + Thresholds.LOAD_ALERT + ").")
    Double loadAlert;
    @Option(names = "--load-emergency", paramLabel = "LOAD",
            description = "Load average above which it is an EMERGENCY (default " + Thresholds.LOAD_EMERGENCY + ").")
    Double loadEmergency;
    @Option(names = "--load-window", paramLabel = "MIN",
            description = "Load-average window: 1, 5 or 15 minutes (default " + LoadLevel.DEFAULT_WINDOW + ").")
    Integer loadWindow;
    @Option(names = "--load-per-core", negatable = true,
            description = "Divide the load by the CPU count before comparing (default off).")
    Boolean loadPerCore;
    @Option(names = "--memory-alert", paramLabel = "PCT",
            description = "Memory used %% above which to ALERT (default " + Thresholds.MEMORY_ALERT + ").")
    Double memoryAlert;
    @Option(names = "--memory-emergency", paramLabel = "PCT",
            description = "Memory used %% above which it is an EMERGENCY (default " + Thresholds.MEMORY_EMERGENCY + ").")
    Double memoryEmergency;
    @Option(names = "--disk-alert", paramLabel = "PCT",
            description = "Disk used %% above which to ALERT (default " + Thresholds.DISK_ALERT + ").")
    Double diskAlert;
    @Option(names = "--disk-emergency", paramLabel = "PCT",
            description = "Disk used %% above which it is an EMERGENCY (default " + Thresholds.DISK_EMERGENCY + ").")
    Double diskEmergency;

    /** The built-in defaults, then the config file, then the threshold flags given. */
    ConfigLayers layers() {
        ConfigLayers layers = ConfigLayers.defaults();
        if (config != null) {
            layers.file(config);
        }
        return layers.set("--swap-alert", "thresholds.swap.alert", swapAlert)
                .set("--swap-emergency", "thresholds.swap.emergency", swapEmergency)
                .set("--load-alert", "thresholds.load.alert", loadAlert)
                .set("--load-emergency", "thresholds.load.emergency", loadEmergency)
                .set("--load-window", "thresholds.load.window", loadWindow)
                .set("--load-per-core", "thresholds.load.per-core", loadPerCore)
                .set("--memory-alert", "thresholds.memory.alert", memoryAlert)
                .set("--memory-emergency", "thresholds.memory.emergency", memoryEmergency)
                .set("--disk-alert", "thresholds.disk.alert", diskAlert)
                .set("--disk-emergency", "thresholds.disk.emergency", diskEmergency);
    }
}
