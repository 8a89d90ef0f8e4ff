package xyz.twzrd.ops.core.config;

import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.history.HistoryRetention;
import xyz.twzrd.ops.core.notify.SlackWebhookClient;

/**
 * The defaults of the keys a face documents in its own help text (the runner's {@code --help}), as compile-time
 * constants. Each refers to the one place the default is stated; nothing here is a second copy.
 */
public final class Defaults {
    public static final int REMIND_EVERY = AlertPolicy.DEFAULT_REMIND_EVERY;
    public static final int DEBOUNCE = AlertPolicy.DEFAULT_DEBOUNCE;
    public static final int RESOLVE_AFTER = AlertPolicy.DEFAULT_RESOLVE_AFTER;
    public static final String MUTE_AFTER_RESTART = AlertPolicy.DEFAULT_MUTE_AFTER_RESTART;
    public static final String SLACK_TIMEOUT = SlackWebhookClient.DEFAULT_TIMEOUT_TEXT;
    public static final int SLACK_ATTEMPTS = SlackWebhookClient.DEFAULT_ATTEMPTS;
    public static final int HISTORY_KEEP = HistoryRetention.DEFAULT_KEEP;
    public static final String HISTORY_MAX_AGE = HistoryRetention.DEFAULT_MAX_AGE;

    private Defaults() {
    }
}
