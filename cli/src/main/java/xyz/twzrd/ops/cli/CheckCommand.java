package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every check command does, as a translation only: flags in (configuration layers, folders, targets, whether to
 * notify), one call of the core's {@link CheckRun}, then the summary or JSON out and the worst severity as the exit
 * code. A bad configuration or flag is a usage error (exit 3) naming the key and where it came from.
 *
 * <p>{@code addMethodSubcommands = false} here too: picocli looks for method subcommands class by class from the top
 * of the hierarchy, before the subclass's own annotation says not to.
 */
@CommandLine.Command(addMethodSubcommands = false)
abstract class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ThresholdOptions thresholds;

    @Mixin
    DataOptions data;

    @Mixin
    Pm2Options pm2;

    @Mixin
    TargetOptions targets;

    @Mixin
    RecordOptions record;

    @Option(names = "--json", description = "Print the machine-readable result (JSON, schema 1) instead of the summary.")
    boolean json;

    Clock clock = Clock.systemUTC();

    Map<String, String> env = System.getenv();

    /** The check this command runs. */
    abstract CheckKind kind();

    /** The command's own flags over the earlier layers (none by default). */
    ConfigLayers options(ConfigLayers layers) {
        return layers;
    }

    /** The command's own parts of the request (none by default). */
    RunRequest request(RunRequest request) {
        return request;
    }

    @Override
    public Integer call() {
        ConfigLayers layers = options(record.addTo(pm2.addTo(thresholds.layers())));
        try {
            layers.resolve();
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid configuration: " + e.getMessage());
        }
        RunRequest request = request(RunRequest.of(kind()).config(layers).stateDir(data.stateDir())
                .reportDir(data.reportDir()).notify(record.notify, record.webhookFile, env).clock(clock));
        if (targets.remote()) {
            request.hosts(targets.settings(spec.commandLine()), targets.parallel());
        }
        List<RunOutcome> all = CheckRun.runAll(request);
        PrintWriter err = spec.commandLine().getErr();
        all.forEach(o -> o.notificationProblem().ifPresent(p -> err.println("twzrd-ops: " + p)));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(all.size() == 1 ? all.get(0).json() : RunOutcome.json(all));
        } else {
            all.forEach(o -> print(o, out));
        }
        out.flush();
        return RunOutcome.worst(all).exitCode();
    }

    /** One host's summary, then what the report set says and where it is. */
    void print(RunOutcome outcome, PrintWriter out) {
        out.println(outcome.text());
        outcome.reportChanges().forEach(c -> out.println("  since last report: " + c));
        outcome.reportFiles().forEach(p -> out.println("  report: " + p));
    }
}
