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
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;

/**
 * Derives the alert state of a run from the previous run's state and decides whether to notify:
 * when a finding appears (after the debounce) or escalates, when a notified finding has been OK for
 * {@code resolveAfter} runs in a row, and every {@code remindEvery} runs while it stays. Crash findings within the
 * mute window after a planned restart are tracked but not notified. What earlier runs could not deliver (the
 * previous state's {@code pending}) is coalesced with this run's changes into the run's outbox. Pure: no clock, no
 * files.
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
            Instant since = wasActive && prev.since() != null ? prev.since() : now;
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
                changes.add(new AlertChange(f.id(), kind, f.severity(), f.message(), threshold(f), since, now, Remedies.of(f)));
                notified = f.severity();
                sinceNotice = 0;
            }
            out.put(f.id(), new TrackedFinding(wasActive ? FindingState.ONGOING : FindingState.NEW, f.severity(),
                    since, consecutive, sinceNotice, notified, 0));
        }
        previous.findings().forEach((id, prev) -> {
            if (prev.state() == FindingState.RESOLVED || out.containsKey(id)) {
                return;
            }
            Finding f = current.get(id);
            String msg = f == null ? "no longer reported" : f.message();
            if (prev.notifiedSeverity() == null) {
                // never notified: resolved quietly, at once
                out.put(id, new TrackedFinding(FindingState.RESOLVED, Severity.OK, prev.since(), 0, 0, null, 0));
                return;
            }
            int okRuns = (prev.state() == FindingState.CLEARING ? prev.okRuns() : 0) + 1;
            if (okRuns < policy.resolveAfter()) {
                out.put(id, new TrackedFinding(FindingState.CLEARING, Severity.OK, prev.since(), prev.consecutive(),
                        prev.runsSinceNotice() + 1, prev.notifiedSeverity(), okRuns));
                return;
            }
            changes.add(new AlertChange(id, AlertChange.Kind.RESOLVED, Severity.OK, msg,
                    f == null ? "" : threshold(f), prev.since(), now, ""));
            out.put(id, new TrackedFinding(FindingState.RESOLVED, Severity.OK, prev.since(), 0, 0, prev.notifiedSeverity(), okRuns));
        });
        changes.sort(java.util.Comparator.comparing(AlertChange::id));
        muted.sort(null);
        List<AlertChange> outbox = new ArrayList<>(previous.pending());
        changes.forEach(c -> coalesce(outbox, c));
        int dropped = previous.dropped();
        while (outbox.size() > AlertPolicy.PENDING_MAX) {
            outbox.remove(0);
            dropped++;
        }
        return new AlertOutcome(out, !outbox.isEmpty(), changes, muted, message(result, outbox, dropped), outbox,
                List.of(), dropped);
    }

    /**
     * Adds a change to the changes still owed, oldest first: a change about a finding already owed replaces the
     * owed one where the person has nothing to gain from both (NEW then ESCALATED is NEW at the new severity; NEW
     * then RESOLVED "came and went"; a reminder or escalation then RESOLVED is RESOLVED), keeping when it was
     * first seen.
     */
    static void coalesce(List<AlertChange> owed, AlertChange c) {
        int i = owed.size() - 1;
        while (i >= 0 && !owed.get(i).id().equals(c.id())) {
            i--;
        }
        if (i < 0) {
            owed.add(c);
            return;
        }
        AlertChange e = owed.get(i);
        AlertChange.Kind k = e.kind();
        boolean active = k == AlertChange.Kind.NEW || k == AlertChange.Kind.ESCALATED || k == AlertChange.Kind.REMINDER;
        if (!active) {
            owed.add(c); // resolved (or came and went), then back: both are news
            return;
        }
        AlertChange merged;
        if (c.kind() == AlertChange.Kind.RESOLVED) {
            merged = k == AlertChange.Kind.NEW ? e.withKind(AlertChange.Kind.CAME_AND_WENT).withAt(c.at())
                    : c.withSince(e.since());
        } else if (c.kind() == AlertChange.Kind.ESCALATED) {
            merged = k == AlertChange.Kind.NEW ? c.withKind(AlertChange.Kind.NEW).withSince(e.since()).withAt(e.at())
                    : c.withSince(e.since());
        } else if (c.kind() == AlertChange.Kind.REMINDER) {
            merged = k == AlertChange.Kind.REMINDER ? c : e; // still owed as NEW / ESCALATED
        } else {
            merged = c;
        }
        owed.set(i, merged);
    }

    /** A finding's thresholds in words, e.g. {@code alert above 20 %, emergency above 80 %}; empty when none. */
    public static String threshold(Finding f) {
        String unit = f.unit() == null || f.unit().isEmpty() ? "" : " " + f.unit();
        List<String> parts = new ArrayList<>();
        if (f.alert() != null) {
            parts.add("alert above " + Numbers.plain(f.alert()) + unit);
        }
        if (f.emergency() != null) {
            parts.add("emergency above " + Numbers.plain(f.emergency()) + unit);
        }
        return String.join(", ", parts);
    }

    /**
     * One line: host, check, severity and the counts of each kind of change owed; how many of them are held over
     * from earlier runs and how many were dropped; empty when there is none.
     */
    static String message(CheckResult r, List<AlertChange> owed, int dropped) {
        if (owed.isEmpty() && dropped == 0) {
            return "";
        }
        Map<AlertChange.Kind, Long> counts = owed.stream()
                .collect(Collectors.groupingBy(AlertChange::kind, () -> new java.util.EnumMap<>(AlertChange.Kind.class),
                        Collectors.counting()));
        String what = counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        long earlier = owed.stream().filter(c -> c.at() != null && c.at().isBefore(r.getStartedAt())).count();
        String held = earlier == 0 ? "" : " (" + earlier + " not delivered earlier)";
        String lost = dropped == 0 ? "" : "; " + dropped + " older undelivered change" + (dropped == 1 ? "" : "s")
                + " dropped";
        return r.getSeverity() + " " + r.getCheck() + " on " + r.getHost() + ": " + what + held + lost;
    }
}
