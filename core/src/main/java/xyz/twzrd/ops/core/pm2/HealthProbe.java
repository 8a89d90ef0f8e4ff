package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Polls a health URL until it answers 2xx or a deadline passes, with backoff (0.25 s doubling to 5 s). On this
 * machine it uses Java's HTTP client; on a remote target it runs {@code curl} there through the target's runner
 * (argument list), so {@code http://localhost:8080/health} means the target's own localhost. Redirects are not
 * followed: a redirect is an answer that is not 2xx, reported with its target.
 *
 * <p>Every attempt waits at most 5 s and at least {@value #MIN_ATTEMPT_MS} ms for its answer; a new attempt starts
 * only while that much time is left before the deadline (the first always runs), so the last answer reported is a
 * real one (a status, a refused connection, a redirect, a timeout), never the failure of an attempt given no time.
 */
public final class HealthProbe {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    private static final Duration MAX_REQUEST = Duration.ofSeconds(5);
    static final long MIN_ATTEMPT_MS = 500;
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(MIN_ATTEMPT_MS);

    /**
     * How the polling ended.
     *
     * @param ok       a 2xx answer arrived in time
     * @param status   the last HTTP status, 0 when none arrived
     * @param error    the last connection error, empty when an HTTP answer arrived
     * @param attempts requests made
     * @param elapsed  time spent polling
     * @param answer   the last answer in words: {@code HTTP 500}, {@code HTTP 302 redirect to URL},
     *                 {@code connection refused}, {@code no answer within 2s (timed out)}, ...
     */
    public record Outcome(boolean ok, int status, String error, int attempts, Duration elapsed, String answer) {
    }

    /** One attempt's answer: a status (with the redirect target, if any) or an error. */
    private record Answer(int status, String location, String error) {
        String words() {
            if (status > 0) {
                return "HTTP " + status + (location == null || location.isEmpty() ? "" : " redirect to " + location);
            }
            return error;
        }
    }

    private final CommandRunner runner;

    public HealthProbe(CommandRunner runner) {
        this.runner = runner;
    }

    /** Validates a health URL: absolute http or https with a host. */
    public static URI check(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("'" + url + "' is not an http(s) URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason());
        }
    }

    /** The URL as results show it: scheme, host, port and path; user info and query (possible secrets) left out. */
    public static String display(String url) {
        URI u = check(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** A redirect target as results show it: resolved against the URL asked, then like {@link #display}. */
    static String displayLocation(URI asked, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            return display(asked.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return "a location that is not an http(s) URL";
        }
    }

    /** Polls until a 2xx answer or until {@code deadline} has passed. */
    public Outcome poll(String url, Duration deadline) throws InterruptedException {
        URI uri = check(url);
        // built first: the first client of a JVM takes a while to set up, which is not the endpoint's time
        HttpClient http = runner.isLocal() ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(MAX_REQUEST).build() : null;
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Duration pause = FIRST_PAUSE;
        int attempts = 0;
        while (true) {
            Duration left = Duration.ofNanos(end - System.nanoTime());
            Duration timeout = left.compareTo(MAX_REQUEST) > 0 ? MAX_REQUEST
                    : left.compareTo(MIN_ATTEMPT) < 0 ? MIN_ATTEMPT : left;
            attempts++;
            Answer a;
            try {
                a = http != null ? local(http, uri, timeout) : remote(uri, timeout);
            } catch (IOException e) {
                a = new Answer(0, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            long now = System.nanoTime();
            if (a.status() >= 200 && a.status() < 300) {
                return new Outcome(true, a.status(), "", attempts, Duration.ofNanos(now - start), a.words());
            }
            long spare = end - now - MIN_ATTEMPT.toNanos(); // time left beyond what the next attempt needs
            if (spare < 0) {
                return new Outcome(false, a.status(), a.status() > 0 ? "" : a.error(), attempts,
                        Duration.ofNanos(now - start), a.words());
            }
            Thread.sleep(Math.min(pause.toMillis(), spare / 1_000_000));
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    private static Answer local(HttpClient http, URI uri, Duration timeout) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            return new Answer(r.statusCode(), redirect(r.statusCode())
                    ? displayLocation(uri, r.headers().firstValue("Location").orElse(null)) : null, null);
        } catch (HttpConnectTimeoutException e) {
            return new Answer(0, null, "no connection within " + seconds(timeout) + " (connect timed out)");
        } catch (HttpTimeoutException e) {
            return new Answer(0, null, "no answer within " + seconds(timeout) + " (timed out)");
        } catch (ConnectException e) {
            String m = e.getMessage();
            return new Answer(0, null, m == null || m.isBlank() || m.toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused" : "cannot connect: " + m);
        } catch (IOException e) {
            return new Answer(0, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** A timeout as messages show it: {@code 5s}, {@code 2.4s}. */
    static String seconds(Duration d) {
        String s = String.format(Locale.ROOT, "%.1f", Math.round(d.toMillis() / 100.0) / 10.0);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "s";
    }

    private static boolean redirect(int status) {
        return status >= 300 && status < 400;
    }

    /** {@code curl} on the target: status and redirect target from {@code -w}, errors from its exit code and stderr. */
    private Answer remote(URI uri, Duration timeout) throws IOException {
        String secs = String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0);
        CommandResult r;
        try {
            r = runner.run(Command.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                    "--connect-timeout", secs, "--max-time", secs, "--", uri.toString())
                    .withTimeout(timeout.plusSeconds(5)).withMaxOutput(8192));
        } catch (CommandException e) {
            throw new IOException(e.getMessage(), e);
        }
        String[] out = r.stdout().strip().split(" ", 2);
        int code;
        try {
            code = Integer.parseInt(out[0]);
        } catch (NumberFormatException e) {
            code = 0;
        }
        if (code > 0) {
            return new Answer(code, redirect(code) && out.length > 1 ? displayLocation(uri, out[1]) : null, null);
        }
        return new Answer(0, null, switch (r.exitCode()) {
            // curl 8 says "Couldn't connect to server" for a refusal and an unreachable host alike
            case 7 -> r.stderr().contains("refused") ? "connection refused" : "could not connect (curl: " + curlError(r) + ")";
            case 28 -> "no answer within " + seconds(timeout) + " (timed out)";
            case 127 -> "curl not found on the target";
            default -> "curl: " + curlError(r);
        });
    }

    private static String curlError(CommandResult r) {
        return Pm2Client.plain(r.firstErrorLine()).replaceFirst("^curl: \\(\\d+\\)\\s*", "");
    }
}
