package xyz.twzrd.ops.core.exec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command as an argument list, never a shell string: {@code argv[0]} is the program.
 *
 * @param argv           program and arguments
 * @param env            extra environment variables for the command (added to the inherited ones)
 * @param timeout        how long it may run before it is killed
 * @param maxOutputBytes how much of stdout (and of stderr) is kept; the rest is read and dropped
 */
public record Command(List<String> argv, Map<String, String> env, Duration timeout, long maxOutputBytes) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_OUTPUT = 64L * 1024 * 1024;

    public Command {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        for (String a : argv) {
            Objects.requireNonNull(a, "null argument in " + argv);
        }
        argv = List.copyOf(argv);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (maxOutputBytes <= 0) {
            maxOutputBytes = DEFAULT_MAX_OUTPUT;
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, env, t, maxOutputBytes);
    }

    public Command withEnv(Map<String, String> extra) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.putAll(extra);
        return new Command(argv, e, timeout, maxOutputBytes);
    }

    public Command withMaxOutput(long bytes) {
        return new Command(argv, env, timeout, bytes);
    }

    /** The program name, for messages. Environment values are never part of any message. */
    public String program() {
        return argv.get(0);
    }

    /** Argument list for messages (the environment is left out on purpose: it can hold secrets). */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
