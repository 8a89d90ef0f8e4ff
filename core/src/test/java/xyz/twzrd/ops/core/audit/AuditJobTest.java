package xyz.twzrd.ops.core.audit;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.AuditJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit on this live host: invariants only. */
class AuditJobTest {
    @Test
    void auditOnThisHostHasEveryFindingAndChangesNothing() throws Exception {
        String swappinessBefore = procSwappiness();
        AppFacts app = new AppFacts("gateway", null, List.of("API_TOKEN", "PORT"),
                List.of("/tmp/twzrd-audit-test/gateway-out.log"), false);
        CheckResult r = new AuditJob(OpsConfig.defaults(), Clock.systemUTC()).run(Target.local(), List.of(app));
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

    @Test
    void configSectionIsReadAndCheckedByKey() throws Exception {
        AuditConfig c = OpsConfig.parse("""
                audit:
                  swappiness: 1
                  memory-limits-max-percent-of-ram: 75
                  own-logs: [/srv/twzrd/logs/*.log]
                  check-updates: false
                  secret-names: "(?i).*KEY.*"
                """).getAudit();
        assertThat(c.getSwappiness()).isEqualTo(1);
        assertThat(c.getMemoryLimitsMaxPercentOfRam()).isEqualTo(75.0);
        assertThat(c.getOwnLogs()).containsExactly("/srv/twzrd/logs/*.log");
        assertThat(c.isCheckUpdates()).isFalse();
        assertThat(c.secretNamePattern().matcher("SIGNING_KEY").matches()).isTrue();
        assertThatThrownBy(() -> OpsConfig.parse("audit:\n  swapiness: 10\n")).hasMessageContaining("swapiness");
        assertThatThrownBy(() -> OpsConfig.parse("audit:\n  swappiness: 300\n")).hasMessageContaining("audit.swappiness");
        assertThatThrownBy(() -> OpsConfig.parse("audit:\n  secret-names: '(oops'\n"))
                .hasMessageContaining("audit.secret-names");
    }

    /** procfs files report size 0, so read them as a stream. */
    private static String procSwappiness() throws java.io.IOException {
        try (var r = Files.newBufferedReader(Path.of("/proc/sys/vm/swappiness"))) {
            return r.readLine();
        }
    }

    @Test
    void unreadableAppsAreUnknownWithTheReason() {
        CheckResult r = new AuditJob(Pm2AppsTest.noUpdates(), Clock.systemUTC()).run(Target.local(), () -> {
            throw new IllegalStateException("pm2 not found on PATH");
        });
        assertThat(r.finding("memory-limits").orElseThrow().severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.finding("env-review").orElseThrow().message()).contains("pm2 not found on PATH");
        assertThat(r.finding("swappiness").orElseThrow().severity()).isNotEqualTo(Severity.UNKNOWN);
    }
}
