package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.notify.SlackMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value a Jenkins step returns to the pipeline: a map of plain strings, numbers, booleans and lists only, so
 * that it is serializable and usable from Groovy without script approval
 * ({@code def r = twzrdAlerts(); if (r.notify) slackSend(color: r.color, message: r.message)}).
 */
public final class StepSummary {
    private StepSummary() {
    }

    /** The summary of a run: its severity, the notification decision and content, and every finding. */
    public static Map<String, Object> of(RunOutcome run) {
        CheckResult result = run.result();
        SlackMessage message = run.message();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", result.getCheck());
        m.put("host", result.getHost());
        m.put("severity", result.getSeverity().name());
        m.put("exitCode", result.getSeverity().exitCode());
        m.put("summary", result.getSummary());
        m.put("color", message.color());
        m.put("notify", run.shouldNotify());
        m.put("message", message.fullText());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : result.getFindings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", f.id());
            fm.put("severity", f.severity().name());
            fm.put("value", f.value());
            fm.put("unit", f.unit());
            fm.put("message", f.message());
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }
}
