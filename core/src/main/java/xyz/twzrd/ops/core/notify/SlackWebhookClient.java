package xyz.twzrd.ops.core.notify;

import xyz.twzrd.ops.core.Durations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Posts a {@link SlackMessage} to an incoming webhook with a timeout and bounded retries: a 5xx answer,
 * a timeout or a refused connection is retried with doubling backoff, a 4xx is not. Never throws;
 * every reason it reports has the webhook URL masked.
 */
public final class SlackWebhookClient {
    /** Default timeout of each attempt ({@code notify.slack-timeout}). */
    public static final String DEFAULT_TIMEOUT_TEXT = "10s";
    public static final Duration DEFAULT_TIMEOUT = Durations.parse(DEFAULT_TIMEOUT_TEXT);
    /** Default attempts in all ({@code notify.slack-attempts}). */
    public static final int DEFAULT_ATTEMPTS = 3;
    /** Wait before the first retry, doubled for each further one. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final HttpClient http;

    /**
     * @param timeout     connect and request timeout of each attempt
     * @param maxAttempts attempts in all (1: no retry)
     * @param backoff     wait before the first retry, doubled for each further one
     */
    public SlackWebhookClient(Duration timeout, int maxAttempts, Duration backoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed, got " + maxAttempts);
        }
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The defaults: {@link #DEFAULT_TIMEOUT}, {@link #DEFAULT_ATTEMPTS}, {@link #DEFAULT_BACKOFF}. */
    public static SlackWebhookClient defaults() {
        return new SlackWebhookClient(DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    public NotificationResult send(URI webhook, SlackMessage message) {
        HttpRequest req = HttpRequest.newBuilder(webhook).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.webhookPayload())).build();
        String reason = "";
        Duration wait = backoff;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            boolean retry;
            try {
                HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                int code = resp.statusCode();
                if (code / 100 == 2) {
                    return new NotificationResult(NotificationResult.Status.SENT, attempt, "");
                }
                reason = "HTTP " + code + " from " + Webhooks.mask(webhook);
                retry = code >= 500;
            } catch (HttpTimeoutException e) {
                reason = "timed out after " + timeout.toMillis() + " ms posting to " + Webhooks.mask(webhook);
                retry = true;
            } catch (IOException e) {
                String detail = Webhooks.scrub(e.getMessage(), webhook);
                reason = e.getClass().getSimpleName() + " posting to " + Webhooks.mask(webhook)
                        + (detail.isBlank() ? "" : ": " + detail);
                retry = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new NotificationResult(NotificationResult.Status.FAILED, attempt, "interrupted");
            }
            if (!retry || attempt == maxAttempts) {
                return new NotificationResult(NotificationResult.Status.FAILED, attempt, reason);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new NotificationResult(NotificationResult.Status.FAILED, attempt, reason + " (interrupted)");
            }
            wait = wait.multipliedBy(2);
        }
        return new NotificationResult(NotificationResult.Status.FAILED, maxAttempts, reason);
    }
}
