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
        assertThat(o.shouldNotify()).as("one OK run is not yet resolved (resolve-after 2)").isFalse();
        assertThat(o.findings().get("swap").state()).isEqualTo(FindingState.CLEARING);
        o = t.next(o, run(5, f("swap", Severity.OK)), Optional.empty());
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RESOLVED);
        assertThat(o.findings().get("swap").state()).isEqualTo(FindingState.RESOLVED);
        o = t.next(o, run(6, f("swap", Severity.OK)), Optional.empty());
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

    @Test
    void undeliveredChangesStayPendingAndGoOutCoalescedWithTheNextDelivery() throws Exception {
        AlertTracker t = new AlertTracker(AlertPolicy.DEFAULT);
        // hour 0: swap appears, the notification is not delivered
        AlertOutcome o = t.next(AlertOutcome.EMPTY, run(0, f("swap", Severity.ALERT)), Optional.empty()).settle(false);
        assertThat(o.pending()).extracting(AlertChange::id).containsExactly("swap");
        // hour 1: swap escalates, load appears; still not delivered: one pending NEW swap, at its new severity
        o = t.next(o, run(1, f("swap", Severity.EMERGENCY), f("load", Severity.ALERT)), Optional.empty()).settle(false);
        assertThat(o.pending()).extracting(AlertChange::id, AlertChange::kind, AlertChange::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("swap", AlertChange.Kind.NEW, Severity.EMERGENCY),
                org.assertj.core.groups.Tuple.tuple("load", AlertChange.Kind.NEW, Severity.ALERT));
        assertThat(o.pending().get(0).since()).isEqualTo(T0);
        // hours 2 and 3: load is OK twice (resolve-after 2), swap stays: nothing new this run, but the run owes the
        // pending ones, and load "came and went"
        o = t.next(o, run(2, f("swap", Severity.EMERGENCY)), Optional.empty()).settle(false);
        AlertOutcome h3 = t.next(o, run(3, f("swap", Severity.EMERGENCY)), Optional.empty());
        assertThat(h3.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RESOLVED);
        assertThat(h3.shouldNotify()).isTrue();
        assertThat(h3.outbox()).extracting(AlertChange::id, AlertChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("swap", AlertChange.Kind.NEW),
                org.assertj.core.groups.Tuple.tuple("load", AlertChange.Kind.CAME_AND_WENT));
        assertThat(h3.message()).isEqualTo("EMERGENCY alerts on vps: 1 new, 1 came and went (1 not delivered earlier)");
        // delivered: nothing stays pending, and the next quiet hour owes nothing
        AlertOutcome delivered = h3.settle(true);
        assertThat(delivered.pending()).isEmpty();
        assertThat(t.next(delivered, run(4, f("swap", Severity.EMERGENCY)), Optional.empty()).shouldNotify()).isFalse();
        // the state survives its JSON form (the state file, the Jenkins build action)
        AlertOutcome back = Json.mapper().readValue(Json.compact(h3.settle(false)), AlertOutcome.class);
        assertThat(back.pending()).isEqualTo(h3.outbox());
    }

    @Test
    void thePendingListIsBoundedAndCountsWhatItDrops() {
        AlertTracker t = new AlertTracker(AlertPolicy.DEFAULT);
        Finding[] many = new Finding[AlertPolicy.PENDING_MAX + 7];
        for (int i = 0; i < many.length; i++) {
            many[i] = f(String.format("disk:/d%03d", i), Severity.ALERT);
        }
        AlertOutcome o = t.next(AlertOutcome.EMPTY, run(0, many), Optional.empty()).settle(false);
        assertThat(o.pending()).hasSize(AlertPolicy.PENDING_MAX);
        assertThat(o.dropped()).isEqualTo(7);
        o = t.next(o, run(1, many), Optional.empty());
        assertThat(o.message()).endsWith("; 7 older undelivered changes dropped");
        assertThat(o.settle(true).dropped()).isZero();
    }

    @Test
    void aFlappingFindingResolvesOnlyAfterResolveAfterOkRuns() {
        AlertTracker t = new AlertTracker(AlertPolicy.DEFAULT);
        AlertOutcome o = t.next(AlertOutcome.EMPTY, run(0, f("process:tree-builder", Severity.ALERT)), Optional.empty());
        int notices = 1;
        for (int h = 1; h <= 6; h++) {
            Severity s = h % 2 == 1 ? Severity.OK : Severity.ALERT; // caught online, then waiting restart, ...
            o = t.next(o, run(h, f("process:tree-builder", s)), Optional.empty());
            notices += o.shouldNotify() ? 1 : 0;
        }
        assertThat(notices).as("one NEW, never a RESOLVED while it flaps").isEqualTo(1);
        o = t.next(o, run(7, f("process:tree-builder", Severity.OK)), Optional.empty());
        o = t.next(o, run(8, f("process:tree-builder", Severity.OK)), Optional.empty());
        assertThat(o.changes()).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RESOLVED);
    }
}
