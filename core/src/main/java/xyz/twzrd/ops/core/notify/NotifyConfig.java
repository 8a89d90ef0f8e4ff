package xyz.twzrd.ops.core.notify;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/** The {@code notify:} section of the configuration: how the Slack webhook is called. The URL is never here. */
public class NotifyConfig {
    private Duration slackTimeout = SlackWebhookClient.DEFAULT_TIMEOUT;
    private int slackAttempts = SlackWebhookClient.DEFAULT_ATTEMPTS;

    /** The client these values describe (call after {@link #validate}). */
    public SlackWebhookClient client() {
        return new SlackWebhookClient(slackTimeout, slackAttempts, SlackWebhookClient.DEFAULT_BACKOFF);
    }

    public void validate(String key) throws ConfigException {
        Durations.require(key + ".slack-timeout", slackTimeout, true);
        if (slackAttempts < 1 || slackAttempts > 10) {
            throw new ConfigException(key + ".slack-attempts", "must be from 1 to 10, not " + slackAttempts);
        }
    }
}
