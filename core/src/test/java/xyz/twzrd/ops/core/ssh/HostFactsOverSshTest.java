package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.sshd.server.command.CommandFactory;
import xyz.twzrd.ops.core.host.HostSnapshot;
import xyz.twzrd.ops.core.host.OshiHostProbe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Host facts of a remote host: one exec request per snapshot, each metric still failing on its own. */
class HostFactsOverSshTest {
    private static final Duration CMD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private HostSnapshot snapshotVia(CommandFactory commands) throws Exception {
        TestSshServer.ClientKey key = TestSshServer.ClientKey.generate(dir, "id_ed25519", KeyPair.ED25519, null);
        try (TestSshServer server = TestSshServer.start(dir, TestSshServer.authorizedKeys(dir, List.of(key)), commands);
             SshTarget t = SshTarget.open(server.settings(key.privateFile(), null, server.knownHosts(), CMD))) {
            return t.hostProbe().snapshot();
        }
    }

    @Test
    void allHostFactsComeFromOneCommandAndAgreeWithOshi() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        HostSnapshot s = snapshotVia((channel, line) -> {
            requested.add(line);
            return new TestSshServer.ShellCommand(line);
        });
        assertThat(requested).as("exec requests of one snapshot").hasSize(1);
        assertThat(s.problems()).isEmpty();
        HostSnapshot oshi = new OshiHostProbe().snapshot();
        assertThat(s.memTotalBytes()).isEqualTo(oshi.memTotalBytes());
        assertThat(s.swapTotalBytes()).isEqualTo(oshi.swapTotalBytes());
        assertThat(s.cpuCount()).isEqualTo(oshi.cpuCount());
        assertThat(s.load1()).isNotNegative();
        assertThat(s.uptimeSeconds()).isPositive();
        assertThat(s.fileSystems()).anySatisfy(fs -> assertThat(fs.mount()).isEqualTo("/"));
    }

    @Test
    void aFailedPartFailsOnlyItsOwnMetricNamingItsCommand() throws Exception {
        // a host whose df fails (exit 2, an error on stderr) while /proc answers: the real script, df swapped
        HostSnapshot s = snapshotVia((channel, line) -> new TestSshServer.ShellCommand(
                line.replace("df -P -T -k", "ls /no-such-dir-twzrd")));
        assertThat(s.memTotalBytes()).isPositive();
        assertThat(s.load5()).isNotNull();
        assertThat(s.fileSystems()).isEmpty();
        assertThat(s.problems()).containsOnlyKeys("disk");
        assertThat(s.problems().get("disk")).startsWith("'df -P -T -k' exited 2: ls: ").contains("/no-such-dir-twzrd");
    }

    @Test
    void outputCutShortFailsTheMissingParts() throws Exception {
        // a host that stops answering after the load average (e.g. a shell that dies midway)
        HostSnapshot s = snapshotVia((channel, line) -> new TestSshServer.ShellCommand(
                line.replace("e=$(nproc", "exit 0; e=$(nproc")));
        assertThat(s.memTotalBytes()).isPositive();
        assertThat(s.load1()).isNotNull();
        assertThat(s.cpuCount()).isNull();
        assertThat(s.problems().get("load")).contains("'nproc'").contains("cut short");
        assertThat(s.problems().get("disk")).contains("'df -P -T -k'").contains("cut short");
    }
}
