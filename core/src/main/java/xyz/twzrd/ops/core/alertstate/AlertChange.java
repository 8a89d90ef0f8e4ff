package xyz.twzrd.ops.core.alertstate;

import java.time.Instant;
import xyz.twzrd.ops.core.Severity;

/**
 * One reason to notify, as decided by a run and, until a notification carrying it is delivered, kept pending in the
 * alert state.
 *
 * @param id        the finding id
 * @param kind      what happened
 * @param severity  the finding's severity when decided (for {@link Kind#CAME_AND_WENT}: the severity it had)
 * @param message   the finding's message when decided
 * @param threshold the finding's thresholds in words ({@code alert above 20 %, emergency above 80 %}), empty if none
 * @param since     when the finding was first seen not OK (null when unknown, e.g. a state of an older version)
 * @param at        the start of the run that decided this change (for {@link Kind#CAME_AND_WENT}: the run that
 *                  found it resolved); null when unknown
 * @param remedy    what to do next ({@link Remedies#of(xyz.twzrd.ops.core.Finding)}), empty when unknown
 */
public record AlertChange(String id, Kind kind, Severity severity, String message, String threshold, Instant since,
                          Instant at, String remedy) {
    /** Why a finding is notified. */
    public enum Kind {
        NEW, ESCALATED, REMINDER, RESOLVED,
        /** Appeared and resolved again before any notification about it was delivered. */
        CAME_AND_WENT
    }

    public AlertChange {
        message = message == null ? "" : message;
        threshold = threshold == null ? "" : threshold;
        remedy = remedy == null ? "" : remedy;
    }

    /** A change without thresholds or times (tests, older states). */
    public AlertChange(String id, Kind kind, Severity severity, String message) {
        this(id, kind, severity, message, "", null, null, "");
    }

    AlertChange withKind(Kind k) {
        return new AlertChange(id, k, severity, message, threshold, since, at, remedy);
    }

    AlertChange withSince(Instant s) {
        return new AlertChange(id, kind, severity, message, threshold, s == null ? since : s, at, remedy);
    }

    AlertChange withAt(Instant t) {
        return new AlertChange(id, kind, severity, message, threshold, since, t, remedy);
    }
}
