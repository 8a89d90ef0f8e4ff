package xyz.twzrd.ops.core.host;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Thresholds;
import xyz.twzrd.ops.core.testkit.Fixtures;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parsers on output captured from a real host (src/test/resources/proc), and on malformed output. */
class ProcParsersTest {
    @Test
    void meminfo() throws IOException {
        ProcParsers.MemInfo m = ProcParsers.meminfo(Fixtures.text("proc/meminfo.txt"));
        assertThat(m.totalBytes()).isEqualTo(24683620L * 1024);
        assertThat(m.availableBytes()).isEqualTo(22708804L * 1024);
        assertThat(m.swapTotalBytes()).isZero();
        assertThat(m.swapUsedBytes()).isZero();
        ProcParsers.MemInfo swap = ProcParsers.meminfo("MemTotal: 1000 kB\nMemAvailable: 400 kB\nSwapTotal: 2048 kB\n"
                + "SwapFree:  512 kB\nHugePages_Total:       0\n");
        assertThat(swap.swapUsedBytes()).isEqualTo(1536L * 1024);
        assertThatThrownBy(() -> ProcParsers.meminfo("MemTotal: 1000 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n"))
                .hasMessageContaining("/proc/meminfo has no MemAvailable");
    }

    @Test
    void loadNprocUptime() throws IOException {
        ProcParsers.LoadAvg l = ProcParsers.loadavg(Fixtures.text("proc/loadavg.txt"));
        assertThat(l.load1()).isEqualTo(11.71);
        assertThat(l.load5()).isEqualTo(8.07);
        assertThat(l.load15()).isEqualTo(4.35);
        assertThat(ProcParsers.nproc(Fixtures.text("proc/nproc.txt"))).isEqualTo(2);
        assertThat(ProcParsers.uptime(Fixtures.text("proc/uptime.txt"))).isEqualTo(6675);
        assertThatThrownBy(() -> ProcParsers.loadavg("1.0 x 2.0")).hasMessageContaining("/proc/loadavg: not a number: 'x'");
        assertThatThrownBy(() -> ProcParsers.loadavg("")).hasMessageContaining("three load averages");
        assertThatThrownBy(() -> ProcParsers.nproc("0")).hasMessageContaining("positive CPU count");
        assertThatThrownBy(() -> ProcParsers.nproc("two")).hasMessageContaining("'two'");
        assertThatThrownBy(() -> ProcParsers.uptime("up 3 days")).hasMessageContaining("/proc/uptime");
    }

    @Test
    void dfAsDfComputesIt() throws IOException {
        List<FsUsage> fs = ProcParsers.df(Fixtures.text("proc/df-PT.txt"));
        assertThat(fs).extracting(FsUsage::mount).contains("/", "/dev", "/dev/shm", "/sys/fs/cgroup");
        FsUsage root = fs.stream().filter(f -> f.mount().equals("/")).findFirst().orElseThrow();
        assertThat(root.type()).isEqualTo("ext4");
        assertThat(root.totalBytes()).isEqualTo(264212084L * 1024);
        assertThat(root.usedBytes()).isEqualTo(24234216L * 1024);
        assertThat(root.availBytes()).isEqualTo(82156696L * 1024);
        assertThat(Math.ceil(root.usedPercent())).as("df rounds up: 23%").isEqualTo(23);
        List<FsUsage> posix = ProcParsers.df("Filesystem Type 512-blocks Used Available Capacity Mounted on\n"
                + "/dev/sdb1 xfs 2000 1000 1000 50% /mnt/my data\n");
        assertThat(posix.get(0).mount()).isEqualTo("/mnt/my data");
        assertThat(posix.get(0).usedBytes()).isEqualTo(512_000);
        assertThatThrownBy(() -> ProcParsers.df("")).hasMessageContaining("df: no output");
        assertThatThrownBy(() -> ProcParsers.df("garbage")).hasMessageContaining("header");
        assertThatThrownBy(() -> ProcParsers.df("Filesystem Type 1024-blocks Used Available Capacity Mounted on\n/dev/x ext4 1 2\n"))
                .hasMessageContaining("unexpected line '/dev/x ext4 1 2'");
    }

    @Test
    void aSnapshotFromFixturesGradesThroughHostPolicy() throws IOException {
        ProcParsers.MemInfo m = ProcParsers.meminfo(Fixtures.text("proc/meminfo.txt"));
        ProcParsers.LoadAvg l = ProcParsers.loadavg(Fixtures.text("proc/loadavg.txt"));
        HostSnapshot s = new HostSnapshot("vps", m.totalBytes(), m.availableBytes(), m.swapTotalBytes(),
                m.swapUsedBytes(), l.load1(), l.load5(), l.load15(), ProcParsers.nproc(Fixtures.text("proc/nproc.txt")),
                ProcParsers.uptime(Fixtures.text("proc/uptime.txt")), ProcParsers.df(Fixtures.text("proc/df-PT.txt")), Map.of());
        List<Finding> f = HostPolicy.evaluate(s, new Thresholds());
        assertThat(f).extracting(Finding::id).containsExactly("swap", "load", "memory", "disk:/");
        assertThat(f.get(0).message()).contains("no swap configured");
        assertThat(f.get(1).value()).isEqualTo(8.07);
        assertThat(f.get(1).severity()).isEqualTo(Severity.ALERT);
        assertThat(f.get(3).value()).isEqualTo(22.78);
    }
}
