package xyz.twzrd.ops.bench;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.HostSnapshot;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark entry point for {@code bench/ssh-bench.sh}, not a test: {@code HOSTS PARALLEL REPS [MAX_STARTUPS]}
 * starts a real sshd on loopback (Apache MINA SSHD, each exec request run as {@code /bin/sh -c} like OpenSSH,
 * optionally dropping handshakes beyond MAX_STARTUPS unauthenticated sessions like OpenSSH's MaxStartups), then
 * checks 1 target and HOSTS targets (all this sshd) with {@link RemoteChecks#runAll} at PARALLEL: per host the
 * host facts ({@code ProcHostProbe}, one command) and one {@code true} command standing in for {@code pm2 jlist},
 * as the hourly check does. Prints the medians, the exec requests per host, UNKNOWN results, and
 * {@code ratio=} (HOSTS hosts' time / 1 host's) last.
 */
public final class SshFanOutBench {
    private SshFanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        int maxStartups = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("twzrd-ssh-bench");
        AtomicInteger execs = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        java.security.KeyPair hostKey = rsa();
        KeyPair client = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048);
        ByteArrayOutputStream priv = new ByteArrayOutputStream();
        client.writeOpenSSHv1PrivateKey(priv, null);
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        client.writePublicKey(pub, "bench");
        Path key = Files.write(dir.resolve("id_rsa"), priv.toByteArray());
        Path auth = Files.writeString(dir.resolve("authorized_keys"), pub.toString(StandardCharsets.UTF_8));
        List<PublicKey> keys = new ArrayList<>();
        for (AuthorizedKeyEntry e : AuthorizedKeyEntry.readAuthorizedKeys(auth)) {
            keys.add(e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
        }
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("bench", keys));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, line) -> {
            execs.incrementAndGet();
            return new Shell(line);
        });
        if (maxStartups > 0) {
            sshd.addSessionListener(new MaxStartups(maxStartups, dropped));
        }
        sshd.start();
        try {
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                    "[127.0.0.1]:" + sshd.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
            SshSettings s = new SshSettings(System.getProperty("user.name"), "127.0.0.1", sshd.getPort(), key, null, null,
                    knownHosts, Duration.ofSeconds(10), Duration.ofSeconds(30));
            double[] one = new double[reps];
            double[] many = new double[reps];
            int unknown = 0;
            int execsMany = 0;
            for (int r = -1; r < reps; r++) { // the first round warms the JIT and is left out
                long t0 = System.nanoTime();
                unknown += unknowns(RemoteChecks.runAll(List.of(s), parallel, "alerts", Clock.systemUTC(), SshFanOutBench::check));
                long t1 = System.nanoTime();
                int e0 = execs.get();
                unknown += unknowns(RemoteChecks.runAll(Collections.nCopies(hosts, s), parallel, "alerts", Clock.systemUTC(),
                        SshFanOutBench::check));
                long t2 = System.nanoTime();
                execsMany = execs.get() - e0;
                if (r >= 0) {
                    one[r] = (t1 - t0) / 1e9;
                    many[r] = (t2 - t1) / 1e9;
                }
            }
            double m1 = median(one);
            double mn = median(many);
            System.out.printf(Locale.ROOT, "one_host_s=%.3f (runs %s)%n", m1, Arrays.toString(one));
            System.out.printf(Locale.ROOT, "hosts=%d parallel=%d hosts_s=%.3f (runs %s)%n", hosts, parallel, mn, Arrays.toString(many));
            System.out.printf(Locale.ROOT, "exec_requests_per_host=%.1f unknown_results=%d handshakes_dropped=%d%n",
                    execsMany / (double) hosts, unknown, dropped.get());
            System.out.printf(Locale.ROOT, "ratio=%.2f%n", mn / m1);
        } finally {
            sshd.stop(true);
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The hourly check's remote work, without pm2: the host facts and one command. */
    private static CheckResult check(xyz.twzrd.ops.core.host.Target t) throws Exception {
        Instant start = Instant.now();
        HostSnapshot snap = t.hostProbe().snapshot();
        int rc = t.runner().run(xyz.twzrd.ops.core.exec.Command.of("true")).exitCode();
        Severity sev = snap.problems().isEmpty() && rc == 0 ? Severity.OK : Severity.UNKNOWN;
        return new CheckResult("alerts", t.name(), start, Duration.ZERO,
                List.of(new Finding("bench", sev, null, null, null, null, snap.problems().toString())));
    }

    private static int unknowns(List<CheckResult> results) {
        return (int) results.stream().filter(r -> r.getSeverity() == Severity.UNKNOWN).count();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static java.security.KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** Drops new sessions beyond {@code limit} not yet authenticated, as OpenSSH's MaxStartups does. */
    private static final class MaxStartups implements SessionListener {
        private final int limit;
        private final AtomicInteger dropped;
        private final Set<Session> pending = ConcurrentHashMap.newKeySet();

        MaxStartups(int limit, AtomicInteger dropped) {
            this.limit = limit;
            this.dropped = dropped;
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

    /** One exec request: {@code /bin/sh -c line}, stdin from /dev/null, stdout and stderr to the channel. */
    private static final class Shell implements Command {
        private final String line;
        private ExitCallback exit;
        private OutputStream out;
        private OutputStream err;
        private volatile Process process;

        Shell(String line) {
            this.line = line;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            exit = callback;
        }

        @Override
        public void setErrorStream(OutputStream e) {
            err = e;
        }

        @Override
        public void setInputStream(InputStream in) {
            // stdin is not used
        }

        @Override
        public void setOutputStream(OutputStream o) {
            out = o;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", line)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Thread t = new Thread(() -> {
                int code;
                try {
                    Thread e = new Thread(() -> copy(process.getErrorStream(), err));
                    e.start();
                    copy(process.getInputStream(), out);
                    e.join();
                    code = process.waitFor();
                } catch (InterruptedException ex) {
                    code = 130;
                }
                exit.onExit(code);
            }, "bench-sshd-exec");
            t.setDaemon(true);
            t.start();
        }

        private static void copy(InputStream in, OutputStream o) {
            try (in) {
                byte[] b = new byte[8192];
                for (int n = in.read(b); n >= 0; n = in.read(b)) {
                    o.write(b, 0, n);
                    o.flush();
                }
            } catch (IOException ignored) {
                // the channel closed
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }
}
