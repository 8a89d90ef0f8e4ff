package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code twzrd-ops} command. Exit codes: 0 OK, 1 ALERT, 2 EMERGENCY, 3 UNKNOWN or bad usage. */
@Command(name = "twzrd-ops",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks a PM2 host on the ops schedule: hourly alerts, weekly health check, verified restarts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:OK", "1:ALERT", "2:EMERGENCY", "3:UNKNOWN (the check could not run, or bad usage)"})
public final class Main implements Runnable {
    public static final int UNKNOWN = 3;

    /**
     * The subcommands by name, in the order help lists them. Building a subcommand's model (picocli reads its
     * annotations by reflection) is most of the runner's start-up, so a run builds only the one it names
     * ({@link #commandLine(PrintWriter, PrintWriter, String[])}); help, a bad name or no name get them all.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("alerts", AlertsCommand::new);
        m.put("health-check", HealthCheckCommand::new);
        m.put("pm2-restart", Pm2RestartCommand::new);
        m.put("audit", AuditCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("logs", LogsCommand::new);
        m.put("schedule", ScheduleCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

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
        CommandLine cl = commandLine(out, err, args);
        return cl.execute(args);
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /** The command line for these arguments: only the subcommand they name, or all of them (help, a bad name). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Supplier<Object> named = args.length == 0 || "help".equals(args[0]) ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            cl.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, sub) -> cl.addSubcommand(name, sub.get()));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("twzrd-ops: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr()); // "Did you mean: alerts?"
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
