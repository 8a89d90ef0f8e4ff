package xyz.twzrd.ops.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertStateJson;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;
import xyz.twzrd.ops.core.history.HistoryRecord;
import xyz.twzrd.ops.core.history.HistoryRetention;
import xyz.twzrd.ops.core.history.HistoryStore;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.notify.SlackMessage;

/**
 * The steps after every check, the same for both faces: derive the alert state from the previous run's, notify when
 * it says so, and (when the state lives in the state folder, as for the runner) persist the alert state and append
 * the history record with retention. Where the caller holds the state (Jenkins: the previous build's action), the
 * previous state comes with the request and the new one leaves only in the result. The returned result carries the
 * {@code alertState} and {@code notification} sections; a step that fails adds an UNKNOWN finding
 * ({@code history} or {@code alert-state}) and never loses the result.
 */
final class Recorder {
    /** Sends a message; must not throw. */
    @FunctionalInterface
    interface Notifier {
        NotificationResult send(SlackMessage message);
    }

    private final Path stateDir;
    private final AlertTracker tracker;
    private final HistoryRetention retention;

    Recorder(Path stateDir, AlertPolicy policy, HistoryRetention retention) {
        this.stateDir = stateDir;
        this.tracker = new AlertTracker(policy);
        this.retention = retention;
    }

    /** Where the alert state of a check is kept between runs. */
    Path alertStateFile(String check) {
        return stateDir.resolve("alert-state-" + check + ".json");
    }

    /**
     * @param result             the run's result
     * @param callerState        the previous alert state when the caller keeps it; empty: the state folder keeps it
     * @param lastPlannedRestart when the last planned restart happened, if known (mutes crash alerts it caused)
     * @param notifier           where to send a notification; empty when none is configured
     */
    CheckResult record(CheckResult result, Optional<AlertOutcome> callerState, Optional<Instant> lastPlannedRestart,
                       Optional<Notifier> notifier) {
        List<Finding> problems = new ArrayList<>();
        boolean inStateFolder = callerState.isEmpty();
        Path stateFile = alertStateFile(result.getCheck());
        AlertOutcome previous = callerState.orElseGet(() -> readState(stateFile, result.getStartedAt(), problems));
        AlertOutcome decided = tracker.next(previous, result, lastPlannedRestart);
        NotificationResult sent;
        boolean delivered;
        if (!decided.shouldNotify()) {
            sent = NotificationResult.notNeeded("nothing changed");
            delivered = true;
        } else if (notifier.isEmpty()) {
            // no delivery asked: the decision leaves in the result (output, exit code, the step's return value),
            // which is the delivery; nothing accumulates as pending
            sent = new NotificationResult(NotificationResult.Status.NOT_CONFIGURED, 0,
                    "no delivery asked: the notification is in the result only");
            delivered = true;
        } else {
            sent = notifier.get().send(SlackMessage.of(result, decided));
            delivered = sent.status() == NotificationResult.Status.SENT;
        }
        // a change counts as sent only once a notification carrying it was delivered: else it stays pending
        AlertOutcome outcome = decided.settle(delivered);
        if (inStateFolder) {
            try {
                AtomicFiles.writeString(stateFile, AlertStateJson.pretty(outcome));
            } catch (IOException e) {
                problems.add(Finding.unknown("alert-state", "alert state could not be saved: " + e.getMessage()));
            }
            HistoryStore history = new HistoryStore(stateDir);
            try {
                history.append(HistoryRecord.of(result));
                history.retainDaily(retention.maxRuns(), result.getStartedAt().minus(retention.maxAge()), result.getStartedAt());
            } catch (IOException e) {
                problems.add(Finding.unknown("history", "history could not be written: " + e.getMessage()));
            }
        }
        CheckResult out = problems.isEmpty() ? result : result.withFindings(problems);
        out.putSection(AlertOutcome.SECTION, outcome);
        out.putSection(NotificationResult.SECTION, sent);
        return out;
    }

    /** The saved alert state; a damaged file is set aside (an ALERT naming it, once) and the state starts afresh. */
    private static AlertOutcome readState(Path stateFile, Instant now, List<Finding> problems) {
        try {
            AlertOutcome saved = AlertStateJson.read(Files.readString(stateFile));
            return saved == null ? AlertOutcome.EMPTY : saved;
        } catch (NoSuchFileException e) {
            return AlertOutcome.EMPTY; // first run
        } catch (IOException | RuntimeException e) {
            problems.add(Files.isReadable(stateFile) ? StateFolder.setAside(stateFile, now, StateFolder.reason(e))
                    : Finding.unknown("alert-state", "previous alert state " + stateFile
                    + " could not be read, starting afresh: " + e.getClass().getSimpleName()));
            return AlertOutcome.EMPTY;
        }
    }
}
