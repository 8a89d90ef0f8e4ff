package xyz.twzrd.ops.core.alertstate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.CheckResult;

/**
 * The alert state after one run: the result's {@code alertState} section. The next run (or the next Jenkins
 * build, from the previous build's stored result) derives its own state from this one.
 *
 * @param findings every finding that is not OK, or resolved in this run, with its state
 * @param shouldNotify whether this run should notify
 * @param changes  why (empty when quiet)
 * @param muted    crash findings held back by the mute window after a planned restart
 * @param message  the one-line notification text, empty when quiet
 */
@JsonPropertyOrder({"notify", "message", "changes", "muted", "findings"})
public record AlertOutcome(Map<String, TrackedFinding> findings, @JsonProperty("notify") boolean shouldNotify, List<AlertChange> changes,
                           List<String> muted, String message) {
    public static final String SECTION = "alertState";

    /** The state before any run. */
    public static final AlertOutcome EMPTY = new AlertOutcome(Map.of(), false, List.of(), List.of(), "");

    public AlertOutcome {
        findings = findings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(findings));
        changes = changes == null ? List.of() : List.copyOf(changes);
        muted = muted == null ? List.of() : List.copyOf(muted);
        message = message == null ? "" : message;
    }

    /** The state a stored result carries, if it has one. */
    public static Optional<AlertOutcome> of(CheckResult result) {
        return result.section(SECTION, AlertOutcome.class);
    }
}
