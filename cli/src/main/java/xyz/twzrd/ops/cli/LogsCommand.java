package xyz.twzrd.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.logs.LogFileReport;
import xyz.twzrd.ops.core.logs.LogScanResult;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.logs.SignatureStat;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code twzrd-ops logs}: the log error scan on its own. */
@Command(addMethodSubcommands = false, name = "logs", mixinStandardHelpOptions = true,
        description = "Scan log files for new error lines since the last scan; counts per file and top error signatures.")
final class LogsCommand extends CheckCommand {
    private static final int SHOWN_SIGNATURES = 3;

    @Option(names = "--logs", paramLabel = "PATH",
            description = "A log file or glob to scan (repeatable); added to logs.paths of the configuration.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--full", description = "Read every file from the start instead of from where the last scan stopped.")
    boolean full;

    @Override
    CheckKind kind() {
        return CheckKind.LOGS;
    }

    @Override
    RunRequest request(RunRequest request) {
        return request.logs(logs.stream().map(p -> new LogSource("", p)).toList()).fullScan(full);
    }

    @Override
    void print(RunOutcome outcome, PrintWriter out) {
        super.print(outcome, out);
        CheckResult result = outcome.result();
        LogScanResult scan = new LogScanResult(result.getFindings(),
                List.of(result.section(LogScanResult.SECTION, LogFileReport[].class).orElse(new LogFileReport[0])));
        scan.errorLinesByApp().forEach((app, lines) -> {
            if (!app.isEmpty() && lines > 0) {
                out.println("  app " + app + ": " + lines + " error line" + (lines == 1 ? "" : "s"));
            }
        });
        for (LogFileReport f : scan.files()) {
            if (f.errorLines() == 0) {
                continue;
            }
            out.println("  " + f.path() + (f.app().isEmpty() ? "" : " (" + f.app() + ")") + ": " + f.errorLines()
                    + " error line" + (f.errorLines() == 1 ? "" : "s"));
            for (SignatureStat s : f.signatures().subList(0, Math.min(SHOWN_SIGNATURES, f.signatures().size()))) {
                out.println("    " + s.count() + "× " + s.signature());
            }
        }
    }
}
