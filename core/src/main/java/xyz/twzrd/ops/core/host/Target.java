package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.util.Map;

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

    /** This machine: commands through ProcessBuilder (with this JVM's environment), metrics through OSHI. */
    static Target local() {
        return local(Map.of());
    }

    /**
     * This machine, its commands run with {@code baseEnv} over this JVM's environment (see
     * {@link LocalCommandRunner#LocalCommandRunner(Map)}).
     */
    static Target local(Map<String, String> baseEnv) {
        return new Target() {
            private final LocalCommandRunner runner = new LocalCommandRunner(baseEnv);
            private final OshiHostProbe probe = new OshiHostProbe();

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
