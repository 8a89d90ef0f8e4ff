package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code twzrd-ops} command. Exit codes: 0 OK, 1 ALERT, 2 EMERGENCY, 3 UNKNOWN or bad usage. */
@Command(name = "twzrd-ops",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks a PM2 host on the ops schedule: hourly alerts, weekly health check, verified restarts.",
        subcommands = {AlertsCommand.class, HealthCheckCommand.class, Pm2RestartCommand.class, AuditCommand.class,
                HistoryCommand.class, LogsCommand.class, ScheduleCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:OK", "1:ALERT", "2:EMERGENCY", "3:UNKNOWN (the check could not run, or bad usage)"})
public final class Main implements Runnable {
    public static final int UNKNOWN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'twzrd-ops help')");
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale (cron's is C): names and messages are never turned into '?'
        System.exit(execute(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("twzrd-ops: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return UNKNOWN;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("twzrd-ops: UNKNOWN: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return UNKNOWN;
        });
        return cl;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"twzrd-ops " + (v == null ? "dev" : v)};
        }
    }
}
