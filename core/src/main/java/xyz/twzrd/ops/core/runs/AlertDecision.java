package xyz.twzrd.ops.core.runs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alert state across runs: which problems are new, ongoing or resolved compared with the previous run, and
 * whether to notify now. With {@link NotifyMode#CHANGES} an hourly job notifies when a problem appears, changes
 * severity or goes away, and reminds every {@code reminder} while problems go on; otherwise it stays quiet.
 *
 * @param shouldNotify whether to send a notification now
 * @param reason     why (or why not), one short phrase
 * @param states     the state of every finding that is or was a problem, in the result's order
 * @param notifiedAt when the last notification went out including this run (store it with this run)
 * @param message    the notification text: the summary line, then one line per new, resolved or ongoing problem
 */
public record AlertDecision(boolean shouldNotify, String reason, Map<String, FindingState> states, Instant notifiedAt,
                            String message) {
    public AlertDecision {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /**
     * @param previous the previous run's record, null for the first run
     * @param current  this run's result
     * @param now      the time of the decision
     * @param mode     when to notify
     * @param reminder how often to remind of ongoing problems (CHANGES mode); zero or negative never reminds
     */
    public static AlertDecision decide(RunRecord previous, CheckResult current, Instant now, NotifyMode mode,
                                       Duration reminder) {
        Map<String, Severity> before = previous == null ? Map.of() : previous.findings();
        Map<String, Severity> after = RunRecord.of(0, current, null).findings();
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        Map<String, FindingState> states = new LinkedHashMap<>();
        boolean moved = false;
        for (String id : ids) {
            boolean badBefore = bad(before.get(id));
            boolean badNow = bad(after.get(id));
            if (badNow && !badBefore) {
                states.put(id, FindingState.NEW);
            } else if (badNow) {
                states.put(id, FindingState.ONGOING);
                moved |= before.get(id) != after.get(id);
            } else if (badBefore) {
                states.put(id, FindingState.RESOLVED);
            }
        }
        boolean changed = moved || states.containsValue(FindingState.NEW) || states.containsValue(FindingState.RESOLVED);
        Instant lastNotified = previous == null ? null : previous.notifiedAt();
        String reason;
        boolean notify;
        switch (mode) {
            case ALWAYS -> {
                notify = true;
                reason = "every run notifies";
            }
            case PROBLEMS -> {
                notify = current.getSeverity() != Severity.OK;
                reason = notify ? "the run is " + current.getSeverity() : "all OK";
            }
            default -> {
                boolean ongoing = states.containsValue(FindingState.ONGOING);
                boolean remind = ongoing && !reminder.isZero() && !reminder.isNegative()
                        && (lastNotified == null || !now.isBefore(lastNotified.plus(reminder)));
                notify = changed || remind;
                reason = changed ? "the alert state changed" : remind ? "reminder: problems go on"
                        : ongoing ? "problems go on, already notified" : "nothing changed";
            }
        }
        return new AlertDecision(notify, reason, states, notify ? now : lastNotified, message(current, states));
    }

    private static boolean bad(Severity s) {
        return s != null && s != Severity.OK;
    }

    private static String message(CheckResult current, Map<String, FindingState> states) {
        List<String> lines = new ArrayList<>();
        lines.add(current.getSummary());
        Map<String, Finding> byId = new LinkedHashMap<>();
        current.getFindings().forEach(f -> byId.putIfAbsent(f.id(), f));
        for (Map.Entry<String, FindingState> e : states.entrySet()) {
            Finding f = byId.get(e.getKey());
            String what = f == null ? "no longer reported" : f.severity() + " " + f.message();
            lines.add(e.getValue() + " " + e.getKey() + ": " + what);
        }
        return String.join("\n", lines);
    }
}
