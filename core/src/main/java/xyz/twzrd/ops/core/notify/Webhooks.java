package xyz.twzrd.ops.core.notify;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the Slack webhook URL (environment variable or file, never a command-line argument) and masks it. */
public final class Webhooks {
    public static final String ENV = "SLACK_WEBHOOK_URL";

    private Webhooks() {
    }

    /**
     * The webhook from the file when one is given, else from {@code SLACK_WEBHOOK_URL}; empty when neither is set.
     *
     * @throws IllegalArgumentException naming the file (never the URL) when it cannot be read or is not an http(s) URL
     */
    public static Optional<URI> resolve(Optional<Path> file, Map<String, String> env) {
        String raw;
        String from;
        if (file.isPresent()) {
            try {
                raw = Files.readString(file.get(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the Slack webhook file " + file.get() + ": " + e.getClass().getSimpleName());
            }
            from = "file " + file.get();
        } else {
            raw = env.getOrDefault(ENV, "").trim();
            from = "$" + ENV;
            if (raw.isEmpty()) {
                return Optional.empty();
            }
        }
        try {
            URI u = URI.create(raw);
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) {
                return Optional.of(u);
            }
        } catch (IllegalArgumentException e) {
            // reported below without the value
        }
        throw new IllegalArgumentException("the Slack webhook in " + from + " is not an http(s) URL");
    }

    /** The URL with everything after the first path segment hidden: {@code https://hooks.slack.com/services/***}. */
    public static String mask(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        int second = path.indexOf('/', 1);
        String kept = second < 0 ? "" : path.substring(0, second);
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + kept + "/***";
    }

    /** The text with every occurrence of the URL replaced by its masked form. */
    public static String scrub(String text, URI url) {
        return text == null ? "" : text.replace(url.toString(), mask(url));
    }
}
