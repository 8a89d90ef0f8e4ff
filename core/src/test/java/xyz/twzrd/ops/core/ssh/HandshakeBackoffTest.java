package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.KeyPair;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.exec.Command;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An sshd that drops handshakes beyond a few unauthenticated sessions at once (what OpenSSH's MaxStartups does):
 * a wide fan-out against it backs off and retries, so no host ends UNKNOWN because of our own load.
 */
class HandshakeBackoffTest {
    private static final int MAX_STARTUPS = 3;

    @TempDir
    Path dir;

    /** Closes every new session beyond {@code limit} not yet authenticated, as sshd drops excess startups. */
    static final class MaxStartups implements SessionListener {
        final int limit;
        final Set<Session> pending = ConcurrentHashMap.newKeySet();
        final AtomicInteger dropped = new AtomicInteger();

        MaxStartups(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void sessionCreated(Session session) {
            if (pending.size() >= limit) {
                dropped.incrementAndGet();
                session.close(true);
            } else {
                pending.add(session);
            }
        }

        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated) {
                pending.remove(session);
            }
        }

        @Override
        public void sessionClosed(Session session) {
            pending.remove(session);
        }
    }

    private static CheckResult ok(xyz.twzrd.ops.core.host.Target t) throws Exception {
        Instant start = Instant.now();
        int rc = t.runner().run(Command.of("true")).exitCode();
        return new CheckResult("alerts", t.name(), start, Duration.ZERO,
                List.of(new Finding("probe", rc == 0 ? Severity.OK : Severity.ALERT, null, null, null, null, "ran")));
    }

    @Test
    @Timeout(120)
    void aWideFanOutAgainstAnSshdThatDropsExcessHandshakesEndsWithoutUnknown() throws Exception {
        TestSshServer.ClientKey key = TestSshServer.ClientKey.generate(dir, "id_ed25519", KeyPair.ED25519, null);
        try (TestSshServer server = TestSshServer.start(dir, TestSshServer.authorizedKeys(dir, List.of(key)),
                TestSshServer.shell())) {
            MaxStartups gate = new MaxStartups(MAX_STARTUPS);
            server.sshd.addSessionListener(gate);
            SshSettings s = server.settings(key.privateFile(), null, server.knownHosts(), Duration.ofSeconds(20));
            List<CheckResult> all = RemoteChecks.runAll(Collections.nCopies(24, s), 16, "alerts", Clock.systemUTC(),
                    HandshakeBackoffTest::ok);
            assertThat(gate.dropped.get()).as("handshakes the server dropped (the overload happened)").isPositive();
            assertThat(all).hasSize(24);
            assertThat(all).allSatisfy(r -> {
                assertThat(r.finding(RemoteChecks.CONNECTION)).as(r.getFindings().toString()).isEmpty();
                assertThat(r.getSeverity()).isEqualTo(Severity.OK);
            });
        }
    }

    @Test
    @Timeout(60)
    void aServerThatDropsEveryHandshakeEndsUnknownAfterTheRetriesSayingWhy() throws Exception {
        TestSshServer.ClientKey key = TestSshServer.ClientKey.generate(dir, "id_ed25519", KeyPair.ED25519, null);
        try (TestSshServer server = TestSshServer.start(dir, TestSshServer.authorizedKeys(dir, List.of(key)),
                TestSshServer.shell())) {
            MaxStartups gate = new MaxStartups(0);
            server.sshd.addSessionListener(gate);
            SshSettings s = server.settings(key.privateFile(), null, server.knownHosts(), Duration.ofSeconds(20));
            CheckResult r = RemoteChecks.runOne(s, "alerts", Clock.systemUTC(), HandshakeBackoffTest::ok);
            assertThat(gate.dropped.get()).isEqualTo(RemoteChecks.CONNECT_ATTEMPTS);
            assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
            assertThat(r.finding(RemoteChecks.CONNECTION).orElseThrow().message())
                    .contains("was dropped during the handshake").contains("MaxStartups")
                    .endsWith("gave up after " + RemoteChecks.CONNECT_ATTEMPTS + " attempts");
        }
    }
}
