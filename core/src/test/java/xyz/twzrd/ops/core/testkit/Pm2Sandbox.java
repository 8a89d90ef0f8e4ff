package xyz.twzrd.ops.core.testkit;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Process;
import xyz.twzrd.ops.core.pm2.Pm2Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real pm2 daemon of its own for one test class: the pinned pm2 (system property {@code twzrd.pm2}, installed
 * by the core build from tools/pm2) in a short, fresh PM2_HOME under /tmp (long paths break pm2's unix socket).
 * The test apps of core's {@code pm2-apps} resources are copied into it ({@link #app(String)}). {@link #close()}
 * kills the daemon and removes the home.
 */
public final class Pm2Sandbox implements AutoCloseable {
    private final Path home;
    private final Path apps;
    private final String bin;
    private final LocalCommandRunner runner = new LocalCommandRunner();

    public Pm2Sandbox() throws IOException {
        bin = pinnedPm2();
        home = Files.createTempDirectory(Path.of("/tmp"), "t2-");
        apps = Fixtures.copyFolder("pm2-apps", home.resolve("apps"));
    }

    /** The pinned pm2 the build installed; fails saying how it gets there when it is missing. */
    public static String pinnedPm2() {
        String p = System.getProperty("twzrd.pm2");
        if (p == null || !Files.isExecutable(Path.of(p))) {
            throw new IllegalStateException("the pinned pm2 is not installed (system property twzrd.pm2 = " + p
                    + "); the core build installs it from tools/pm2 with npm ci: is node/npm installed?");
        }
        return p;
    }

    /** This daemon's PM2_HOME. */
    public Path home() {
        return home;
    }

    /** The pm2 executable. */
    public String bin() {
        return bin;
    }

    /** The local runner the sandbox runs pm2 with. */
    public LocalCommandRunner runner() {
        return runner;
    }

    /** A test app of the {@code pm2-apps} resources (e.g. {@code healthy.js}) as a file in this sandbox. */
    public Path app(String file) {
        Path p = apps.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no pm2 test app " + file + " in core's pm2-apps resources");
        }
        return p;
    }

    public Pm2Settings settings() {
        return new Pm2Settings(bin, home, Duration.ofSeconds(30));
    }

    public Pm2Client client() {
        return new Pm2Client(runner, settings());
    }

    /** The runner's options that point at this daemon: {@code --pm2 BIN --pm2-home HOME}. */
    public List<String> runnerOptions() {
        return List.of("--pm2", bin, "--pm2-home", home.toString());
    }

    /** Runs pm2 with the given arguments and extra environment; fails on a non-zero exit. */
    public CommandResult pm2(Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of(bin));
        argv.addAll(List.of(args));
        try {
            CommandResult r = runner.run(Command.of(argv).withEnv(env).withEnv(Map.of("PM2_HOME", home.toString()))
                    .withTimeout(Duration.ofSeconds(60)));
            if (!r.ok()) {
                throw new IllegalStateException("pm2 " + String.join(" ", args) + " failed: " + r.firstErrorLine());
            }
            return r;
        } catch (CommandException e) {
            throw new IllegalStateException("pm2 " + String.join(" ", args) + " could not run", e);
        }
    }

    /** Starts a test app ({@link #app(String)}) under a PM2 name, with extra environment and pm2 options. */
    public void start(String script, String name, Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("start", app(script).toString(), "--name", name));
        args.addAll(List.of(options));
        pm2(env, args.toArray(String[]::new));
    }

    /** Waits until the named app satisfies the condition (polling pm2 jlist), at most 30 s. */
    public Pm2Process await(String name, Predicate<Pm2Process> condition) throws Exception {
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
