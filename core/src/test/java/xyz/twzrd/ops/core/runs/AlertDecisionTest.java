package xyz.twzrd.ops.core.runs;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertDecisionTest {
    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");
    private static final Duration REMIND = Duration.ofHours(6);

    private static Finding f(String id, Severity s) {
        return new Finding(id, s, 1.0, "%", 10.0, 20.0, id + " is " + s);
    }

    private static CheckResult result(Finding... findings) {
        return new CheckResult("alerts", "vps", T0, Duration.ofMillis(5), List.of(findings));
    }

    @Test
    void firstRunAllOkIsQuiet() {
        AlertDecision d = AlertDecision.decide(null, result(f("swap", Severity.OK)), T0, NotifyMode.CHANGES, REMIND);
        assertThat(d.shouldNotify()).isFalse();
        assertThat(d.states()).isEmpty();
        assertThat(d.notifiedAt()).isNull();
    }

    @Test
    void newProblemNotifiesThenStaysQuietUntilTheReminder() {
        AlertDecision first = AlertDecision.decide(null, result(f("swap", Severity.ALERT), f("load", Severity.OK)), T0,
                NotifyMode.CHANGES, REMIND);
        assertThat(first.shouldNotify()).isTrue();
        assertThat(first.states()).containsExactly(Map.entry("swap", FindingState.NEW));
        assertThat(first.notifiedAt()).isEqualTo(T0);
        assertThat(first.message()).startsWith("ALERT alerts on vps").contains("NEW swap: ALERT swap is ALERT");

        CheckResult same = result(f("swap", Severity.ALERT), f("load", Severity.OK));
        RunRecord prev = RunRecord.of(1, same, first.notifiedAt());
        AlertDecision hourLater = AlertDecision.decide(prev, same, T0.plus(Duration.ofHours(1)), NotifyMode.CHANGES, REMIND);
        assertThat(hourLater.shouldNotify()).isFalse();
        assertThat(hourLater.states()).containsExactly(Map.entry("swap", FindingState.ONGOING));
        assertThat(hourLater.notifiedAt()).isEqualTo(T0);
        assertThat(hourLater.reason()).contains("already notified");

        AlertDecision sixHoursLater = AlertDecision.decide(RunRecord.of(6, same, hourLater.notifiedAt()), same,
                T0.plus(REMIND), NotifyMode.CHANGES, REMIND);
        assertThat(sixHoursLater.shouldNotify()).isTrue();
        assertThat(sixHoursLater.reason()).startsWith("reminder");
        assertThat(sixHoursLater.notifiedAt()).isEqualTo(T0.plus(REMIND));
    }

    @Test
    void severityChangeAndResolutionNotify() {
        RunRecord prev = RunRecord.of(1, result(f("swap", Severity.ALERT), f("disk:/", Severity.EMERGENCY)), T0);
        AlertDecision worse = AlertDecision.decide(prev, result(f("swap", Severity.EMERGENCY), f("disk:/", Severity.EMERGENCY)),
                T0.plusSeconds(3600), NotifyMode.CHANGES, REMIND);
        assertThat(worse.shouldNotify()).isTrue();
        assertThat(worse.states()).containsOnlyKeys("swap", "disk:/").containsValue(FindingState.ONGOING);

        AlertDecision resolved = AlertDecision.decide(prev, result(f("swap", Severity.OK)), T0.plusSeconds(3600),
                NotifyMode.CHANGES, REMIND);
        assertThat(resolved.shouldNotify()).isTrue();
        assertThat(resolved.states()).containsExactly(Map.entry("swap", FindingState.RESOLVED),
                Map.entry("disk:/", FindingState.RESOLVED));
        assertThat(resolved.message()).contains("RESOLVED swap: OK swap is OK", "RESOLVED disk:/: no longer reported");
    }

    @Test
    void unknownIsAProblem() {
        RunRecord prev = RunRecord.of(1, result(f("host", Severity.OK)), null);
        AlertDecision d = AlertDecision.decide(prev, result(Finding.unknown("host", "no metrics")), T0,
                NotifyMode.CHANGES, REMIND);
        assertThat(d.shouldNotify()).isTrue();
        assertThat(d.states()).containsExactly(Map.entry("host", FindingState.NEW));
    }

    @Test
    void zeroReminderNeverReminds() {
        CheckResult bad = result(f("swap", Severity.ALERT));
        AlertDecision d = AlertDecision.decide(RunRecord.of(1, bad, null), bad, T0.plus(Duration.ofDays(30)),
                NotifyMode.CHANGES, Duration.ZERO);
        assertThat(d.shouldNotify()).isFalse();
    }

    @Test
    void otherModes() {
        CheckResult ok = result(f("swap", Severity.OK));
        assertThat(AlertDecision.decide(null, ok, T0, NotifyMode.ALWAYS, REMIND).shouldNotify()).isTrue();
        assertThat(AlertDecision.decide(null, ok, T0, NotifyMode.PROBLEMS, REMIND).shouldNotify()).isFalse();
        CheckResult bad = result(f("swap", Severity.ALERT));
        assertThat(AlertDecision.decide(RunRecord.of(1, bad, T0), bad, T0, NotifyMode.PROBLEMS, REMIND).shouldNotify()).isTrue();
        assertThat(NotifyMode.parse(" always ")).isEqualTo(NotifyMode.ALWAYS);
        assertThat(NotifyMode.parse("")).isEqualTo(NotifyMode.CHANGES);
        assertThatThrownBy(() -> NotifyMode.parse("sometimes")).hasMessageContaining("'sometimes' is not a notify mode");
    }
}
