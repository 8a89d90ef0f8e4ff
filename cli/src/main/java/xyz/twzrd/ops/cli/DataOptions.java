package xyz.twzrd.ops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where state between runs and reports go. Both default below {@code $TWZRD_OPS_DATA} (default ./twzrd-ops-data). */
public final class DataOptions {
    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${env:TWZRD_OPS_DATA:-twzrd-ops-data}/state",
            description = "State kept between runs: crash baselines, alert state, history (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--report-dir", paramLabel = "DIR",
            defaultValue = "${env:TWZRD_OPS_DATA:-twzrd-ops-data}/reports",
            description = "Where dated reports are written (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    public Path stateDir() {
        return stateDir;
    }

    public Path reportDir() {
        return reportDir;
    }
}
