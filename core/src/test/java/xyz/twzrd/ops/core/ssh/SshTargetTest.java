package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.testkit.FreePort;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Remote checks against a real SSH server (Apache MINA SSHD) on loopback, running real commands on this machine. */
@Timeout(60)
class SshTargetTest {
    private static final String PASSPHRASE = "s3cret-Pass phrase";
    private static final Duration CMD = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static TestSshServer server;
    static TestSshServer.ClientKey ed25519;
    static TestSshServer.ClientKey rsaWithPassphrase;
    static TestSshServer.ClientKey stranger;

    @BeforeAll
    static void start() throws Exception {
        ed25519 = TestSshServer.ClientKey.generate(dir, "id_ed25519", KeyPair.ED25519, null);
        rsaWithPassphrase = TestSshServer.ClientKey.generate(dir, "id_rsa", KeyPair.RSA, PASSPHRASE);
        stranger = TestSshServer.ClientKey.generate(dir, "id_stranger", KeyPair.ED25519, null);
        Path auth = TestSshServer.authorizedKeys(dir, List.of(ed25519, rsaWithPassphrase));
        server = TestSshServer.start(dir, auth, TestSshServer.shell());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static OpsConfig config() {
        OpsConfig c = new OpsConfig();
        // memory is always above 0% and load never above 1000: the outcome does not depend on the moment
        c.getThresholds().getMemory().setAlert(0.0).setEmergency(100.0);
        c.getThresholds().getLoad().setAlert(1000.0).setEmergency(2000.0);
        return c;
    }

    /** The alerts job with a pm2 that is not there: its pm2 findings are UNKNOWN alike here and remotely. */
    private static AlertsJob alertsJob() {
        try {
            Path state = Files.createTempDirectory("twzrd-ssh-state");
            return new AlertsJob(config(), new Pm2Settings(state.resolve("no-pm2").toString(), null,
                    Duration.ofSeconds(10)), state, Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CheckResult remoteAlerts(SshSettings s) {
        return RemoteChecks.runOne(s, AlertsJob.CHECK, Clock.systemUTC(),
                t -> alertsJob().run(t));
    }

    @Test
    void remoteAlertsAgreeWithALocalRunOverOneSession() throws Exception {
        int before = server.sessions.get();
        CheckResult remote = remoteAlerts(server.settings(ed25519.privateFile(), null, server.knownHosts(), CMD));
        CheckResult local;
        try (Target t = Target.local()) {
            local = alertsJob().run(t);
        }
        assertThat(server.sessions.get() - before).as("one session for all commands of the run").isEqualTo(1);
        assertThat(remote.getHost()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(remote.getSeverity()).isEqualTo(local.getSeverity());
        for (String id : List.of("swap", "memory", "load", "disk:/")) {
            Finding r = remote.finding(id).orElseThrow(() -> new AssertionError("no " + id + " in " + remote.getFindings()));
            Finding l = local.finding(id).orElseThrow();
            assertThat(r.severity()).as(id).isEqualTo(l.severity());
            assertThat(r.unit()).as(id).isEqualTo(l.unit());
        }
        assertThat(remote.finding("swap").orElseThrow().value()).isEqualTo(local.finding("swap").orElseThrow().value());
        assertThat(remote.finding("disk:/").orElseThrow().value())
                .isCloseTo(local.finding("disk:/").orElseThrow().value(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(remote.finding("memory").orElseThrow().value())
                .isCloseTo(local.finding("memory").orElseThrow().value(), org.assertj.core.data.Offset.offset(10.0));
        assertThat(remote.finding("load").orElseThrow().details()).containsKeys("load1", "load5", "load15", "cpus");
        CheckResult back = Json.readResult(Json.pretty(remote));
        assertThat(back.getSchema()).isEqualTo(1);
        assertThat(back.getFindings()).extracting(Finding::id).isEqualTo(remote.getFindings().stream().map(Finding::id).toList());
    }

    @Test
    void hostileArgumentsArePassedLiterallyAndNothingElseRuns() throws Exception {
        Path pwned = dir.resolve("pwned");
        String hostile = "a'b; touch " + pwned + " `touch " + pwned + "` $(touch " + pwned + ") \"$HOME\" \\ * | & > "
                + pwned + " \n next";
        SshSettings s = new SshSettings(System.getProperty("user.name"), "127.0.0.1", server.port(), null,
                rsaWithPassphrase.privateBytes(), PASSPHRASE.toCharArray(), server.knownHosts(), Duration.ofSeconds(5), CMD);
        try (SshTarget t = SshTarget.open(s)) {
            CommandResult r = t.runner().run(Command.of("printf", "%s", hostile));
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).isEqualTo(hostile);
            CommandResult env = t.runner().run(Command.of("sh", "-c", "printf %s \"$TWZRD_X\"")
                    .withEnv(Map.of("TWZRD_X", hostile)));
            assertThat(env.stdout()).isEqualTo(hostile);
        }
        assertThat(pwned).doesNotExist();
    }

    @Test
    void exitStatusMissingProgramAndOutputCap() throws Exception {
        try (SshTarget t = SshTarget.open(server.settings(ed25519.privateFile(), null, server.knownHosts(), CMD))) {
            assertThat(t.runner().isLocal()).isFalse();
            CommandResult r = t.runner().run(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThatThrownBy(() -> t.runner().run(Command.of("twzrd-no-such-program")))
                    .isInstanceOfSatisfying(CommandException.class,
                            e -> assertThat(e.kind()).isEqualTo(CommandException.Kind.NOT_FOUND))
                    .hasMessageContaining("twzrd-no-such-program");
            CommandResult big = t.runner().run(Command.of("head", "-c", "200000", "/dev/zero").withMaxOutput(1000));
            assertThat(big.truncated()).isTrue();
            assertThat(big.stdout()).hasSize(1000);
            assertThatThrownBy(() -> t.runner().run(Command.of("sleep", "5").withTimeout(Duration.ofMillis(300))))
                    .isInstanceOfSatisfying(CommandException.class,
                            e -> assertThat(e.kind()).isEqualTo(CommandException.Kind.TIMEOUT))
                    .hasMessageContaining("did not finish within 300ms");
            assertThat(t.runner().run(Command.of("true")).exitCode()).as("session still usable").isZero();
        }
    }

    @Test
    void aTimeoutEndsTheRemoteCommandAndEverythingItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        // a command that forks a child and waits: a killed shell alone would leave the child running
        String script = "sleep 60 & echo $! > " + pids + ".tmp; echo $$ >> " + pids + ".tmp; mv " + pids + ".tmp " + pids
                + "; wait";
        try (SshTarget t = SshTarget.open(server.settings(ed25519.privateFile(), null, server.knownHosts(), CMD))) {
            assertThatThrownBy(() -> t.runner().run(Command.of("sh", "-c", script).withTimeout(Duration.ofSeconds(2))))
                    .isInstanceOfSatisfying(CommandException.class,
                            e -> assertThat(e.kind()).isEqualTo(CommandException.Kind.TIMEOUT))
                    .hasMessageContaining("its processes on the host killed");
            assertThat(t.runner().run(Command.of("true")).exitCode()).as("session still usable").isZero();
        }
        List<Long> started = Files.readAllLines(pids).stream().map(String::strip).map(Long::parseLong).toList();
        assertThat(started).hasSize(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (started.stream().anyMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(started).as("the command and its child are gone").allSatisfy(
                p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    }

    private static Finding onlyConnectionFinding(CheckResult r) {
        assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.getFindings()).hasSize(1);
        Finding f = r.getFindings().get(0);
        assertThat(f.id()).isEqualTo(RemoteChecks.CONNECTION);
        assertThat(f.message()).doesNotContain("Exception").doesNotContain("\tat ");
        return f;
    }

    @Test
    void changedHostKeyIsRefusedShowingTheOfferedFingerprint() throws Exception {
        Path kh = server.knownHosts("changed", TestSshServer.rsa().getPublic());
        Finding f = onlyConnectionFinding(remoteAlerts(server.settings(ed25519.privateFile(), null, kh, CMD)));
        assertThat(f.message()).contains("127.0.0.1:" + server.port()).contains("CHANGED").contains(server.fingerprint());
    }

    @Test
    void unknownHostIsRefusedShowingTheOfferedFingerprint() throws Exception {
        Path kh = dir.resolve("other-host");
        Files.writeString(kh, Files.readString(server.knownHosts()).replace("127.0.0.1", "127.0.0.2"));
        Finding f = onlyConnectionFinding(remoteAlerts(server.settings(ed25519.privateFile(), null, kh, CMD)));
        assertThat(f.message()).contains("UNKNOWN").contains(server.fingerprint()).contains(kh.toString());
        Finding missing = onlyConnectionFinding(remoteAlerts(
                server.settings(ed25519.privateFile(), null, dir.resolve("no-such-known-hosts"), CMD)));
        assertThat(missing.message()).contains("no-such-known-hosts").contains("does not exist");
    }

    @Test
    void knownHostsTextGivenInMemoryIsNamedByItsSourceNeverByTheTemporaryFile() throws Exception {
        // the Jenkins way: in-memory key and known_hosts text, which core keeps in a private temporary file
        String changed = Files.readString(server.knownHosts("changed-inline", TestSshServer.rsa().getPublic()));
        String stranger = Files.readString(server.knownHosts()).replace("127.0.0.1", "127.0.0.2");
        String target = System.getProperty("user.name") + "@127.0.0.1:" + server.port();
        String key = new String(ed25519.privateBytes(), java.nio.charset.StandardCharsets.UTF_8);
        xyz.twzrd.ops.core.config.ConfigLayers layers = xyz.twzrd.ops.core.config.ConfigLayers.defaults()
                .set("test", "pm2.program", "/nonexistent/pm2");
        Path state = Files.createTempDirectory(dir, "inline-state");
        Finding mismatch = xyz.twzrd.ops.core.run.CheckRun.run(xyz.twzrd.ops.core.run.RunRequest
                .of(xyz.twzrd.ops.core.run.CheckKind.ALERTS).config(layers).stateDir(state)
                .ssh(target, key, "", changed, "the step's knownHosts")).result().finding(RemoteChecks.CONNECTION)
                .orElseThrow();
        assertThat(mismatch.message()).contains("CHANGED").contains(server.fingerprint())
                .contains("which does not match the step's knownHosts")
                .doesNotContain("twzrd-known-hosts").doesNotContain(System.getProperty("java.io.tmpdir"));
        Finding unknown = xyz.twzrd.ops.core.run.CheckRun.run(xyz.twzrd.ops.core.run.RunRequest
                .of(xyz.twzrd.ops.core.run.CheckKind.ALERTS).config(layers).stateDir(state)
                .ssh(target, key, "", stranger, "the global knownHosts")).result().finding(RemoteChecks.CONNECTION)
                .orElseThrow();
        assertThat(unknown.message()).contains("UNKNOWN").contains("which is not in the global knownHosts")
                .doesNotContain("twzrd-known-hosts");
        Finding unnamed = xyz.twzrd.ops.core.run.CheckRun.run(xyz.twzrd.ops.core.run.RunRequest
                .of(xyz.twzrd.ops.core.run.CheckKind.ALERTS).config(layers).stateDir(state)
                .ssh(target, key, "", stranger)).result().finding(RemoteChecks.CONNECTION).orElseThrow();
        assertThat(unnamed.message()).contains("which is not in the known_hosts text").doesNotContain("twzrd-known-hosts");
        // a file the user keeps (the runner's --known-hosts) is still named by its path
        SshSettings file = server.settings(ed25519.privateFile(), null, server.knownHosts(), CMD);
        assertThat(file.knownHostsName()).isEqualTo(server.knownHosts().toString());
        assertThat(file.withKnownHostsName("the step's knownHosts").knownHostsName()).isEqualTo("the step's knownHosts");
        assertThat(file.withKnownHostsName(" ").knownHostsName()).isEqualTo(server.knownHosts().toString());
    }

    @Test
    void wrongKeyOrPassphraseIsAClearFailureWithoutSecrets() throws Exception {
        Finding f = onlyConnectionFinding(remoteAlerts(
                server.settings(stranger.privateFile(), null, server.knownHosts(), CMD)));
        assertThat(f.message()).contains("authentication failed").contains(stranger.privateFile().toString());
        Finding pass = onlyConnectionFinding(remoteAlerts(
                server.settings(rsaWithPassphrase.privateFile(), "Wr0ng-Pass", server.knownHosts(), CMD)));
        assertThat(pass.message()).contains("could not be loaded").doesNotContain("Wr0ng-Pass");
        SshSettings inMemory = new SshSettings("u", "127.0.0.1", server.port(), null, rsaWithPassphrase.privateBytes(),
                "nope".toCharArray(), server.knownHosts(), null, null);
        Finding mem = onlyConnectionFinding(remoteAlerts(inMemory));
        assertThat(mem.message()).contains("in-memory key").doesNotContain("nope").doesNotContain("PRIVATE KEY");
        assertThat(inMemory.toString()).doesNotContain("nope").doesNotContain("PRIVATE");
    }

    @Test
    void refusedAndSilentServersEndUnknownNotHanging() throws Exception {
        int closedPort = FreePort.loopback();
        SshSettings refused = new SshSettings("u", "127.0.0.1", closedPort, ed25519.privateFile(), null, null,
                server.knownHosts(), Duration.ofSeconds(2), CMD);
        assertThat(onlyConnectionFinding(remoteAlerts(refused)).message()).contains("connection refused");
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (java.io.IOException ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshSettings mute = new SshSettings("u", "127.0.0.1", silent.getLocalPort(), ed25519.privateFile(), null,
                    null, server.knownHosts(), Duration.ofMillis(800), CMD);
            Finding f = onlyConnectionFinding(remoteAlerts(mute));
            assertThat(f.message()).contains("127.0.0.1:" + silent.getLocalPort()).contains("800ms");
        }
    }

    private CheckResult alertsOn(Function<Path, TestSshServer> start, Duration commandTimeout) throws Exception {
        try (TestSshServer other = start.apply(dir)) {
            return remoteAlerts(other.settings(ed25519.privateFile(), null, other.knownHosts(), commandTimeout));
        }
    }

    private static TestSshServer serverWith(Path d, org.apache.sshd.server.command.CommandFactory f) {
        try {
            Path sub = Files.createTempDirectory(d, "srv");
            return TestSshServer.start(sub, TestSshServer.authorizedKeys(sub, List.of(ed25519)), f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void commandsThatNeverAnswerEndUnknownWithinTheCommandTimeout() throws Exception {
        CheckResult r = alertsOn(d -> serverWith(d, TestSshServer.silent()), Duration.ofMillis(300));
        assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.getFindings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.UNKNOWN));
        // host facts and pm2 are one command: it may take the facts' timeout (300ms) plus pm2's (10s) plus 5s
        assertThat(r.getFindings()).filteredOn(f -> !f.id().startsWith("pm2"))
                .allSatisfy(f -> assertThat(f.message()).contains("did not finish within 15300ms"));
    }

    @Test
    void malformedOutputEndsUnknownNamingTheCommand() throws Exception {
        CheckResult r = alertsOn(d -> serverWith(d, TestSshServer.always("echo 'garbage: x y'")), CMD);
        assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.finding("memory").orElseThrow().message()).contains("cat /proc/meminfo").contains("MemTotal");
        assertThat(r.finding("load").orElseThrow().message()).contains("/proc/loadavg");
        assertThat(r.finding("disk").orElseThrow().message()).contains("df -P -T -k").contains("header");
    }

    @Test
    void severalHostsInParallelOneResultEach() throws Exception {
        SshSettings good = server.settings(ed25519.privateFile(), null, server.knownHosts(), CMD);
        SshSettings bad = server.settings(stranger.privateFile(), null, server.knownHosts(), CMD);
        List<CheckResult> all = RemoteChecks.runAll(List.of(good, bad, good), 2, AlertsJob.CHECK, Clock.systemUTC(),
                t -> alertsJob().run(t));
        assertThat(all).hasSize(3);
        for (int i : new int[] {0, 2}) {
            assertThat(all.get(i).finding(RemoteChecks.CONNECTION)).isEmpty();
            assertThat(all.get(i).finding("memory").orElseThrow().severity()).isEqualTo(Severity.ALERT);
        }
        assertThat(all.get(1).finding(RemoteChecks.CONNECTION)).isPresent();
        assertThat(RemoteChecks.worst(all)).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void targetSyntax() {
        SshSettings s = SshSettings.parse("deploy@vps.example.org:2222", Path.of("k"), null, Path.of("kh"), null, null);
        assertThat(s.user()).isEqualTo("deploy");
        assertThat(s.host()).isEqualTo("vps.example.org");
        assertThat(s.port()).isEqualTo(2222);
        assertThat(s.displayName()).isEqualTo("vps.example.org:2222");
        assertThat(SshSettings.parse("root@[::1]", Path.of("k"), null, Path.of("kh"), null, null).host()).isEqualTo("::1");
        assertThat(SshSettings.parse("root@10.0.0.5", Path.of("k"), null, Path.of("kh"), null, null).displayName())
                .isEqualTo("10.0.0.5");
        for (String bad : List.of("vps", "root@", "@host", "root@host:abc", "root@host;rm", "-oProxyCommand=x@h")) {
            assertThatThrownBy(() -> SshSettings.parse(bad, Path.of("k"), null, Path.of("kh"), null, null))
                    .hasMessageContaining("user@host[:port]");
        }
        assertThatThrownBy(() -> SshSettings.parse("root@host:70000", Path.of("k"), null, Path.of("kh"), null, null))
                .hasMessageContaining("1-65535");
    }
}
