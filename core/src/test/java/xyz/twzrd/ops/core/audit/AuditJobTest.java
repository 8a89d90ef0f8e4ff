package xyz.twzrd.ops.core.audit;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.jobs.AuditJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit on this live host: invariants only. */
class AuditJobTest {
    @Test
    void auditOnThisHostHasEveryFindingAndChangesNothing() throws Exception {
        String swappinessBefore = procSwappiness();
        AppFacts app = new AppFacts("gateway", null, List.of("API_TOKEN", "PORT"),
                List.of("/tmp/twzrd-audit-test/gateway-out.log"), false);
        CheckResult r = new AuditJob(new AuditConfig(), Clock.systemUTC()).run(Target.local(), () -> List.of(app));
        assertThat(r.getCheck()).isEqualTo("audit");
        assertThat(r.getFindings()).extracting(Finding::id)
                .containsExactly("swappiness", "memory-limits", "log-rotation", "updates", "env-review");
        Finding swappiness = r.finding("swappiness").orElseThrow();
        assertThat(swappiness.value()).isEqualTo(Double.parseDouble(swappinessBefore.strip()));
        assertThat(r.finding("memory-limits").orElseThrow().severity()).isEqualTo(Severity.ALERT);
        assertThat(r.finding("env-review").orElseThrow().message()).contains("API_TOKEN");
        for (Finding f : r.getFindings()) {
            if (f.severity() != Severity.OK && f.severity() != Severity.UNKNOWN) {
                assertThat(f.details()).as(f.id()).containsKeys("expected", "found", "fix");
            }
        }
        assertThat(procSwappiness()).isEqualTo(swappinessBefore);
    }

    /** procfs files report size 0, so read them as a stream. */
    private static String procSwappiness() throws java.io.IOException {
        try (var r = Files.newBufferedReader(Path.of("/proc/sys/vm/swappiness"))) {
            return r.readLine();
        }
    }

    @Test
    void unreadableAppsAreUnknownWithTheReason() {
        CheckResult r = new AuditJob(new AuditConfig(), Clock.systemUTC()).run(Target.local(), () -> {
            throw new IllegalStateException("pm2 not found on PATH");
        });
        assertThat(r.finding("memory-limits").orElseThrow().severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.finding("env-review").orElseThrow().message()).contains("pm2 not found on PATH");
        assertThat(r.finding("swappiness").orElseThrow().severity()).isNotEqualTo(Severity.UNKNOWN);
    }
}
