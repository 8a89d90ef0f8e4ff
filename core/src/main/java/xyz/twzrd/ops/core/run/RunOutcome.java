package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertStateJson;
import xyz.twzrd.ops.core.history.TrendSeries;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.notify.SlackMessage;
import xyz.twzrd.ops.core.ssh.HostResults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of a check on one host came to, as both faces need it: the result (with its {@code alertState} and
 * {@code notification} sections), the report files written, the report's changes since the previous report, and the
 * notification content. Colour and text of a notification are decided here once ({@link SlackMessage}), for the
 * runner's webhook and the Jenkins step's return value alike.
 *
 * @param result        the result, schema 1
 * @param reportFiles   the report set written (text, JSON, HTML), empty when none was
 * @param reportChanges one line per change since the previous report, e.g. {@code NEW memory}
 * @param notifyAsked   whether the request asked to deliver notifications
 */
public record RunOutcome(CheckResult result, List<Path> reportFiles, List<String> reportChanges, boolean notifyAsked) {
    public RunOutcome {
        reportFiles = List.copyOf(reportFiles);
        reportChanges = List.copyOf(reportChanges);
    }

    public Severity severity() {
        return result.getSeverity();
    }

    public int exitCode() {
        return result.getSeverity().exitCode();
    }

    /** The alert state after this run. */
    public AlertOutcome alertState() {
        return AlertOutcome.of(result).orElse(AlertOutcome.EMPTY);
    }

    /** The alert state as JSON, for a caller that keeps it until the next run. */
    public String alertStateJson() {
        return AlertStateJson.compact(alertState());
    }

    /** Whether the alert state says to notify now. */
    public boolean shouldNotify() {
        return alertState().shouldNotify();
    }

    /** The notification this run owes (or would owe), with its colour. */
    public SlackMessage message() {
        return SlackMessage.of(result, alertState());
    }

    /** A notification that was asked for and did not go out, as one line; empty otherwise. */
    public Optional<String> notificationProblem() {
        return result.section(NotificationResult.SECTION, NotificationResult.class)
                .filter(n -> n.status() == NotificationResult.Status.FAILED
                        || (n.status() == NotificationResult.Status.NOT_CONFIGURED && notifyAsked))
                .map(n -> "notification " + n.status() + ": " + n.reason());
    }

    /** The short human summary: one line, plus one per finding that is not OK. */
    public String text() {
        return TextSummary.render(result);
    }

    /** The result as pretty JSON (schema 1). */
    public String json() {
        return Json.pretty(result);
    }

    /** The values a trend chart draws (swap %, load, memory %, crashes, error lines), by series key. */
    public Map<String, Double> trendValues() {
        return TrendSeries.values(result);
    }

    /** The map a Jenkins step returns (plain values only). */
    public Map<String, Object> stepSummary() {
        return StepSummary.of(this);
    }

    /** The worst severity of several hosts' runs (OK for none). */
    public static Severity worst(List<RunOutcome> all) {
        return Severity.worst(all.stream().map(RunOutcome::severity).toList());
    }

    /** Several hosts' results as JSON: {@code {"severity": <worst>, "results": [...]}}. */
    public static String json(List<RunOutcome> all) {
        return Json.pretty(HostResults.of(all.stream().map(RunOutcome::result).toList()));
    }
}
