package xyz.twzrd.ops.core.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs commands on this machine with {@link ProcessBuilder}: argument lists only, bounded output, a hard timeout.
 * Commands inherit this JVM's environment, over which a base environment may be laid (the Jenkins step's
 * {@code PATH}, {@code HOME}, {@code PM2_HOME}), then the command's own variables. A program given by name is looked
 * up on the {@code PATH} of that environment, not on the JVM's (which is what {@link ProcessBuilder} would search),
 * so a {@code PATH} that puts another pm2 or node first takes effect. No environment value is ever part of a message.
 */
public final class LocalCommandRunner implements CommandRunner {
    /** How long to wait for output pipes after the process ended (a daemon it spawned may hold them). */
    private static final long PIPE_GRACE_MS = 2000;

    private final Map<String, String> baseEnv;

    /** Commands with this JVM's environment. */
    public LocalCommandRunner() {
        this(Map.of());
    }

    /**
     * Commands with this JVM's environment and {@code baseEnv} over it (blank names are ignored, a null value
     * removes the variable). The map is copied.
     */
    public LocalCommandRunner(Map<String, String> baseEnv) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (baseEnv != null) {
            baseEnv.forEach((k, v) -> {
                if (k != null && !k.isBlank()) {
                    copy.put(k, v);
                }
            });
        }
        this.baseEnv = java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public CommandResult run(Command command) throws CommandException {
        List<String> argv = new ArrayList<>(command.argv());
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        baseEnv.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        env.putAll(command.env());
        if (baseEnv.containsKey("PATH") || command.env().containsKey("PATH")) {
            String program = command.program();
            argv.set(0, onPath(program, env.get("PATH")).map(Path::toString).orElseThrow(() ->
                    new CommandException(CommandException.Kind.NOT_FOUND, "cannot run " + program
                            + ": not found on the PATH given to the check")));
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandException(CommandException.Kind.NOT_FOUND,
                    "cannot run " + command.program() + ": " + rootMessage(e), e);
        }
        Drain out = new Drain(p.getInputStream(), command.maxOutputBytes(), "stdout of " + command.program());
        Drain err = new Drain(p.getErrorStream(), command.maxOutputBytes(), "stderr of " + command.program());
        out.start();
        err.start();
        try {
            if (!p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new CommandException(CommandException.Kind.TIMEOUT,
                        command.program() + " did not finish within " + human(command.timeout()) + " (killed)");
            }
            out.join(PIPE_GRACE_MS);
            err.join(PIPE_GRACE_MS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandException(CommandException.Kind.IO, "interrupted while running " + command.program(), e);
        } finally {
            closeQuietly(p.getInputStream());
            closeQuietly(p.getErrorStream());
        }
        return new CommandResult(p.exitValue(), out.text(), err.text(), out.truncated.get() || err.truncated.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public String hostName() {
        return localHostName();
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    /** This machine's host name, as {@code hostname} prints it. */
    public static String localHostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * Where a program is: itself when it names a path (contains a {@code /}), else the first executable regular file
     * of that name in the {@code PATH} directories, in order (an empty entry is the working directory, as in a shell).
     */
    static Optional<Path> onPath(String program, String path) {
        if (program.contains("/")) {
            return Optional.of(Path.of(program));
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":", -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Reads a stream to its end, keeping at most a limit of bytes. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final long limit;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final AtomicBoolean truncated = new AtomicBoolean();

        Drain(InputStream in, long limit, String name) {
            super(name);
            setDaemon(true);
            this.in = in;
            this.limit = limit;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (buf) {
                        long room = limit - buf.size();
                        if (room > 0) {
                            buf.write(chunk, 0, (int) Math.min(room, n));
                        }
                        if (n > room) {
                            truncated.set(true);
                        }
                    }
                }
            } catch (IOException ignored) {
                // stream closed after the grace period: keep what was read
            }
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
