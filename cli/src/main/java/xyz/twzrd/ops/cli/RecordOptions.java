package xyz.twzrd.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.history.HistoryRetention;
import xyz.twzrd.ops.core.history.RunRecorder;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.notify.SlackWebhookClient;
import xyz.twzrd.ops.core.notify.Webhooks;

/** Options of the post-run steps: alert state, history and Slack. The webhook comes from the environment or a file only. */
public final class RecordOptions {
    @Option(names = "--notify", description = "Post to the Slack webhook in $SLACK_WEBHOOK_URL when something changed.")
    boolean notify;

    @Option(names = "--slack-webhook-file", paramLabel = "FILE",
            description = "Read the Slack webhook URL from FILE instead of $SLACK_WEBHOOK_URL (implies --notify).")
    Path webhookFile;

    @Option(names = "--slack-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Timeout of each Slack request (default: ${DEFAULT-VALUE}).")
    Duration slackTimeout;

    @Option(names = "--slack-attempts", paramLabel = "N", defaultValue = "3",
            description = "Attempts in all on 5xx, timeout or refused connection (default: ${DEFAULT-VALUE}).")
    int slackAttempts;

    @Option(names = "--remind-every", paramLabel = "RUNS", defaultValue = "24",
            description = "Remind about a finding still not OK every this many runs (default: ${DEFAULT-VALUE}).")
    int remindEvery;

    @Option(names = "--debounce", paramLabel = "RUNS", defaultValue = "1",
            description = "Notify a new finding only after this many consecutive runs (default: ${DEFAULT-VALUE}).")
    int debounce;

    @Option(names = "--mute-after-restart", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = "Hold back crash alerts this long after a planned restart (default: ${DEFAULT-VALUE}).")
    Duration muteAfterRestart;

    @Option(names = "--history-keep", paramLabel = "RUNS", defaultValue = "9000",
            description = "Keep the newest this many runs of history (default: ${DEFAULT-VALUE}).")
    int historyKeep;

    @Option(names = "--history-max-age", paramLabel = "DURATION", defaultValue = "400d", converter = DurationConverter.class,
            description = "Drop history older than this (default: ${DEFAULT-VALUE}).")
    Duration historyMaxAge;

    Map<String, String> env = System.getenv();

    /** Runs the post-run steps; reports a failed notification on err (the result keeps it too). */
    CheckResult record(CheckResult result, Path stateDir, Optional<Instant> lastPlannedRestart, PrintWriter err) {
        Optional<RunRecorder.Notifier> notifier = Optional.empty();
        if (notify || webhookFile != null) {
            try {
                notifier = Webhooks.resolve(Optional.ofNullable(webhookFile), env).map(url -> {
                    SlackWebhookClient client = new SlackWebhookClient(slackTimeout, slackAttempts, Duration.ofSeconds(1));
                    return m -> client.send(url, m);
                });
            } catch (IllegalArgumentException e) {
                NotificationResult failed = new NotificationResult(NotificationResult.Status.FAILED, 0, e.getMessage());
                notifier = Optional.of(m -> failed);
            }
        }
        RunRecorder recorder = new RunRecorder(stateDir, new AlertPolicy(remindEvery, debounce, muteAfterRestart),
                new HistoryRetention(historyKeep, historyMaxAge));
        CheckResult out = recorder.record(result, lastPlannedRestart, notifier);
        out.section(NotificationResult.SECTION, NotificationResult.class).ifPresent(n -> {
            if (n.status() == NotificationResult.Status.FAILED
                    || (n.status() == NotificationResult.Status.NOT_CONFIGURED && (notify || webhookFile != null))) {
                err.println("twzrd-ops: notification " + n.status() + ": " + n.reason());
                err.flush();
            }
        });
        return out;
    }
}
