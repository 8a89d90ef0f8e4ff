package xyz.twzrd.ops.core.jobs;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);

    private static JobRequest request(String check, String yaml, String sshTarget) {
        return new JobRequest(check, yaml, "", "", "/nonexistent/pm2", "", "30s", "all", "", "10s", "60s", "", sshTarget,
                "-----BEGIN OPENSSH PRIVATE KEY-----secret", "", "");
    }

    @Test
    void runsTheAlertsCheckOnThisMachine() {
        CheckResult r = JobRunner.run(request("alerts", "", ""), CLOCK);
        assertThat(r.getCheck()).isEqualTo("alerts");
        assertThat(r.getFindings()).isNotEmpty();
        assertThat(r.getHost()).isNotBlank();
        // what crosses the agent channel is the JSON text: it reads back to the same result
        assertThat(Json.readResult(Json.compact(r)).getSeverity()).isEqualTo(r.getSeverity());
    }

    @Test
    void badConfigurationIsUnknownNamingTheKey() {
        CheckResult r = JobRunner.run(request("alerts", "thresholds:\n  swapp: 3\n", ""), CLOCK);
        assertThat(r.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.getFindings().get(0).message()).contains("swapp");
    }

    @Test
    void unknownCheckAndSshTargetAreUnknownNotErrors() {
        assertThat(JobRunner.run(request("nope", "", ""), CLOCK).getFindings().get(0).message())
                .contains("'nope' is not available");
        CheckResult remote = JobRunner.run(request("alerts", "", "ops@vps.example:22"), CLOCK);
        assertThat(remote.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(remote.getHost()).isEqualTo("ops@vps.example:22");
        assertThat(Json.compact(remote)).doesNotContain("PRIVATE KEY");
        assertThat(request("alerts", "", "ops@h").toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void runsTheAuditWithTheRequestsPm2() {
        CheckResult r = JobRunner.run(request("audit", "", ""), CLOCK);
        assertThat(r.getCheck()).isEqualTo("audit");
        assertThat(r.finding("swappiness")).isPresent();
        // the request's pm2 does not exist: the app findings say so instead of passing
        assertThat(r.finding("memory-limits")).get().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(f.message()).contains("/nonexistent/pm2");
        });
    }

    @Test
    void badPm2TimeoutIsUnknown() {
        JobRequest bad = new JobRequest("alerts", "", "", "", "pm2", "", "soon", "all", "", "", "", "", "", "", "", "");
        assertThat(JobRunner.run(bad, CLOCK).getFindings().get(0).message()).contains("invalid pm2 timeout");
    }
}
