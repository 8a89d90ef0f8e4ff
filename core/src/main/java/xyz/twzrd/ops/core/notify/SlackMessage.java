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
 * {@link #webhookPayload()} is the JSON an incoming webhook takes.
 *
 * @param text  the one-line summary
 * @param color good, warning or danger
 * @param lines one line per change
 */
public record SlackMessage(String text, String color, List<String> lines) {
    public SlackMessage {
        lines = List.copyOf(lines);
    }

    /** The message for a run's alert outcome: colour of the run's severity, "good" when all that changed resolved. */
    public static SlackMessage of(CheckResult result, AlertOutcome outcome) {
        List<String> lines = new ArrayList<>();
        boolean onlyResolved = true;
        for (AlertChange c : outcome.changes()) {
            lines.add(c.kind() + " " + c.id() + " " + c.severity() + ": " + c.message());
            onlyResolved &= c.kind() == AlertChange.Kind.RESOLVED;
        }
        String color = onlyResolved && !lines.isEmpty() ? "good" : result.getSeverity().slackColor();
        String text = outcome.message().isEmpty() ? result.getSummary() : outcome.message();
        return new SlackMessage(text, color, lines);
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
