package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code twzrd-ops} command. Exit codes: 0 OK, 1 ALERT, 2 EMERGENCY, 3 UNKNOWN or bad usage. */
@Command(addMethodSubcommands = false, name = "twzrd-ops",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks a PM2 host on the ops schedule: hourly alerts, weekly health check, verified restarts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:OK", "1:ALERT", "2:EMERGENCY", "3:UNKNOWN (the check could not run, or bad usage)"})
public final class Main implements Runnable {
    public static final int UNKNOWN = 3;

    /**
     * The subcommands' names, in the order help lists them. Building a subcommand's model (picocli reads its
     * annotations by reflection) is most of the runner's start-up, so a run builds only the one it names
     * ({@link #commandLine(PrintWriter, PrintWriter, String[])}); help, a bad name or no name get them all.
     */
    static final List<String> SUBCOMMANDS =
            List.of("alerts", "health-check", "pm2-restart", "audit", "history", "logs", "schedule", "help");

    /** A new subcommand object of that name (a switch, not a map of constructors: only its class is loaded). */
    static Object subcommand(String name) {
        return switch (name) {
            case "alerts" -> new AlertsCommand();
            case "health-check" -> new HealthCheckCommand();
            case "pm2-restart" -> new Pm2RestartCommand();
            case "audit" -> new AuditCommand();
            case "history" -> new HistoryCommand();
            case "logs" -> new LogsCommand();
            case "schedule" -> new ScheduleCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
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

    /** The command line for these arguments: only the subcommand they name, none for the version alone, or all of them (help, a bad name). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        boolean versionAlone = args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
        if (args.length > 0 && !"help".equals(args[0]) && SUBCOMMANDS.contains(args[0])) {
            cl.addSubcommand(args[0], subcommand(args[0]));
        } else if (!versionAlone) {
            for (String name : SUBCOMMANDS) {
                cl.addSubcommand(name, subcommand(name));
            }
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
