package xyz.twzrd.ops.core.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.pm2.Pm2Settings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** On this live host: invariants only, never particular values. */
class OshiHostProbeLiveTest {
    @Test
    void snapshotOfThisHostIsConsistent() {
        HostSnapshot s = new OshiHostProbe().snapshot();
        assertThat(s.problems()).isEmpty();
        assertThat(s.memTotalBytes()).isPositive();
        assertThat(s.memAvailableBytes()).isBetween(0L, s.memTotalBytes());
        assertThat(s.swapTotalBytes()).isNotNegative();
        assertThat(s.swapUsedBytes()).isBetween(0L, s.swapTotalBytes());
        assertThat(s.load1()).isNotNegative();
        assertThat(s.load5()).isNotNegative();
        assertThat(s.load15()).isNotNegative();
        assertThat(s.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.uptimeSeconds()).isPositive();
        assertThat(s.fileSystems()).anySatisfy(fs -> assertThat(fs.mount()).isEqualTo("/"));
        for (FsUsage fs : s.fileSystems()) {
            assertThat(fs.usedPercent()).isBetween(0.0, 100.0);
        }
    }

    @Test
    void alertsJobOnThisHostHasEveryHostFindingEvenWithoutPm2(@TempDir Path state) {
        Pm2Settings noPm2 = new Pm2Settings(state.resolve("no-such-pm2").toString(), null, Duration.ofSeconds(10));
        CheckResult r = new AlertsJob(OpsConfig.defaults(), noPm2, state, Clock.systemUTC()).run(Target.local());
        assertThat(r.getCheck()).isEqualTo("alerts");
        assertThat(r.getHost()).isNotBlank();
        assertThat(r.getFindings()).extracting(Finding::id).contains("swap", "load", "memory")
                .anyMatch(id -> id.startsWith("disk:"));
        assertThat(r.getFindings()).filteredOn(f -> !f.id().equals("pm2")).noneMatch(f -> f.severity() == Severity.UNKNOWN);
        assertThat(r.finding("pm2").orElseThrow().message()).startsWith("pm2 not found: ");
        assertThat(r.getDurationMs()).isNotNegative();
    }
}
