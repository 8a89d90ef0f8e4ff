package xyz.twzrd.ops.core.host;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Thresholds;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostPolicyTest {
    private static final long GIB = 1024L * 1024 * 1024;

    /** The baseline of the ops report: 31 GiB RAM with 9 GiB available, 558 MiB of 8 GiB swap, load 4.14. */
    private static HostSnapshot snapshot(long swapUsed, double load5, int cpus, List<FsUsage> fs) {
        return new HostSnapshot("vps1", 31 * GIB, 9 * GIB, 8 * GIB, swapUsed, 4.27, load5, 3.9, cpus, 3600L, fs,
                Map.of());
    }

    private static Finding find(List<Finding> all, String id) {
        return all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void healthyBaselineIsOk() {
        List<Finding> f = HostPolicy.evaluate(snapshot(558L * 1024 * 1024, 4.14, 8,
                List.of(new FsUsage("/", "ext4", 100 * GIB, 40 * GIB, 55 * GIB))), new Thresholds());
        assertThat(f).extracting(Finding::id).containsExactly("swap", "load", "memory", "disk:/");
        assertThat(f).allMatch(x -> x.severity() == Severity.OK);
        assertThat(find(f, "swap").value()).isEqualTo(6.81);
        assertThat(find(f, "memory").value()).isEqualTo(70.97);
        assertThat(find(f, "load").value()).isEqualTo(4.14);
        assertThat(find(f, "load").message()).isEqualTo("load average (5 min) 4.14 on 8 CPUs");
    }

    @Test
    void swapThresholdsOfTheSchedule() {
        Thresholds t = new Thresholds();
        assertThat(HostPolicy.swap(snapshot(GIB * 8 / 5, 1, 1, List.of()), t.getSwap()).severity())
                .isEqualTo(Severity.OK); // exactly 20% is not above 20%
        Finding alert = HostPolicy.swap(snapshot(2 * GIB, 1, 1, List.of()), t.getSwap());
        assertThat(alert.severity()).isEqualTo(Severity.ALERT);
        assertThat(alert.message()).contains("swap 25.0% used (2.0 GiB of 8.0 GiB)").contains("alert threshold 20%");
        assertThat(HostPolicy.swap(snapshot(7 * GIB, 1, 1, List.of()), t.getSwap()).severity())
                .isEqualTo(Severity.EMERGENCY);
    }

    @Test
    void loadThresholdsAndWindow() {
        Thresholds t = new Thresholds();
        assertThat(HostPolicy.load(snapshot(0, 8.5, 4, List.of()), t.getLoad()).severity()).isEqualTo(Severity.ALERT);
        assertThat(HostPolicy.load(snapshot(0, 12.01, 4, List.of()), t.getLoad()).severity()).isEqualTo(Severity.EMERGENCY);
        t.getLoad().setWindow(1);
        Finding one = HostPolicy.load(snapshot(0, 12.01, 4, List.of()), t.getLoad());
        assertThat(one.value()).isEqualTo(4.27);
        assertThat(one.severity()).isEqualTo(Severity.OK);
    }

    @Test
    void perCoreScalingDividesByCpus() {
        Thresholds t = new Thresholds();
        t.getLoad().setPerCore(true).setAlert(1.0).setEmergency(1.5);
        Finding f = HostPolicy.load(snapshot(0, 10.0, 8, List.of()), t.getLoad());
        assertThat(f.value()).isEqualTo(1.25);
        assertThat(f.unit()).isEqualTo("load/cpu");
        assertThat(f.severity()).isEqualTo(Severity.ALERT);
        HostSnapshot noCpus = new HostSnapshot("h", GIB, GIB, 0L, 0L, 1.0, 1.0, 1.0, null, 1L, List.of(), Map.of());
        assertThat(HostPolicy.load(noCpus, t.getLoad()).severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void noSwapIsOk() {
        HostSnapshot s = new HostSnapshot("h", GIB, GIB, 0L, 0L, 1.0, 1.0, 1.0, 1, 1L, List.of(), Map.of());
        Finding f = HostPolicy.swap(s, new Thresholds().getSwap());
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.message()).contains("no swap configured");
    }

    @Test
    void missingMetricsAreUnknownWithTheReason() {
        HostSnapshot s = new HostSnapshot("h", null, null, null, null, null, null, null, null, null, List.of(),
                Map.of("swap", "cannot read /proc/meminfo: permission denied", "disk", "df failed: exit 1"));
        List<Finding> f = HostPolicy.evaluate(s, new Thresholds());
        assertThat(f).allMatch(x -> x.severity() == Severity.UNKNOWN);
        assertThat(find(f, "swap").message()).isEqualTo("cannot read /proc/meminfo: permission denied");
        assertThat(find(f, "memory").message()).isEqualTo("memory usage could not be read");
        assertThat(find(f, "disk").message()).isEqualTo("df failed: exit 1");
    }

    @Test
    void diskUsesDfArithmeticAndSkipsPseudoFileSystems() {
        List<FsUsage> fs = List.of(
                new FsUsage("/", "ext4", 100 * GIB, 90 * GIB, 4 * GIB), // 90/(90+4) = 95.7% -> EMERGENCY
                new FsUsage("/data", "xfs", 100 * GIB, 86 * GIB, 14 * GIB), // 86% -> ALERT
                new FsUsage("/data", "xfs", 100 * GIB, 86 * GIB, 14 * GIB), // same mount twice (bind): once
                new FsUsage("/run", "tmpfs", GIB, GIB, 0),
                new FsUsage("/boot/efi", "vfat", GIB, GIB, 0));
        List<Finding> f = HostPolicy.disks(snapshot(0, 1, 1, fs), new Thresholds().getDisk());
        assertThat(f).extracting(Finding::id).containsExactly("disk:/", "disk:/data");
        assertThat(f.get(0).severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(f.get(0).value()).isEqualTo(95.74);
        assertThat(f.get(1).severity()).isEqualTo(Severity.ALERT);
    }

    @Test
    void noFileSystemIsUnknown() {
        List<Finding> f = HostPolicy.disks(snapshot(0, 1, 1, List.of()), new Thresholds().getDisk());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo("disk");
            assertThat(x.severity()).isEqualTo(Severity.UNKNOWN);
        });
    }
}
