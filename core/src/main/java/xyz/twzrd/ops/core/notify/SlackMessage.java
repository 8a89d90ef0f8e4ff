package xyz.twzrd.ops.core.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.alertstate.AlertChange;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;

/**
 * The content of one Slack notification: a one-line summary, a colour (good, warning, danger) and detail
 * lines. {@link #text()} plus {@link #color()} fit the Jenkins Slack plugin's {@code slackSend(message:, color:)};
 * {@link #webhookPayload()} is the JSON an incoming webhook takes. Text and lines are already escaped by Slack's
 * rules ({@link SlackText}): everything in them that came from data (host, app and file names, messages) stays text.
 *
 * @param text  the one-line summary
 * @param color good, warning or danger
 * @param lines one line per change
 */
public record SlackMessage(String text, String color, List<String> lines) {
    public SlackMessage {
        lines = List.copyOf(lines);
    }

    /**
     * The message for a run's alert outcome: one line per change it owes (this run's and those earlier runs could
     * not deliver), each with the threshold, when it was first seen and what to do next; the colour of the run's
     * severity, "good" when all that changed resolved.
     */
    public static SlackMessage of(CheckResult result, AlertOutcome outcome) {
        List<String> lines = new ArrayList<>();
        boolean onlyResolved = true;
        for (AlertChange c : outcome.outbox()) {
            lines.add(SlackText.escape(line(c, result)));
            onlyResolved &= c.kind() == AlertChange.Kind.RESOLVED || c.kind() == AlertChange.Kind.CAME_AND_WENT;
        }
        if (outcome.dropped() > 0) {
            lines.add(outcome.dropped() + " older undelivered change" + (outcome.dropped() == 1 ? " was" : "s were")
                    + " dropped (at most " + xyz.twzrd.ops.core.alertstate.AlertPolicy.PENDING_MAX + " are kept)");
        }
        String color = onlyResolved && !lines.isEmpty() ? "good" : result.getSeverity().slackColor();
        String text = outcome.message().isEmpty() ? result.getSummary() : outcome.message();
        return new SlackMessage(SlackText.escape(text), color, lines);
    }

    /** {@code KIND id SEVERITY: message [thresholds] (first seen ...) Next: ...}, unescaped. */
    static String line(AlertChange c, CheckResult result) {
        StringBuilder b = new StringBuilder();
        b.append(c.kind().name().replace('_', ' ')).append(' ').append(c.id()).append(' ').append(c.severity())
                .append(": ").append(c.message());
        if (!c.threshold().isEmpty()) {
            b.append(" [").append(c.threshold()).append(']');
        }
        boolean late = c.at() != null && c.at().isBefore(result.getStartedAt());
        if (c.kind() == AlertChange.Kind.CAME_AND_WENT) {
            b.append(" (first seen ").append(c.since() == null ? "earlier" : c.since()).append(", gone by ")
                    .append(c.at() == null ? "now" : c.at()).append(", never delivered until now)");
        } else if (c.since() != null && (late || c.since().isBefore(result.getStartedAt()))) {
            b.append(" (first seen ").append(c.since()).append(late ? ", not delivered then)" : ")");
        }
        if (c.kind() != AlertChange.Kind.RESOLVED && c.kind() != AlertChange.Kind.CAME_AND_WENT) {
            b.append(" Next: ").append(c.remedy().isEmpty() ? xyz.twzrd.ops.core.alertstate.Remedies.of(c.id()) : c.remedy())
                    .append('.');
        }
        return b.toString();
    }

    /** Summary and detail lines as one text, for {@code slackSend(message: ...)}. */
    public String fullText() {
        return lines.isEmpty() ? text : text + "\n" + String.join("\n", lines);
    }

    /** The incoming-webhook JSON: the summary as text, details in one coloured attachment. */
    public String webhookPayload() {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("color", color);
        attachment.put("fallback", text);
        attachment.put("text", String.join("\n", lines));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", text);
        payload.put("attachments", List.of(attachment));
        return Json.compact(payload);
    }
}
