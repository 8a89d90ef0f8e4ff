package xyz.twzrd.ops.core.alertstate;

import xyz.twzrd.ops.core.Severity;

/**
 * One reason to notify.
 *
 * @param id       the finding id
 * @param kind     what happened
 * @param severity the finding's severity now
 * @param message  the finding's message now
 */
public record AlertChange(String id, Kind kind, Severity severity, String message) {
    /** Why a finding is notified. */
    public enum Kind { NEW, ESCALATED, REMINDER, RESOLVED }
}
