package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;

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

    /**
     * @param result  the check result
     * @param notify  whether the alert state says to notify now
     * @param message the notification text (one-line summary plus detail lines)
     */
    public static Map<String, Object> of(CheckResult result, boolean notify, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", result.getCheck());
        m.put("host", result.getHost());
        m.put("severity", result.getSeverity().name());
        m.put("exitCode", result.getSeverity().exitCode());
        m.put("summary", result.getSummary());
        m.put("color", result.getSeverity().slackColor());
        m.put("notify", notify);
        m.put("message", message);
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
