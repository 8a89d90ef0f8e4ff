package xyz.twzrd.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.run.HistoryView;

/** {@code twzrd-ops history}: the run history as a text table, or a trend page with --html. */
@Command(addMethodSubcommands = false, name = "history", mixinStandardHelpOptions = true,
        description = "Show the run history from --state-dir: a text table of recent runs, or a trend page (--html).")
final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the trend page to FILE: one self-contained HTML file (ECharts inlined) that opens offline.")
    Path html;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration whose thresholds the trend page draws"
            + " as lines (default: the built-in thresholds).")
    Path config;

    @Option(names = "--check", paramLabel = "NAME", description = "Only runs of this check (alerts, health-check, ...).")
    String check;

    @Option(names = "--last", paramLabel = "N", defaultValue = "24", description = "Rows in the text table (default: ${DEFAULT-VALUE}).")
    int last;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            OpsConfig thresholds;
            try {
                thresholds = config == null ? OpsConfig.defaults() : ConfigLayers.defaults().file(config).resolve();
            } catch (ConfigException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "invalid configuration: " + e.getMessage());
            }
            int runs = HistoryView.writeTrendPage(data.stateDir(), Optional.ofNullable(check), html, thresholds);
            out.println("trend page of " + runs + " runs written to " + html);
        } else {
            out.print(HistoryView.table(data.stateDir(), Optional.ofNullable(check), last));
        }
        out.flush();
        return 0;
    }
}
