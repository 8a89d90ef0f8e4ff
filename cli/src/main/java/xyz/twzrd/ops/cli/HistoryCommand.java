package xyz.twzrd.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.run.HistoryView;

/** {@code twzrd-ops history}: the run history as a text table, or a trend page with --html. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show the run history from --state-dir: a text table of recent runs, or a trend page (--html).")
final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained trend page (inline SVG) to FILE.")
    Path html;

    @Option(names = "--check", paramLabel = "NAME", description = "Only runs of this check (alerts, health-check, ...).")
    String check;

    @Option(names = "--last", paramLabel = "N", defaultValue = "24", description = "Rows in the text table (default: ${DEFAULT-VALUE}).")
    int last;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            int runs = HistoryView.writeTrendPage(data.stateDir(), Optional.ofNullable(check), html);
            out.println("trend page of " + runs + " runs written to " + html);
        } else {
            out.print(HistoryView.table(data.stateDir(), Optional.ofNullable(check), last));
        }
        out.flush();
        return 0;
    }
}
