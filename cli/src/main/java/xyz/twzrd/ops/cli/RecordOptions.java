package xyz.twzrd.ops.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.Defaults;

/**
 * Options of the steps after a check: notification, alert policy and history (keys {@code notify.*}, {@code alert.*},
 * {@code history.*}; the defaults are the configuration's, see docs/configuration.md). The webhook comes from the
 * environment or a file only.
 */
public final class RecordOptions {
    @Option(names = "--notify", description = "Post to the Slack webhook in $SLACK_WEBHOOK_URL when something changed; "
            + "what is not delivered (no webhook, an error) stays pending and goes out with the next run that delivers.")
    boolean notify;

    @Option(names = "--slack-webhook-file", paramLabel = "FILE",
            description = "Read the Slack webhook URL from FILE instead of $SLACK_WEBHOOK_URL (implies --notify).")
    Path webhookFile;

    @Option(names = "--slack-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Timeout of each Slack request (notify.slack-timeout, default " + Defaults.SLACK_TIMEOUT + ").")
    Duration slackTimeout;

    @Option(names = "--slack-attempts", paramLabel = "N",
            description = "Attempts in all on 5xx, timeout or refused connection (notify.slack-attempts, default " + Defaults.SLACK_ATTEMPTS + ").")
    Integer slackAttempts;

    @Option(names = "--remind-every", paramLabel = "RUNS",
            description = "Remind about a finding still not OK every this many runs (alert.remind-every, default " + Defaults.REMIND_EVERY + ").")
    Integer remindEvery;

    @Option(names = "--debounce", paramLabel = "RUNS",
            description = "Notify a new finding only after this many consecutive runs (alert.debounce, default " + Defaults.DEBOUNCE + ").")
    Integer debounce;

    @Option(names = "--resolve-after", paramLabel = "RUNS",
            description = "A notified finding resolves only after this many OK runs in a row (alert.resolve-after, default " + Defaults.RESOLVE_AFTER + ").")
    Integer resolveAfter;

    @Option(names = "--mute-after-restart", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Hold back crash alerts this long after a planned restart (alert.mute-after-restart, default " + Defaults.MUTE_AFTER_RESTART + ").")
    Duration muteAfterRestart;

    @Option(names = "--history-keep", paramLabel = "RUNS",
            description = "Keep the newest this many runs of history (history.keep, default " + Defaults.HISTORY_KEEP + ").")
    Integer historyKeep;

    @Option(names = "--history-max-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Drop history older than this (history.max-age, default " + Defaults.HISTORY_MAX_AGE + ").")
    Duration historyMaxAge;

    /** The flags given, over the earlier layers. */
    ConfigLayers addTo(ConfigLayers layers) {
        return layers.set("--slack-timeout", "notify.slack-timeout", slackTimeout)
                .set("--slack-attempts", "notify.slack-attempts", slackAttempts)
                .set("--remind-every", "alert.remind-every", remindEvery)
                .set("--debounce", "alert.debounce", debounce)
                .set("--resolve-after", "alert.resolve-after", resolveAfter)
                .set("--mute-after-restart", "alert.mute-after-restart", muteAfterRestart)
                .set("--history-keep", "history.keep", historyKeep)
                .set("--history-max-age", "history.max-age", historyMaxAge);
    }
}
