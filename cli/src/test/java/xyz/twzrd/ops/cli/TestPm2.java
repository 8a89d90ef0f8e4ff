package xyz.twzrd.ops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pinned pm2 (system property {@code twzrd.pm2}, installed by the core build) with a daemon in a short,
 * fresh PM2_HOME of its own; {@link #close()} kills the daemon and removes the home.
 */
final class TestPm2 implements AutoCloseable {
    static final Path APPS = Path.of("../core/src/test/resources/pm2-apps").toAbsolutePath().normalize();

    final String bin;
    final Path home;

    TestPm2() throws IOException {
        bin = System.getProperty("twzrd.pm2");
        if (bin == null || !Files.isExecutable(Path.of(bin))) {
            throw new IllegalStateException("the pinned pm2 is not installed (twzrd.pm2 = " + bin
                    + "); the core build installs it from tools/pm2 with npm ci: is node/npm installed?");
        }
        home = Files.createTempDirectory(Path.of("/tmp"), "t2-");
    }

    /** The runner options that point at this daemon. */
    List<String> options() {
        return List.of("--pm2", bin, "--pm2-home", home.toString());
    }

    void run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(bin));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.environment().put("PM2_HOME", home.toString());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("pm2 " + String.join(" ", args) + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            run(Map.of(), "kill");
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
