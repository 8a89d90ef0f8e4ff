package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Polls a health URL until it answers 2xx or a deadline passes, with backoff (0.25 s doubling to 5 s). On this
 * machine it uses Java's HTTP client; on a remote target it runs {@code curl} there through the target's runner
 * (argument list), so {@code http://localhost:8080/health} means the target's own localhost.
 */
public final class HealthProbe {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    private static final Duration MAX_REQUEST = Duration.ofSeconds(5);

    /**
     * How the polling ended.
     *
     * @param ok       a 2xx answer arrived in time
     * @param status   the last HTTP status, 0 when none arrived
     * @param error    the last connection error, empty when none
     * @param attempts requests made
     * @param elapsed  time spent polling
     */
    public record Outcome(boolean ok, int status, String error, int attempts, Duration elapsed) {
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

    /** Polls until a 2xx answer or until {@code deadline} has passed. */
    public Outcome poll(String url, Duration deadline) throws InterruptedException {
        URI uri = check(url);
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Duration pause = FIRST_PAUSE;
        int attempts = 0;
        int status = 0;
        String error = "";
        HttpClient http = runner.isLocal() ? HttpClient.newBuilder().connectTimeout(MAX_REQUEST).build() : null;
        while (true) {
            Duration left = Duration.ofNanos(Math.max(end - System.nanoTime(), 1_000_000));
            Duration timeout = left.compareTo(MAX_REQUEST) < 0 ? left : MAX_REQUEST;
            attempts++;
            try {
                status = http != null ? local(http, uri, timeout) : remote(uri, timeout);
                error = "";
            } catch (IOException e) {
                status = 0;
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, "", attempts, Duration.ofNanos(System.nanoTime() - start));
            }
            long now = System.nanoTime();
            if (now >= end) {
                return new Outcome(false, status, error, attempts, Duration.ofNanos(now - start));
            }
            Thread.sleep(Math.min(pause.toMillis(), Math.max(1, (end - now) / 1_000_000)));
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    private static int local(HttpClient http, URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int remote(URI uri, Duration timeout) throws IOException {
        long secs = Math.max(1, timeout.toSeconds());
        CommandResult r;
        try {
            r = runner.run(Command.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time",
                    String.valueOf(secs), "--", uri.toString()).withTimeout(timeout.plusSeconds(5)).withMaxOutput(4096));
        } catch (CommandException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            int code = Integer.parseInt(r.stdout().strip());
            if (code == 0) {
                throw new IOException("curl: " + r.firstErrorLine());
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IOException("curl: " + r.firstErrorLine(), e);
        }
    }
}
