package xyz.twzrd.ops.core.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.testkit.FreePort;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----";

    @TempDir
    Path state;

    @TempDir
    Path reports;

    /** A request whose pm2 does not exist: the PM2 findings must say so, never pass. */
    private JobRequest request(String check, String yaml, String pm2Timeout, String settle, String sshTarget,
                               String knownHosts) {
        return withPrevious(check, yaml, pm2Timeout, settle, sshTarget, knownHosts, "");
    }

    private JobRequest withPrevious(String check, String yaml, String pm2Timeout, String settle, String sshTarget,
                                    String knownHosts, String previousAlertState) {
        return new JobRequest(check, yaml, state.toString(), reports.toString(), "/nonexistent/pm2", "", pm2Timeout,
                "all", "", settle, "", "", sshTarget, KEY, "", knownHosts, previousAlertState);
    }

    private static AlertOutcome alertState(CheckResult r) {
        return AlertOutcome.of(r).orElseThrow(() -> new AssertionError("no alertState section in " + r.getSummary()));
    }

    private JobRequest local(String check) {
        return request(check, "", "5s", "", "", "");
    }

    @Test
    void runsTheAlertsCheckOnThisMachine() {
        CheckResult r = JobRunner.run(local("alerts"), CLOCK);
        assertThat(r.getCheck()).isEqualTo("alerts");
        assertThat(r.finding("memory")).isPresent();
        assertThat(r.getFindings()).anyMatch(f -> f.severity() == Severity.UNKNOWN && f.message().contains("/nonexistent/pm2"));
        // what crosses the agent channel is the JSON text: it reads back to the same result
        assertThat(Json.readResult(Json.compact(r)).getSeverity()).isEqualTo(r.getSeverity());
    }

    @Test
    void alertStateNotifiesOnceThenStaysQuiet() {
        CheckResult first = JobRunner.run(local("alerts"), CLOCK);
        assertThat(alertState(first).shouldNotify()).isTrue();
        String stored = Json.compact(alertState(first));
        CheckResult second = JobRunner.run(withPrevious("alerts", "", "5s", "", "", "", stored), CLOCK);
        assertThat(alertState(second).shouldNotify()).isFalse();
        // an unreadable previous state counts as a first run, never as an error
        assertThat(alertState(JobRunner.run(withPrevious("alerts", "", "5s", "", "", "", "{not json"), CLOCK))
                .shouldNotify()).isTrue();
    }

    @Test
    void aCheckWritesItsDatedReportSet() throws IOException {
        CheckResult r = JobRunner.run(local("health-check"), CLOCK);
        assertThat(r.getCheck()).isEqualTo("health-check");
        try (var files = java.nio.file.Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("health-report-2026-11-29.txt", "health-report-2026-11-29.json", "health-report-2026-11-29.html");
        }
        JobRunner.run(local("audit"), CLOCK);
        try (var files = java.nio.file.Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("audit-report-2026-11-29.html");
        }
    }

    @Test
    void runsTheAuditWithTheRequestsPm2() {
        CheckResult r = JobRunner.run(local("audit"), CLOCK);
        assertThat(r.getCheck()).isEqualTo("audit");
        assertThat(r.finding("swappiness")).isPresent();
        assertThat(r.finding("memory-limits")).get().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.UNKNOWN));
    }

    @Test
    void aRestartThatCannotReachPm2IsNeverOk() {
        CheckResult r = JobRunner.run(request("pm2-restart", "", "5s", "1s", "", ""), CLOCK);
        assertThat(r.getCheck()).isEqualTo("pm2-restart");
        assertThat(r.getSeverity()).isNotEqualTo(Severity.OK);
    }

    @Test
    void badConfigurationOrOptionsAreUnknownNamingTheProblem() {
        assertThat(JobRunner.run(request("alerts", "thresholds:\n  swapp: 3\n", "5s", "", "", ""), CLOCK)
                .getFindings().get(0).message()).contains("swapp");
        assertThat(JobRunner.run(request("alerts", "", "soon", "", "", ""), CLOCK).getFindings().get(0).message())
                .contains("invalid configuration or options").contains("soon");
        assertThat(JobRunner.run(request("pm2-restart", "", "5s", "later", "", ""), CLOCK).getSeverity())
                .isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void aCheckThisBuildLacksIsUnknown() {
        assertThat(JobRunner.run(local("nope"), CLOCK).getFindings().get(0).message()).contains("'nope' is not available");
    }

    @Test
    void sshNeedsKnownHostsAndAnUnreachableHostIsUnknown() throws IOException {
        CheckResult noKnownHosts = JobRunner.run(request("alerts", "", "5s", "", "ops@127.0.0.1:22", ""), CLOCK);
        assertThat(noKnownHosts.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(noKnownHosts.getFindings().get(0).message()).contains("cannot be turned off");

        int closed = FreePort.loopback();
        String target = "ops@127.0.0.1:" + closed;
        CheckResult unreachable = JobRunner.run(request("alerts", "", "5s", "", target,
                "[127.0.0.1]:" + closed + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0000000000000000000000000000000000000000000"),
                CLOCK);
        assertThat(unreachable.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(unreachable.getFindings()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo("connection"));
        assertThat(alertState(unreachable).shouldNotify()).as("an unreachable host is news").isTrue();
        assertThat(Json.compact(unreachable)).doesNotContain("not-a-real-key");
        assertThat(request("alerts", "", "5s", "", target, "").toString()).doesNotContain("not-a-real-key");
    }

    @Test
    void remoteStateIsKeptPerHost() {
        try (var local = xyz.twzrd.ops.core.host.Target.local()) {
            assertThat(JobRunner.perHost(state, local)).isEqualTo(state);
        }
    }
}
