package xyz.twzrd.ops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.RunRequest;

/** {@code twzrd-ops health-check}: the weekly health check with its dated report set. */
@Command(addMethodSubcommands = false, name = "health-check", mixinStandardHelpOptions = true,
        description = "Run the weekly health check; write health-report-YYYY-MM-DD.txt/.json/.html into --report-dir, "
                + "compared with the previous report; append history and alert state.")
final class HealthCheckCommand extends CheckCommand {
    @Option(names = "--logs", paramLabel = "PATH",
            description = "A further log file or glob to scan (repeatable), beside the PM2 app logs and logs.paths.")
    List<Path> logs = new ArrayList<>();

    @Override
    CheckKind kind() {
        return CheckKind.HEALTH_CHECK;
    }

    @Override
    RunRequest request(RunRequest request) {
        return request.logs(logs.stream().map(p -> new LogSource("", p)).toList());
    }
}
