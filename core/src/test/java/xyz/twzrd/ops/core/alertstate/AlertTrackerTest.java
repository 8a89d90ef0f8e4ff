package xyz.twzrd.ops.core.alertstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

class AlertTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    static CheckResult run(int hour, Finding... findings) {
        return new CheckResult("alerts", "vps", T0.plus(Duration.ofHours(hour)), Duration.ofMillis(5), List.of(findings));
    }

    static Finding f(String id, Severity s) {
        return new Finding(id, s, 1.0, "%", 20.0, 80.0, id + " is " + s);
    }

    @Test
    void newOngoingReminderResolved() {
        AlertTracker t = new AlertTracker(new AlertPolicy(3, 1, Duration.ofMinutes(15)));
        AlertOutcome o = t.next(AlertOutcome.EMPTY, run(0, f("swap", Severity.ALERT), f("load", Severity.OK)), Optional.empty());
        assertThat(o.shouldNotify()).isTrue();
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.NEW);
        assertThat(o.findings().get("swap").state()).isEqualTo(FindingState.NEW);
        assertThat(o.findings()).doesNotContainKey("load");
        assertThat(o.message()).isEqualTo("ALERT alerts on vps: 1 new");

        o = t.next(o, run(1, f("swap", Severity.ALERT)), Optional.empty());
        assertThat(o.shouldNotify()).isFalse();
        assertThat(o.message()).isEmpty();
        assertThat(o.findings().get("swap").state()).isEqualTo(FindingState.ONGOING);
        o = t.next(o, run(2, f("swap", Severity.ALERT)), Optional.empty());
        assertThat(o.shouldNotify()).isFalse();
        o = t.next(o, run(3, f("swap", Severity.ALERT)), Optional.empty());
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.REMINDER);

        o = t.next(o, run(4, f("swap", Severity.OK)), Optional.empty());
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RESOLVED);
        assertThat(o.findings().get("swap").state()).isEqualTo(FindingState.RESOLVED);
        o = t.next(o, run(5, f("swap", Severity.OK)), Optional.empty());
        assertThat(o.shouldNotify()).isFalse();
        assertThat(o.findings()).isEmpty();
    }

    @Test
    void escalationNotifiesAtOnceAndDeescalationDoesNot() {
        AlertTracker t = new AlertTracker(AlertPolicy.DEFAULT);
        AlertOutcome o = t.next(AlertOutcome.EMPTY, run(0, f("disk:/", Severity.ALERT)), Optional.empty());
        o = t.next(o, run(1, f("disk:/", Severity.EMERGENCY)), Optional.empty());
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.ESCALATED);
        o = t.next(o, run(2, f("disk:/", Severity.ALERT)), Optional.empty());
        assertThat(o.shouldNotify()).isFalse();
        assertThat(o.findings().get("disk:/").notifiedSeverity()).isEqualTo(Severity.EMERGENCY);
    }

    @Test
    void debounceWaitsForConsecutiveRunsAndAFlapIsNeverNotified() {
        AlertTracker t = new AlertTracker(new AlertPolicy(24, 3, Duration.ZERO));
        AlertOutcome o = t.next(AlertOutcome.EMPTY, run(0, f("load", Severity.ALERT)), Optional.empty());
        o = t.next(o, run(1, f("load", Severity.ALERT)), Optional.empty());
        assertThat(o.shouldNotify()).isFalse();
        o = t.next(o, run(2, f("load", Severity.OK)), Optional.empty());
        assertThat(o.shouldNotify()).as("resolving an unnotified flap is quiet").isFalse();
        o = t.next(o, run(3, f("load", Severity.ALERT)), Optional.empty());
        o = t.next(o, run(4, f("load", Severity.ALERT)), Optional.empty());
        o = t.next(o, run(5, f("load", Severity.ALERT)), Optional.empty());
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.NEW);
        assertThat(o.findings().get("load").consecutive()).isEqualTo(3);
    }

    @Test
    void crashAlertsAreMutedRightAfterAPlannedRestartButOthersAreNot() {
        AlertTracker t = new AlertTracker(AlertPolicy.DEFAULT);
        Optional<Instant> restart = Optional.of(T0.minus(Duration.ofMinutes(5)));
        AlertOutcome o = t.next(AlertOutcome.EMPTY,
                run(0, f("crashes", Severity.ALERT), f("process:api", Severity.ALERT), f("swap", Severity.ALERT)), restart);
        assertThat(o.changes()).extracting(AlertChange::id).containsExactly("swap");
        assertThat(o.muted()).containsExactly("crashes", "process:api");
        // an hour later the window is over: still crashing is news now
        o = t.next(o, run(1, f("crashes", Severity.ALERT), f("swap", Severity.ALERT)), restart);
        assertThat(o.changes()).extracting(AlertChange::id, AlertChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("crashes", AlertChange.Kind.NEW));
    }

    @Test
    void stateRoundTripsThroughTheResultSection() {
        AlertTracker t = new AlertTracker(AlertPolicy.DEFAULT);
        CheckResult r = run(0, f("swap", Severity.EMERGENCY));
        AlertOutcome o = t.next(AlertOutcome.EMPTY, r, Optional.empty());
        r.putSection(AlertOutcome.SECTION, o);
        CheckResult stored = Json.readResult(Json.pretty(r));
        AlertOutcome back = AlertOutcome.of(stored).orElseThrow();
        assertThat(back).isEqualTo(o);
        assertThat(Json.pretty(r)).contains("\"notify\" : true");
        assertThat(t.next(back, run(1, f("swap", Severity.EMERGENCY)), Optional.empty()).shouldNotify()).isFalse();
    }
}
