package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.testkit.LocalRunner;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health probe against real HTTP servers on loopback: one answering 500, one redirecting, a port nobody listens
 * on, and one that accepts connections and never answers. Each is reported as what it is, within the deadline, by
 * both paths: Java's HTTP client (this machine) and curl (the remote path; here curl runs on this machine through a
 * runner that says it is not local, as it would on an SSH target).
 */
class HealthProbeTest {
    static HttpServer http;
    static ServerSocket hanging;
    static final List<Socket> held = new ArrayList<>();
    static int refusedPort;

    @BeforeAll
    static void servers() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/fail", x -> {
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        http.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/login?token=secret123");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        http.createContext("/health", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        http.start();
        hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    Socket s = hanging.accept();
                    synchronized (held) {
                        held.add(s); // read nothing, answer nothing
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        refusedPort = FreePort.loopback();
    }

    @AfterAll
    static void stop() throws Exception {
        http.stop(0);
        hanging.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    static HealthProbe probe(String path) {
        return new HealthProbe(path.equals("curl") ? LocalRunner.sayingRemote() : new LocalCommandRunner());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "curl"})
    void aHealthyEndpointAnswersAtOnce(String how) throws Exception {
        HealthProbe.Outcome o = probe(how).poll(url("/health"), Duration.ofSeconds(5));
        assertThat(o.ok()).isTrue();
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "curl"})
    void http500IsReportedAsTheStatus(String how) throws Exception {
        HealthProbe.Outcome o = probe(how).poll(url("/fail"), Duration.ofSeconds(2));
        assertThat(o.ok()).isFalse();
        assertThat(o.status()).isEqualTo(500);
        assertThat(o.answer()).isEqualTo("HTTP 500");
        assertThat(o.attempts()).isGreaterThan(1);
        assertThat(o.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "curl"})
    void aRedirectIsReportedWithItsTargetWithoutTheQuery(String how) throws Exception {
        HealthProbe.Outcome o = probe(how).poll(url("/moved"), Duration.ofSeconds(2));
        assertThat(o.ok()).isFalse();
        assertThat(o.answer()).isEqualTo("HTTP 302 redirect to " + url("/login")).doesNotContain("secret123");
        assertThat(o.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "curl"})
    void aRefusedConnectionIsReportedAsRefused(String how) throws Exception {
        HealthProbe.Outcome o = probe(how).poll("http://127.0.0.1:" + refusedPort + "/health", Duration.ofSeconds(2));
        assertThat(o.ok()).isFalse();
        assertThat(o.status()).isZero();
        if (how.equals("java")) {
            assertThat(o.answer()).isEqualTo("connection refused");
        } else { // curl 8 words a refusal as "Couldn't connect to server"
            assertThat(o.answer()).matches("connection refused|could not connect \\(curl: Failed to connect to 127\\.0\\.0\\.1 port "
                    + refusedPort + ".*\\)");
        }
        assertThat(o.attempts()).isGreaterThan(1);
        assertThat(o.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "curl"})
    void aHangingEndpointTimesOutWithinTheDeadline(String how) throws Exception {
        HealthProbe.Outcome o = probe(how).poll("http://127.0.0.1:" + hanging.getLocalPort() + "/health",
                Duration.ofSeconds(3));
        assertThat(o.ok()).isFalse();
        assertThat(o.answer()).isEqualTo("no answer within 3s (timed out)");
        assertThat(o.attempts()).isEqualTo(1);
        // the one attempt was given the whole deadline, not 1 ms; a little slack for starting curl
        assertThat(o.elapsed()).isBetween(Duration.ofMillis(2900), Duration.ofMillis(3900));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "curl"})
    void theLastAttemptStillGetsARealTimeout(String how) throws Exception {
        // 6.5 s: an attempt of 5 s, a pause, then the last attempt gets the 1.25 s left (never 1 ms): a real timeout
        HealthProbe.Outcome o = probe(how).poll("http://127.0.0.1:" + hanging.getLocalPort() + "/health",
                Duration.ofMillis(6500));
        assertThat(o.attempts()).isEqualTo(2);
        assertThat(o.answer()).matches("no answer within 1(\\.[0-9])?s \\(timed out\\)");
        assertThat(o.elapsed()).isBetween(Duration.ofMillis(6000), Duration.ofMillis(7500));
    }
}
