package xyz.twzrd.ops.core.alertstate;

/** Where a finding stands across runs. */
public enum FindingState {
    /** Not OK in this run, and OK (or absent) in the run before. */
    NEW,
    /** Not OK in this run and in the run before. */
    ONGOING,
    /**
     * OK (or absent) in this run after having been notified, but not yet for {@code alert.resolve-after} runs in a
     * row: not resolved yet, so one lucky sample sends no "resolved" notice.
     */
    CLEARING,
    /** OK (or absent) for {@code alert.resolve-after} runs in a row after being not OK (kept for one run). */
    RESOLVED
}
