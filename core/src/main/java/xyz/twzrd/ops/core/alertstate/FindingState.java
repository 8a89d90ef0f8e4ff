package xyz.twzrd.ops.core.alertstate;

/** Where a finding stands across runs. */
public enum FindingState {
    /** Not OK in this run, and OK (or absent) in the run before. */
    NEW,
    /** Not OK in this run and in the run before. */
    ONGOING,
    /** OK (or absent) in this run, not OK in the run before. */
    RESOLVED
}
