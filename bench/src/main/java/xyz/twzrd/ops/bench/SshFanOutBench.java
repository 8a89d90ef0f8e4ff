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
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark entry point for {@code bench/ssh-bench.sh}, not a test: {@code HOSTS REPS RTT_MS [PARALLEL [MAX_STARTUPS]]}
 * starts a real sshd on loopback (Apache MINA SSHD, each exec request run as {@code /bin/sh -c} like OpenSSH,
 * dropping handshakes beyond MAX_STARTUPS (default 10) unauthenticated sessions like OpenSSH's MaxStartups), then
 * runs the real {@link AlertsJob} on 1 target and on HOSTS targets (all this sshd) with {@link RemoteChecks#runAll}
 * at PARALLEL (default {@link RemoteChecks#DEFAULT_PARALLEL}), against a stand-in pm2 (a live-looking PM2_HOME:
 * this JVM's pid, a real socket, a {@code pm2} script printing a two-app jlist), twice: straight to the sshd
 * (loopback) and through a TCP relay that delays each direction by RTT_MS / 2 (the modelled network; both sides
 * of a ratio go through the same path). The sshd and the relay run in a JVM of their own ({@code serve}). Prints
 * exec requests per host, UNKNOWN results, dropped handshakes, CPU seconds per host of the client and of the
 * server side (sshd, relay, the shells),
 * {@code ratio_loopback=} and {@code ratio=} last (HOSTS hosts' wall time / 1 host's over the modelled network).
 */
public final class SshFanOutBench {
    private SshFanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            serve(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int hosts = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        int rttMs = Integer.parseInt(args[2]);
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : RemoteChecks.DEFAULT_PARALLEL;
        int maxStartups = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "t17b-");
        KeyPair client = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048);
        ByteArrayOutputStream priv = new ByteArrayOutputStream();
        client.writeOpenSSHv1PrivateKey(priv, null);
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        client.writePublicKey(pub, "bench");
        Path key = Files.write(dir.resolve("id_rsa"), priv.toByteArray());
        Files.writeString(dir.resolve("authorized_keys"), pub.toString(StandardCharsets.UTF_8));
        Pm2Settings pm2 = standInPm2(dir);
        try (ServerSocketChannel sock = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Server server = Server.start(dir, maxStartups, rttMs)) {
            sock.bind(UnixDomainSocketAddress.of(pm2.pm2Home().resolve("rpc.sock")));
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                    "[127.0.0.1]:" + server.sshdPort + " " + server.hostKeyLine + "\n"
                            + "[127.0.0.1]:" + server.relayPort + " " + server.hostKeyLine + "\n");
            SshSettings direct = new SshSettings(System.getProperty("user.name"), "127.0.0.1", server.sshdPort, key, null,
                    null, knownHosts, Duration.ofSeconds(20), Duration.ofSeconds(30));
            SshSettings delayed = new SshSettings(System.getProperty("user.name"), "127.0.0.1", server.relayPort, key,
                    null, null, knownHosts, Duration.ofSeconds(20), Duration.ofSeconds(30));
            System.out.printf(Locale.ROOT, "hosts=%d parallel=%d max_startups=%d rtt_ms=%d reps=%d%n", hosts, parallel,
                    maxStartups, rttMs, reps);
            Side loop = side("loopback", direct, hosts, parallel, reps, pm2, dir, server);
            Side net = side("rtt" + rttMs + "ms", delayed, hosts, parallel, reps, pm2, dir, server);
            System.out.printf(Locale.ROOT, "exec_requests_per_host=%.2f (goal: 1)%n", net.execsPerHost);
            System.out.printf(Locale.ROOT, "unknown_results=%d (goal: 0; of %d results, sshd dropping beyond %d "
                    + "unauthenticated) handshakes_dropped=%d%n", loop.unknown + net.unknown,
                    2 * (reps + 1) * (hosts + 1), maxStartups, server.stats()[1]);
            if (FIRST_UNKNOWN.get() != null) {
                System.out.println("first_unknown_finding=" + FIRST_UNKNOWN.get());
            }
            System.out.printf(Locale.ROOT, "ratio_loopback=%.2f%n", loop.ratio());
            System.out.printf(Locale.ROOT, "ratio=%.2f (%d hosts vs 1 at --parallel %d, RTT %d ms modelled)%n",
                    net.ratio(), hosts, parallel, rttMs);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * The "hosts": the sshd and the relay in a JVM of their own ({@code serve}), so that the client's CPU is
     * measured apart from theirs and their shells'. It prints {@code ports SSHD RELAY HOSTKEY}, answers each
     * {@code stats} line on stdin with {@code stats EXECS DROPPED}, and stops when stdin ends.
     */
    private static final class Server implements AutoCloseable {
        final Process process;
        final java.io.BufferedReader out;
        final java.io.PrintStream in;
        final int sshdPort;
        final int relayPort;
        final String hostKeyLine;

        private Server(Process process) throws IOException {
            this.process = process;
            this.out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new java.io.PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String[] ports = out.readLine().split(" ", 4);
            sshdPort = Integer.parseInt(ports[1]);
            relayPort = Integer.parseInt(ports[2]);
            hostKeyLine = ports[3];
        }

        static Server start(Path dir, int maxStartups, int rttMs) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new Server(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SshFanOutBench.class.getName(), "serve", dir.toString(), String.valueOf(maxStartups),
                    String.valueOf(rttMs)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        /** {exec requests, dropped handshakes} so far. */
        synchronized int[] stats() throws IOException {
            in.println("stats");
            String[] f = out.readLine().split(" ");
            return new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])};
        }

        /** CPU seconds of the server JVM and its reaped children (the shells). */
        double cpuSeconds() throws IOException {
            return cpu("/proc/" + process.pid() + "/stat", true);
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The server side: sshd and relay until stdin ends. */
    private static void serve(Path dir, int maxStartups, int rttMs) throws Exception {
        AtomicInteger execs = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        java.security.KeyPair hostKey = rsa();
        List<PublicKey> keys = new ArrayList<>();
        for (AuthorizedKeyEntry e : AuthorizedKeyEntry.readAuthorizedKeys(dir.resolve("authorized_keys"))) {
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
        try (DelayRelay relay = new DelayRelay(sshd.getPort(), Duration.ofNanos(rttMs * 1_000_000L / 2))) {
            System.out.println("ports " + sshd.getPort() + " " + relay.port() + " " + PublicKeyEntry.toString(hostKey.getPublic()));
            System.out.flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("stats")) {
                    System.out.println("stats " + execs.get() + " " + dropped.get());
                    System.out.flush();
                }
            }
        } finally {
            sshd.stop(true);
        }
    }

    /** One network path's figures. */
    private record Side(double one, double many, double execsPerHost, int unknown) {
        double ratio() {
            return many / one;
        }
    }

    /** 1 host and HOSTS hosts over one path, interleaved, after one warm-up round. */
    private static Side side(String name, SshSettings s, int hosts, int parallel, int reps, Pm2Settings pm2, Path dir,
            Server server) throws Exception {
        double[] one = new double[reps];
        double[] many = new double[reps];
        double[] cpuMany = new double[reps];
        double[] cpuShells = new double[reps]; // the server side: sshd, relay and the shells
        int unknown = 0;
        int execsMany = 0;
        int drops0 = server.stats()[1];
        for (int r = -1; r < reps; r++) { // the first round warms the JIT and is left out
            long t0 = System.nanoTime();
            unknown += unknowns(RemoteChecks.runAll(List.of(s), parallel, AlertsJob.CHECK, Clock.systemUTC(),
                    t -> alerts(t, pm2, dir)));
            long t1 = System.nanoTime();
            int e0 = server.stats()[0];
            double c0 = cpu("/proc/self/stat", false);
            double s0 = server.cpuSeconds();
            unknown += unknowns(RemoteChecks.runAll(Collections.nCopies(hosts, s), parallel, AlertsJob.CHECK,
                    Clock.systemUTC(), t -> alerts(t, pm2, dir)));
            long t2 = System.nanoTime();
            double c1 = cpu("/proc/self/stat", false);
            double s1 = server.cpuSeconds();
            execsMany = server.stats()[0] - e0;
            if (r >= 0) {
                one[r] = (t1 - t0) / 1e9;
                many[r] = (t2 - t1) / 1e9;
                cpuMany[r] = (c1 - c0) / hosts;
                cpuShells[r] = (s1 - s0) / hosts;
            }
        }
        Side side = new Side(median(one), median(many), execsMany / (double) hosts, unknown);
        System.out.printf(Locale.ROOT, "[%s] one_host_s=%.3f (runs %s) hosts_s=%.3f (runs %s) client_cpu_s_per_host=%.3f "
                        + "server_cpu_s_per_host=%.3f (sshd, relay, shells) exec_requests_per_host=%.2f unknown=%d "
                        + "dropped=%d ratio_%s=%.2f%n",
                name, side.one, Arrays.toString(round(one)), side.many, Arrays.toString(round(many)), median(cpuMany),
                median(cpuShells), side.execsPerHost, unknown, server.stats()[1] - drops0, name, side.ratio());
        return side;
    }

    /** The real hourly check on one target, with a state folder of its own. */
    private static CheckResult alerts(xyz.twzrd.ops.core.host.Target t, Pm2Settings pm2, Path dir) throws Exception {
        Path state = Files.createTempDirectory(dir, "state");
        OpsConfig config = new OpsConfig();
        // load never above 1000: the shared, loaded box must not make the hosts look under pressure (TopProcesses)
        config.getThresholds().getLoad().setAlert(1000.0).setEmergency(2000.0);
        config.getThresholds().getMemory().setAlert(99.0).setEmergency(100.0);
        config.getThresholds().getSwap().setAlert(99.0).setEmergency(100.0);
        return new AlertsJob(config, pm2, state, Clock.systemUTC()).run(t);
    }

    /**
     * A PM2_HOME that looks like a running daemon (this JVM's pid in pm2.pid; the socket is bound by the caller)
     * and a {@code pm2} that prints a two-app jlist (no environments in it).
     */
    private static Pm2Settings standInPm2(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("pm2home"));
        Files.writeString(home.resolve("pm2.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(home.resolve("pm2.log"), "");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2; i++) {
            json.append(i == 0 ? "" : ",").append("{\"pid\":").append(1000 + i).append(",\"name\":\"app").append(i)
                    .append("\",\"pm_id\":").append(i).append(",\"monit\":{\"memory\":1000,\"cpu\":0},")
                    .append("\"pm2_env\":{\"status\":\"online\",\"restart_time\":0,\"unstable_restarts\":0,")
                    .append("\"pm_uptime\":1700000000000,\"created_at\":1700000000000,\"exec_mode\":\"fork_mode\",")
                    .append("\"instances\":1,\"pm_pid_path\":\"").append(home).append("/pids/app").append(i).append(".pid\"}}");
        }
        Path list = Files.writeString(home.resolve("jlist.json"), json.append("]").toString());
        Path bin = Files.writeString(home.resolve("pm2"), "#!/bin/sh\nexec cat " + list + "\n");
        bin.toFile().setExecutable(true);
        return new Pm2Settings(bin.toString(), home, Duration.ofSeconds(10));
    }

    /**
     * User + system CPU seconds of a process from its {@code stat} file (100 Hz ticks), with its reaped children
     * when asked.
     */
    private static double cpu(String statFile, boolean children) throws IOException {
        String stat = Files.readString(Path.of(statFile));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of stat (utime stime cutime cstime) are 11-14 after the command name and state
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12])
                + (children ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
        return ticks / 100.0;
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return out;
    }

    private static int unknowns(List<CheckResult> results) {
        for (CheckResult r : results) {
            r.getFindings().stream().filter(f -> f.severity() == Severity.UNKNOWN).findFirst()
                    .ifPresent(f -> FIRST_UNKNOWN.compareAndSet(null, f.id() + ": " + f.message()));
        }
        return (int) results.stream().filter(r -> r.getSeverity() == Severity.UNKNOWN).count();
    }

    /** The first UNKNOWN finding seen, printed to say why. */
    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_UNKNOWN =
            new java.util.concurrent.atomic.AtomicReference<>();

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

    /**
     * A loopback TCP relay in front of the sshd that delays every byte by a fixed one-way latency in each direction
     * (a network round trip of twice that; bandwidth is not limited). Per connection and direction, a reader
     * stamps each chunk with its due time and a writer sends it then, so the delay does not add up across chunks.
     */
    private static final class DelayRelay implements AutoCloseable {
        private final java.net.ServerSocket server;
        private final int target;
        private final long delayNanos;
        private final Set<java.net.Socket> open = ConcurrentHashMap.newKeySet();

        DelayRelay(int target, Duration oneWay) throws IOException {
            this.target = target;
            this.delayNanos = oneWay.toNanos();
            this.server = new java.net.ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "bench-relay-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    java.net.Socket in = server.accept();
                    java.net.Socket out = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), target);
                    in.setTcpNoDelay(true);
                    out.setTcpNoDelay(true);
                    open.add(in);
                    open.add(out);
                    pipe(in, out);
                    pipe(out, in);
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private record Chunk(long due, byte[] data) {
        }

        private void pipe(java.net.Socket from, java.net.Socket to) {
            java.util.concurrent.BlockingQueue<Chunk> q = new java.util.concurrent.LinkedBlockingQueue<>();
            Chunk eof = new Chunk(0, new byte[0]);
            Thread reader = new Thread(() -> {
                try (InputStream in = from.getInputStream()) {
                    byte[] b = new byte[16384];
                    for (int n = in.read(b); n >= 0; n = in.read(b)) {
                        q.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(b, n)));
                    }
                } catch (IOException e) {
                    // the other side closed
                }
                q.add(eof);
            }, "bench-relay-read");
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = to.getOutputStream();
                    while (true) {
                        Chunk c = q.take();
                        if (c == eof) {
                            break;
                        }
                        long wait = c.due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        out.write(c.data);
                        out.flush();
                    }
                    to.shutdownOutput();
                    closeIfDone(from, to);
                } catch (IOException | InterruptedException e) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "bench-relay-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private synchronized void closeIfDone(java.net.Socket a, java.net.Socket b) {
            if (a.isOutputShutdown() && b.isOutputShutdown()) {
                closeQuietly(a);
                closeQuietly(b);
            }
        }

        private void closeQuietly(java.net.Socket s) {
            open.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (java.net.Socket s : open) {
                closeQuietly(s);
            }
        }
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

    /** One exec request: {@code /bin/sh -c line}, the channel's data as stdin, stdout and stderr to the channel. */
    private static final class Shell implements Command {
        private final String line;
        private ExitCallback exit;
        private OutputStream out;
        private OutputStream err;
        private InputStream in;
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
        public void setInputStream(InputStream i) {
            in = i;
        }

        @Override
        public void setOutputStream(OutputStream o) {
            out = o;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", line).start();
            // the channel's data as stdin, closed when the channel closes, as OpenSSH's sshd does (the client's
            // command wrapper watches its stdin to end the command's process group when the channel goes away)
            Thread stdin = new Thread(() -> {
                try (OutputStream o = process.getOutputStream()) {
                    if (in != null) {
                        in.transferTo(o);
                    }
                } catch (IOException ignored) {
                    // the channel or the process went away: stdin is closed either way
                }
            }, "bench-sshd-stdin");
            stdin.setDaemon(true);
            stdin.start();
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
