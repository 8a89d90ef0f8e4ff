package xyz.twzrd.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.HealthCheckJob;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.report.ReportSet;

/** {@code twzrd-ops health-check}: the weekly health check with its dated report set. */
@Command(name = "health-check", mixinStandardHelpOptions = true,
        description = "Run the weekly health check; write health-report-YYYY-MM-DD.txt/.json/.html into --report-dir, "
                + "compared with the previous report; append history and alert state.")
final class HealthCheckCommand extends CheckCommand {
    @Mixin
    RecordOptions record;

    @Option(names = "--logs", paramLabel = "PATH",
            description = "A further log file or glob to scan (repeatable), beside the PM2 app logs and logs.paths.")
    List<Path> logs = new ArrayList<>();

    private ReportSet written;

    @Override
    CheckResult check(Target target, OpsConfig config) {
        Path state = stateDir(target);
        List<LogSource> extra = logs.stream().map(p -> new LogSource("", p)).toList();
        CheckResult r = new HealthCheckJob(config, pm2.settings(), state, clock).run(target, extra);
        r = record.record(r, state, PlannedRestarts.last(state), spec.commandLine().getErr());
        try {
            written = ReportSet.write(reportDir(target), r);
        } catch (IOException | RuntimeException e) {
            r = r.withFindings(List.of(Finding.unknown("report", "report set could not be written to "
                    + reportDir(target) + ": " + e.getMessage())));
        }
        return r;
    }

    @Override
    void print(CheckResult result) {
        super.print(result);
        if (json || written == null) {
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        written.comparison().changes().forEach(c -> out.println("  since last report: " + c.kind() + " " + c.id()));
        written.files().forEach(p -> out.println("  report: " + p));
        out.flush();
    }
}
