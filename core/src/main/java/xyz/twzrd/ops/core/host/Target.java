package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The host a check runs against: where its commands run and how its metrics are read.
 * {@link #local()} is this machine; remote hosts over SSH provide their own.
 */
public interface Target extends AutoCloseable {
    /** The host name results report. */
    String name();

    /** Runs this host's commands (pm2, df, sysctl ...). */
    CommandRunner runner();

    /** Reads this host's metrics. */
    HostProbe hostProbe();

    @Override
    default void close() {
        runner().close();
    }

    /**
     * This machine: commands through ProcessBuilder (with this JVM's environment, or the given base environment); metrics from {@code /proc} and {@code df} in one command
     * ({@link ProcHostProbe}, the same reading as a remote host's) where {@code /proc/meminfo} is readable, else
     * through OSHI. The /proc reading spares the short hourly run OSHI's and JNA's start-up.
     */
    static Target local() {
        return local(Map.of());
    }

    /**
     * This machine, its commands run with {@code baseEnv} over this JVM's environment (see
     * {@link LocalCommandRunner#LocalCommandRunner(Map)}).
     */
    static Target local(Map<String, String> baseEnv) {
        LocalCommandRunner runner = new LocalCommandRunner(baseEnv);
        return of(runner, Files.isReadable(Path.of("/proc/meminfo"))
                ? new ProcHostProbe(runner, Duration.ofSeconds(30)) : new OshiHostProbe());
    }

    /** The host that runner's commands run on, named as the runner names it, its metrics read by that probe. */
    static Target of(CommandRunner runner, HostProbe probe) {
        return new Target() {
            @Override
            public String name() {
                return runner.hostName();
            }

            @Override
            public CommandRunner runner() {
                return runner;
            }

            @Override
            public HostProbe hostProbe() {
                return probe;
            }
        };
    }
}
