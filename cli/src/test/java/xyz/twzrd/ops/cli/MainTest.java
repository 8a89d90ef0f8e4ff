package xyz.twzrd.ops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The root command: one subcommand built per run, every subcommand for help and for a name it does not know. */
class MainTest {
    private static CommandLine commandLine(String... args) {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void eachSubcommandIsRegisteredUnderTheNameItsAnnotationGives() {
        for (String name : Main.SUBCOMMANDS) {
            CommandLine.Command c = Main.subcommand(name).getClass().getAnnotation(CommandLine.Command.class);
            assertThat(c).as(name).isNotNull();
            assertThat(c.name()).isEqualTo(name);
        }
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        assertThat(commandLine("alerts", "--json").getSubcommands()).containsOnlyKeys("alerts");
        assertThat(commandLine("logs").getSubcommands()).containsOnlyKeys("logs");
        assertThat(commandLine("--version").getSubcommands()).isEmpty();
        Run version = Run.of("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("twzrd-ops ");
        assertThat(Run.of("-V").out()).isEqualTo(version.out());
    }

    @Test
    void helpNoArgumentsAndAnUnknownNameGetEverySubcommand() {
        for (String[] args : new String[][] {{}, {"help"}, {"help", "alerts"}, {"--help"}, {"alert"}, {"--version", "alerts"}}) {
            assertThat(commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(Main.SUBCOMMANDS);
        }
    }

    @Test
    void helpListsEveryCommandAndAMistypedNameIsNamedInTheError() {
        Run help = Run.of("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("alerts", "health-check", "pm2-restart", "audit", "history", "logs", "schedule");
        Run bad = Run.of("alert");
        assertThat(bad.exit()).isEqualTo(Main.UNKNOWN);
        assertThat(bad.err()).contains("alert").contains("alerts");
        Run sub = Run.of("alerts", "--help");
        assertThat(sub.exit()).isZero();
        assertThat(sub.out()).contains("Usage: twzrd-ops alerts");
    }
}
