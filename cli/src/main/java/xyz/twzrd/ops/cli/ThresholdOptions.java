package xyz.twzrd.ops.cli;

import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.host.Thresholds;

import java.nio.file.Path;

/** {@code --config FILE} and the threshold flags, which override the file. */
public final class ThresholdOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see docs/configuration.md).")
    Path config;

    @Option(names = "--swap-alert", paramLabel = "PCT", description = "Swap used %% above which to ALERT (default 20).")
    Double swapAlert;
    @Option(names = "--swap-emergency", paramLabel = "PCT", description = "Swap used %% above which it is an EMERGENCY (default 80).")
    Double swapEmergency;
    @Option(names = "--load-alert", paramLabel = "LOAD", description = "Load average above which to ALERT (default 8).")
    Double loadAlert;
    @Option(names = "--load-emergency", paramLabel = "LOAD", description = "Load average above which it is an EMERGENCY (default 12).")
    Double loadEmergency;
    @Option(names = "--load-window", paramLabel = "MIN", description = "Load-average window: 1, 5 or 15 minutes (default 5).")
    Integer loadWindow;
    @Option(names = "--load-per-core", negatable = true, description = "Divide the load by the CPU count before comparing (default off).")
    Boolean loadPerCore;
    @Option(names = "--memory-alert", paramLabel = "PCT", description = "Memory used %% above which to ALERT (default 90).")
    Double memoryAlert;
    @Option(names = "--memory-emergency", paramLabel = "PCT", description = "Memory used %% above which it is an EMERGENCY (default 95).")
    Double memoryEmergency;
    @Option(names = "--disk-alert", paramLabel = "PCT", description = "Disk used %% above which to ALERT (default 85).")
    Double diskAlert;
    @Option(names = "--disk-emergency", paramLabel = "PCT", description = "Disk used %% above which it is an EMERGENCY (default 95).")
    Double diskEmergency;

    /** The config file (or defaults) with the flags applied, validated. */
    public OpsConfig resolve() throws ConfigException {
        OpsConfig c = config == null ? OpsConfig.defaults() : OpsConfig.load(config);
        Thresholds t = c.getThresholds();
        if (swapAlert != null) {
            t.getSwap().setAlert(swapAlert);
        }
        if (swapEmergency != null) {
            t.getSwap().setEmergency(swapEmergency);
        }
        if (loadAlert != null) {
            t.getLoad().setAlert(loadAlert);
        }
        if (loadEmergency != null) {
            t.getLoad().setEmergency(loadEmergency);
        }
        if (loadWindow != null) {
            t.getLoad().setWindow(loadWindow);
        }
        if (loadPerCore != null) {
            t.getLoad().setPerCore(loadPerCore);
        }
        if (memoryAlert != null) {
            t.getMemory().setAlert(memoryAlert);
        }
        if (memoryEmergency != null) {
            t.getMemory().setEmergency(memoryEmergency);
        }
        if (diskAlert != null) {
            t.getDisk().setAlert(diskAlert);
        }
        if (diskEmergency != null) {
            t.getDisk().setEmergency(diskEmergency);
        }
        c.validate();
        return c;
    }
}
