package xyz.twzrd.ops.core.alertstate;

import java.time.Instant;
import xyz.twzrd.ops.core.Severity;

/**
 * The alert state of one finding.
 *
 * @param state            NEW, ONGOING, CLEARING or RESOLVED
 * @param severity         its severity in this run (OK while clearing and once resolved)
 * @param since            when it first stopped being OK
 * @param consecutive      how many runs it has not been OK since it appeared (runs while clearing not counted)
 * @param runsSinceNotice  runs since the last notification about it
 * @param notifiedSeverity the severity last notified, null while never notified
 * @param okRuns           runs in a row it has been OK while clearing (0 otherwise)
 */
public record TrackedFinding(FindingState state, Severity severity, Instant since, int consecutive,
                             int runsSinceNotice, Severity notifiedSeverity, int okRuns) {
    public TrackedFinding(FindingState state, Severity severity, Instant since, int consecutive, int runsSinceNotice,
                          Severity notifiedSeverity) {
        this(state, severity, since, consecutive, runsSinceNotice, notifiedSeverity, 0);
    }
}
