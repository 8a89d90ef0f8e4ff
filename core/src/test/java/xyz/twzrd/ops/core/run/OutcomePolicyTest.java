package xyz.twzrd.ops.core.run;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomePolicyTest {
    @Test
    void defaultsFollowTheSchedule() {
        OutcomePolicy p = OutcomePolicy.DEFAULT;
        assertThat(p.outcome(Severity.OK)).isEqualTo(Outcome.SUCCESS);
        assertThat(p.outcome(Severity.ALERT)).isEqualTo(Outcome.UNSTABLE);
        assertThat(p.outcome(Severity.EMERGENCY)).isEqualTo(Outcome.FAILURE);
        assertThat(p.outcome(Severity.UNKNOWN)).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void pipelineMayChooseButUnknownIsNeverSuccess() {
        OutcomePolicy p = OutcomePolicy.of("success", "unstable", "UNSTABLE");
        assertThat(p.outcome(Severity.ALERT)).isEqualTo(Outcome.SUCCESS);
        assertThat(p.outcome(Severity.EMERGENCY)).isEqualTo(Outcome.UNSTABLE);
        assertThat(OutcomePolicy.of(null, "", " ")).isEqualTo(OutcomePolicy.DEFAULT);
        assertThatThrownBy(() -> OutcomePolicy.of(null, null, "SUCCESS")).hasMessageContaining("never OK");
        assertThatThrownBy(() -> OutcomePolicy.of("green", null, null)).hasMessageContaining("'green' is not a build outcome");
    }

    @Test
    void stepSummaryIsPlainAndSerializable() throws Exception {
        CheckResult r = new CheckResult("alerts", "vps1", Instant.parse("2026-11-30T01:00:00Z"), Duration.ofMillis(5),
                List.of(new Finding("swap", Severity.ALERT, 25.0, "%", 20.0, 80.0, "swap 25.0% used")));
        r.putSection(AlertOutcome.SECTION, new AlertTracker(AlertPolicy.DEFAULT).next(AlertOutcome.EMPTY, r, Optional.empty()));
        Map<String, Object> m = StepSummary.of(new RunOutcome(r, List.of(), List.of(), false));
        assertThat(m).containsEntry("severity", "ALERT").containsEntry("color", "warning")
                .containsEntry("notify", true).containsEntry("exitCode", 1);
        assertThat((String) m.get("message")).contains("NEW swap ALERT");
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(m);
        }
    }
}
