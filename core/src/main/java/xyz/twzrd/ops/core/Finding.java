package xyz.twzrd.ops.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One measured (or unmeasurable) fact of a check.
 *
 * @param id        stable identifier, e.g. {@code swap}, {@code load}, {@code disk:/}, {@code process:gateway}
 * @param severity  OK, ALERT, EMERGENCY, or UNKNOWN when it could not be measured
 * @param value     the measured value, null when not measured
 * @param unit      unit of value and thresholds, e.g. {@code %}, {@code load}, {@code count}
 * @param alert     the ALERT threshold (value above it alerts), null when none applies
 * @param emergency the EMERGENCY threshold, null when none applies
 * @param message   one human sentence: what was found, and against what
 * @param details   further small facts (strings and numbers only); never secrets or environments
 */
@JsonPropertyOrder({"id", "severity", "value", "unit", "alert", "emergency", "message", "details"})
public record Finding(
        String id,
        Severity severity,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double value,
        String unit,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double alert,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double emergency,
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> details) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        message = message == null ? "" : message;
        unit = unit == null ? "" : unit;
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Finding(String id, Severity severity, Double value, String unit, Double alert, Double emergency, String message) {
        this(id, severity, value, unit, alert, emergency, message, Map.of());
    }

    /** A finding that could not be measured: UNKNOWN with the reason. */
    public static Finding unknown(String id, String reason) {
        return new Finding(id, Severity.UNKNOWN, null, "", null, null, reason, Map.of());
    }

    /** A copy with one more detail entry. */
    public Finding withDetail(String key, Object detailValue) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put(key, detailValue);
        return new Finding(id, severity, value, unit, alert, emergency, message, d);
    }

    /** Grades a value against "above alert" / "above emergency" thresholds (strictly greater). */
    public static Severity grade(double value, Double alert, Double emergency) {
        if (emergency != null && value > emergency) {
            return Severity.EMERGENCY;
        }
        if (alert != null && value > alert) {
            return Severity.ALERT;
        }
        return Severity.OK;
    }
}
