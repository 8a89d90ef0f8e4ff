package xyz.twzrd.ops.core.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCommandRunnerTest {
    private final LocalCommandRunner runner = new LocalCommandRunner();

    @Test
    void capturesOutputAndExitCode() throws Exception {
        CommandResult r = runner.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 7"));
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.firstErrorLine()).isEqualTo("err");
    }

    @Test
    void argumentsAreNeverInterpretedByAShell(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned");
        String hostile = "a'b; touch " + marker + " `touch " + marker + "` $(touch " + marker + ")";
        CommandResult r = runner.run(Command.of("printf", "%s", hostile));
        assertThat(r.stdout()).isEqualTo(hostile);
        assertThat(marker).doesNotExist();
    }

    @Test
    void passesExtraEnvironment() throws Exception {
        CommandResult r = runner.run(Command.of("sh", "-c", "printf %s \"$TWZRD_X\"").withEnv(Map.of("TWZRD_X", "42")));
        assertThat(r.stdout()).isEqualTo("42");
    }

    @Test
    void missingProgramIsNotFound() {
        assertThatThrownBy(() -> runner.run(Command.of("twzrd-no-such-program-xyz")))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("cannot run twzrd-no-such-program-xyz")
                .satisfies(e -> assertThat(((CommandException) e).kind()).isEqualTo(CommandException.Kind.NOT_FOUND));
    }

    @Test
    void timeoutKillsTheCommand() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> runner.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(300))))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("sleep did not finish within 300ms")
                .satisfies(e -> assertThat(((CommandException) e).kind()).isEqualTo(CommandException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void outputBeyondTheCapIsDropped() throws Exception {
        CommandResult r = runner.run(Command.of("head", "-c", "100000", "/dev/zero").withMaxOutput(1000));
        assertThat(r.stdout()).hasSize(1000);
        assertThat(r.truncated()).isTrue();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void commandMessagesNeverShowTheEnvironment() {
        Command c = new Command(List.of("pm2", "jlist"), Map.of("SECRET_TOKEN", "hunter2"), null, 0);
        assertThat(c.toString()).isEqualTo("pm2 jlist").doesNotContain("hunter2");
    }

    /** A script that prints its name, in a folder of its own (not on this JVM's PATH). */
    private static Path script(Path dir, String name, String body) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        assertThat(f.toFile().setExecutable(true)).isTrue();
        return f;
    }

    @Test
    void aProgramByNameIsFoundOnTheGivenPathNotTheJvms(@TempDir Path dir) throws Exception {
        script(dir.resolve("first"), "twzrd-which", "echo first");
        script(dir.resolve("second"), "twzrd-which", "echo second");
        assertThatThrownBy(() -> runner.run(Command.of("twzrd-which")))
                .satisfies(e -> assertThat(((CommandException) e).kind()).isEqualTo(CommandException.Kind.NOT_FOUND));
        LocalCommandRunner withPath = new LocalCommandRunner(Map.of("PATH",
                dir.resolve("first") + ":" + dir.resolve("second") + ":/usr/bin:/bin"));
        assertThat(withPath.run(Command.of("twzrd-which")).stdout()).isEqualTo("first\n");
        LocalCommandRunner otherOrder = new LocalCommandRunner(Map.of("PATH",
                dir.resolve("second") + ":" + dir.resolve("first") + ":/usr/bin:/bin"));
        assertThat(otherOrder.run(Command.of("twzrd-which")).stdout()).isEqualTo("second\n");
        // a path is run as given, whatever PATH says
        assertThat(withPath.run(Command.of(dir.resolve("second/twzrd-which").toString())).stdout()).isEqualTo("second\n");
    }

    @Test
    void aPathThatPutsAnotherNodeFirstReachesTheScriptsItStarts(@TempDir Path dir) throws Exception {
        // pm2 is "#!/usr/bin/env node": env finds node on the command's PATH, so the given PATH decides which node
        Path bin = dir.resolve("bin");
        script(bin, "node", "echo \"wrapped node $*\"");
        Path tool = Files.writeString(dir.resolve("tool"), "#!/usr/bin/env node\nconsole.log('real node')\n");
        assertThat(tool.toFile().setExecutable(true)).isTrue();
        LocalCommandRunner withPath = new LocalCommandRunner(Map.of("PATH", bin + ":/usr/bin:/bin"));
        assertThat(withPath.run(Command.of(tool.toString())).stdout()).isEqualTo("wrapped node " + tool + "\n");
    }

    @Test
    void theBaseEnvironmentLiesOverTheJvmsAndUnderTheCommands() throws Exception {
        LocalCommandRunner base = new LocalCommandRunner(Map.of("HOME", "/tmp/twzrd-home", "PM2_HOME", "/tmp/twzrd-pm2",
                "TWZRD_X", "base"));
        CommandResult r = base.run(Command.of("sh", "-c", "printf '%s|%s|%s' \"$HOME\" \"$PM2_HOME\" \"$TWZRD_X\"")
                .withEnv(Map.of("TWZRD_X", "command")));
        assertThat(r.stdout()).isEqualTo("/tmp/twzrd-home|/tmp/twzrd-pm2|command");
        // the JVM's own variables are still there, unless the base removes one
        Map<String, String> removeHome = new java.util.HashMap<>();
        removeHome.put("HOME", null);
        CommandResult kept = new LocalCommandRunner(removeHome).run(Command.of("sh", "-c", "printf '%s|%s' \"${HOME-unset}\" \"$PATH\""));
        assertThat(kept.stdout()).startsWith("unset|").endsWith("|" + System.getenv("PATH"));
    }

    @Test
    void aProgramMissingFromTheGivenPathIsNotFoundWithoutShowingThePath(@TempDir Path dir) throws Exception {
        String secretish = dir.resolve("private-folder-name").toString();
        LocalCommandRunner withPath = new LocalCommandRunner(Map.of("PATH", secretish));
        assertThatThrownBy(() -> withPath.run(Command.of("sh", "-c", "true")))
                .isInstanceOf(CommandException.class)
                .hasMessage("cannot run sh: not found on the PATH given to the check")
                .satisfies(e -> assertThat(((CommandException) e).kind()).isEqualTo(CommandException.Kind.NOT_FOUND));
    }

    @Test
    void onPathSkipsFoldersAndNonExecutables(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/prog"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/prog"), "not executable");
        Path c = script(dir.resolve("c"), "prog", "true");
        String path = dir.resolve("a") + ":" + dir.resolve("b") + "::" + dir.resolve("c");
        assertThat(LocalCommandRunner.onPath("prog", path)).contains(c);
        assertThat(LocalCommandRunner.onPath("nope", path)).isEmpty();
        assertThat(LocalCommandRunner.onPath("prog", null)).isEmpty();
        assertThat(LocalCommandRunner.onPath("./rel/prog", "")).contains(Path.of("./rel/prog"));
    }

    @Test
    void emptyCommandIsRejected() {
        assertThatThrownBy(() -> Command.of(List.of())).hasMessageContaining("empty command");
    }
}
