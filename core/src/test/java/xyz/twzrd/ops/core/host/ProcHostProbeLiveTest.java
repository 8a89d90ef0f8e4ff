package xyz.twzrd.ops.core.host;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The /proc reading on this live host (what {@link Target#local()} uses on Linux): invariants, and OSHI's answers. */
class ProcHostProbeLiveTest {
    @Test
    void snapshotOfThisHostAgreesWithOshi() {
        HostSnapshot s = new ProcHostProbe(new LocalCommandRunner(), Duration.ofSeconds(30)).snapshot();
        HostSnapshot oshi = new OshiHostProbe().snapshot();
        assertThat(s.problems()).isEmpty();
        assertThat(s.memTotalBytes()).isEqualTo(oshi.memTotalBytes());
        assertThat(s.memAvailableBytes()).isBetween(0L, s.memTotalBytes());
        assertThat(s.swapTotalBytes()).isEqualTo(oshi.swapTotalBytes());
        assertThat(s.swapUsedBytes()).isBetween(0L, s.swapTotalBytes());
        assertThat(s.load1()).isNotNegative();
        assertThat(s.load15()).isNotNegative();
        assertThat(s.cpuCount()).isEqualTo(oshi.cpuCount());
        assertThat(s.uptimeSeconds()).isPositive();
        FsUsage root = s.fileSystems().stream().filter(fs -> fs.mount().equals("/")).findFirst().orElseThrow();
        FsUsage oshiRoot = oshi.fileSystems().stream().filter(fs -> fs.mount().equals("/")).findFirst().orElseThrow();
        assertThat(root.type()).isEqualTo(oshiRoot.type());
        assertThat((double) root.totalBytes()).isCloseTo(oshiRoot.totalBytes(), org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(s.fileSystems()).extracting(FsUsage::mount).doesNotHaveDuplicates();
    }

    @Test
    void theLocalTargetReadsProcOnLinux() {
        try (Target t = Target.local()) {
            assertThat(t.hostProbe()).isInstanceOf(ProcHostProbe.class);
            assertThat(t.hostProbe().snapshot().problems()).isEmpty();
        }
    }
}
