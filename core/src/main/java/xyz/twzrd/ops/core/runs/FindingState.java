package xyz.twzrd.ops.core.runs;

/** Where a problem stands compared with the previous run. */
public enum FindingState {
    /** A problem now that was OK or absent before. */
    NEW,
    /** A problem now and before (its severity may have moved). */
    ONGOING,
    /** OK or absent now, a problem before. */
    RESOLVED
}
