package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real pm2 daemon of its own for one test class: the pinned pm2 (system property {@code twzrd.pm2}, installed
 * by the build) in a short, fresh PM2_HOME under /tmp (long paths break pm2's unix socket). Close kills it.
 */
final class Pm2Sandbox implements AutoCloseable {
    static final Path APPS = Path.of("src/test/resources/pm2-apps").toAbsolutePath();

    final Path home;
    final String pm2;
    final LocalCommandRunner runner = new LocalCommandRunner();

    Pm2Sandbox() throws IOException {
        pm2 = pm2Binary();
        home = Files.createTempDirectory(Path.of("/tmp"), "t2-");
    }

    static String pm2Binary() {
        String p = System.getProperty("twzrd.pm2");
        if (p == null || !Files.isExecutable(Path.of(p))) {
            throw new IllegalStateException("the pinned pm2 is not installed (system property twzrd.pm2 = " + p
                    + "); the core build installs it from tools/pm2 with npm ci: is node/npm installed?");
        }
        return p;
    }

    Pm2Settings settings() {
        return new Pm2Settings(pm2, home, Duration.ofSeconds(30));
    }

    Pm2Client client() {
        return new Pm2Client(runner, settings());
    }

    /** Runs pm2 with the given arguments and extra environment; fails on a non-zero exit. */
    CommandResult pm2(Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of(pm2));
        argv.addAll(List.of(args));
        try {
            CommandResult r = runner.run(Command.of(argv).withEnv(env).withEnv(Map.of("PM2_HOME", home.toString()))
                    .withTimeout(Duration.ofSeconds(60)));
            if (!r.ok()) {
                throw new IllegalStateException("pm2 " + String.join(" ", args) + " failed: " + r.firstErrorLine());
            }
            return r;
        } catch (CommandException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a test app by file name under a PM2 name, with extra pm2 options. */
    void start(String script, String name, Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("start", APPS.resolve(script).toString(), "--name", name));
        args.addAll(List.of(options));
        pm2(env, args.toArray(String[]::new));
    }

    /** Waits until the named app satisfies the condition (polling pm2 jlist), at most 30 s. */
    Pm2Process await(String name, java.util.function.Predicate<Pm2Process> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Pm2Process p = client().list().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
            if (p != null && condition.test(p)) {
                return p;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + name + ": " + p);
            }
            Thread.sleep(300);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            pm2(Map.of(), "kill");
        } finally {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
