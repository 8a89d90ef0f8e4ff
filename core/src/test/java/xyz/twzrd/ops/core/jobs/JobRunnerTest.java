package xyz.twzrd.ops.core.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Jenkins agent runs for a step, on this machine. */
class JobRunnerTest {
    @TempDir
    Path dir;

    private JobRequest request(String check, String config, String previousState, String target) {
        return new JobRequest(check, config, dir.resolve("state").toString(), dir.resolve("reports").toString(),
                dir.resolve("no-pm2").toString(), null, "5s", null, null, null, null, null, target,
                target == null ? null : "not a key", null, target == null ? null : "", previousState);
    }

    @Test
    void alertsRunLocallyWithAlertStateAcrossRuns() {
        String config = "thresholds:\n  memory: {alert: 0, emergency: 100}\n";
        CheckResult first = JobRunner.run(request("alerts", config, null, null), Clock.systemUTC());
        assertThat(first.finding("memory").orElseThrow().severity()).isEqualTo(Severity.ALERT);
        assertThat(first.finding("pm2").orElseThrow().severity()).isEqualTo(Severity.UNKNOWN);
        AlertOutcome one = AlertOutcome.of(first).orElseThrow();
        assertThat(one.shouldNotify()).isTrue();
        String state = Json.compact(one);
        CheckResult second = JobRunner.run(request("alerts", config, state, null), Clock.systemUTC());
        assertThat(AlertOutcome.of(second).orElseThrow().shouldNotify()).isFalse();
    }

    @Test
    void badInputIsUnknownNamingIt() {
        CheckResult badConfig = JobRunner.run(request("alerts", "thresholds:\n  swapp: {}\n", null, null), Clock.systemUTC());
        assertThat(badConfig.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(badConfig.finding("config").orElseThrow().message()).contains("unknown key 'swapp'");
        CheckResult remote = JobRunner.run(request("alerts", "", null, "deploy@127.0.0.1:1"), Clock.systemUTC());
        assertThat(remote.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(remote.getFindings()).singleElement().satisfies(f -> assertThat(f.message()).doesNotContain("not a key"));
    }
}
