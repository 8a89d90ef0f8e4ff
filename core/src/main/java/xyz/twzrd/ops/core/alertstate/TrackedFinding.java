package xyz.twzrd.ops.core.alertstate;

import java.time.Instant;
import xyz.twzrd.ops.core.Severity;

/**
 * The alert state of one finding.
 *
 * @param state            NEW, ONGOING or RESOLVED
 * @param severity         its severity in this run (OK once resolved)
 * @param since            when it first stopped being OK
 * @param consecutive      how many runs in a row it has not been OK
 * @param runsSinceNotice  runs since the last notification about it
 * @param notifiedSeverity the severity last notified, null while never notified
 */
public record TrackedFinding(FindingState state, Severity severity, Instant since, int consecutive,
                             int runsSinceNotice, Severity notifiedSeverity) {
}
