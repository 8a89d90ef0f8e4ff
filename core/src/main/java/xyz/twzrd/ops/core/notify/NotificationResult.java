package xyz.twzrd.ops.core.notify;

/**
 * What became of a notification: the result's {@code notification} section.
 *
 * @param status   SENT (delivered: HTTP 2xx), FAILED, NOT_NEEDED (nothing owed), NOT_CONFIGURED (something owed, but
 *                 no webhook, or no delivery asked) or DEFERRED (the caller delivers it after the run: the Jenkins
 *                 step through the Slack plugin)
 * @param attempts how many requests were made
 * @param reason   why it failed or was not sent (webhook URL masked), empty when sent
 */
public record NotificationResult(Status status, int attempts, String reason) {
    public static final String SECTION = "notification";

    /** Outcome of a notification. */
    public enum Status { SENT, FAILED, NOT_NEEDED, NOT_CONFIGURED, DEFERRED }

    public static NotificationResult notNeeded(String reason) {
        return new NotificationResult(Status.NOT_NEEDED, 0, reason);
    }
}
