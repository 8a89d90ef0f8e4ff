package xyz.twzrd.ops.core.history;

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
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.notify.SlackMessage;

/**
 * The steps after every run, shared by the CLI and the Jenkins plugin: derive the alert state from the
 * previous run's, notify when it says so, append the history record, persist the alert state, apply retention.
 * The returned result carries the {@code alertState} and {@code notification} sections; a step that fails
 * adds an UNKNOWN finding ({@code history} or {@code alert-state}) and never loses the result.
 */
public final class RunRecorder {
    /** Sends a message; must not throw. */
    @FunctionalInterface
    public interface Notifier {
        NotificationResult send(SlackMessage message);
    }

    private final Path stateDir;
    private final AlertTracker tracker;
    private final HistoryRetention retention;

    public RunRecorder(Path stateDir, AlertPolicy policy, HistoryRetention retention) {
        this.stateDir = stateDir;
        this.tracker = new AlertTracker(policy);
        this.retention = retention;
    }

    /** Where the alert state of a check is kept between runs. */
    public Path alertStateFile(String check) {
        return stateDir.resolve("alert-state-" + check + ".json");
    }

    /**
     * @param result             the run's result
     * @param lastPlannedRestart when the last planned restart happened, if known (mutes crash alerts it caused)
     * @param notifier           where to send a notification; empty when none is configured
     */
    public CheckResult record(CheckResult result, Optional<Instant> lastPlannedRestart, Optional<Notifier> notifier) {
        List<Finding> problems = new ArrayList<>();
        AlertOutcome previous = AlertOutcome.EMPTY;
        Path stateFile = alertStateFile(result.getCheck());
        try {
            previous = Json.mapper().readValue(Files.readString(stateFile), AlertOutcome.class);
        } catch (NoSuchFileException e) {
            // first run: no previous state
        } catch (IOException | RuntimeException e) {
            problems.add(Finding.unknown("alert-state", "previous alert state " + stateFile
                    + " could not be read, starting afresh: " + e.getClass().getSimpleName()));
        }
        AlertOutcome outcome = tracker.next(previous, result, lastPlannedRestart);
        NotificationResult sent;
        if (!outcome.shouldNotify()) {
            sent = NotificationResult.notNeeded("nothing changed");
        } else if (notifier.isEmpty()) {
            sent = new NotificationResult(NotificationResult.Status.NOT_CONFIGURED, 0, "no Slack webhook configured");
        } else {
            sent = notifier.get().send(SlackMessage.of(result, outcome));
        }
        try {
            AtomicFiles.writeString(stateFile, Json.pretty(outcome));
        } catch (IOException e) {
            problems.add(Finding.unknown("alert-state", "alert state could not be saved: " + e.getMessage()));
        }
        HistoryStore history = new HistoryStore(stateDir);
        try {
            history.append(HistoryRecord.of(result));
            history.retain(retention.maxRuns(), result.getStartedAt().minus(retention.maxAge()));
        } catch (IOException e) {
            problems.add(Finding.unknown("history", "history could not be written: " + e.getMessage()));
        }
        CheckResult out = problems.isEmpty() ? result : result.withFindings(problems);
        out.putSection(AlertOutcome.SECTION, outcome);
        out.putSection(NotificationResult.SECTION, sent);
        return out;
    }
}
