package xyz.twzrd.ops.core.alertstate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

/**
 * Derives the alert state of a run from the previous run's state and decides whether to notify:
 * when a finding appears (after the debounce) or escalates, when a notified finding resolves, and every
 * {@code remindEvery} runs while it stays. Crash findings within the mute window after a planned restart
 * are tracked but not notified. Pure: no clock, no files.
 */
public final class AlertTracker {
    private final AlertPolicy policy;

    public AlertTracker(AlertPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param previous           the previous run's state ({@link AlertOutcome#EMPTY} for the first run)
     * @param result             this run's result
     * @param lastPlannedRestart when the last planned restart happened, if known
     */
    public AlertOutcome next(AlertOutcome previous, CheckResult result, Optional<Instant> lastPlannedRestart) {
        Instant now = result.getStartedAt();
        boolean muteWindow = lastPlannedRestart
                .map(t -> !now.isBefore(t) && !now.isAfter(t.plus(policy.muteAfterPlannedRestart())))
                .orElse(false);
        Map<String, TrackedFinding> out = new HashMap<>();
        List<AlertChange> changes = new ArrayList<>();
        List<String> muted = new ArrayList<>();
        Map<String, Finding> current = result.getFindings().stream()
                .collect(Collectors.toMap(Finding::id, f -> f, (a, b) -> Severity.worst(a.severity(), b.severity()) == a.severity() ? a : b));
        for (Finding f : current.values()) {
            if (f.severity() == Severity.OK) {
                continue;
            }
            TrackedFinding prev = previous.findings().get(f.id());
            boolean wasActive = prev != null && prev.state() != FindingState.RESOLVED;
            int consecutive = wasActive ? prev.consecutive() + 1 : 1;
            Severity notified = wasActive ? prev.notifiedSeverity() : null;
            int sinceNotice = wasActive ? prev.runsSinceNotice() + 1 : 1;
            AlertChange.Kind kind = null;
            if (notified == null) {
                kind = consecutive >= policy.debounce() ? AlertChange.Kind.NEW : null;
            } else if (f.severity().isWorseThan(notified)) {
                kind = AlertChange.Kind.ESCALATED;
            } else if (sinceNotice >= policy.remindEvery()) {
                kind = AlertChange.Kind.REMINDER;
            }
            if (kind != null && muteWindow && AlertPolicy.isCrashFinding(f.id())) {
                muted.add(f.id());
                kind = null;
            }
            if (kind != null) {
                changes.add(new AlertChange(f.id(), kind, f.severity(), f.message()));
                notified = f.severity();
                sinceNotice = 0;
            }
            out.put(f.id(), new TrackedFinding(wasActive ? FindingState.ONGOING : FindingState.NEW, f.severity(),
                    wasActive ? prev.since() : now, consecutive, sinceNotice, notified));
        }
        previous.findings().forEach((id, prev) -> {
            if (prev.state() == FindingState.RESOLVED || out.containsKey(id)) {
                return;
            }
            Finding f = current.get(id);
            String msg = f == null ? "no longer reported" : f.message();
            if (prev.notifiedSeverity() != null) {
                changes.add(new AlertChange(id, AlertChange.Kind.RESOLVED, Severity.OK, msg));
            }
            out.put(id, new TrackedFinding(FindingState.RESOLVED, Severity.OK, prev.since(), 0, 0, prev.notifiedSeverity()));
        });
        changes.sort(java.util.Comparator.comparing(AlertChange::id));
        muted.sort(null);
        return new AlertOutcome(out, !changes.isEmpty(), changes, muted, message(result, changes));
    }

    /** One line: host, check, severity and the counts of each kind of change; empty when there is none. */
    static String message(CheckResult r, List<AlertChange> changes) {
        if (changes.isEmpty()) {
            return "";
        }
        Map<AlertChange.Kind, Long> counts = changes.stream()
                .collect(Collectors.groupingBy(AlertChange::kind, () -> new java.util.EnumMap<>(AlertChange.Kind.class),
                        Collectors.counting()));
        String what = counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        return r.getSeverity() + " " + r.getCheck() + " on " + r.getHost() + ": " + what;
    }
}
