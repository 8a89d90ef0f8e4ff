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

    @Test
    void emptyCommandIsRejected() {
        assertThatThrownBy(() -> Command.of(List.of())).hasMessageContaining("empty command");
    }
}
