package xyz.twzrd.ops.core.alertstate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.CheckResult;

/**
 * The alert state after one run: the result's {@code alertState} section. The next run (or the next Jenkins
 * build, from the previous build's stored state) derives its own state from this one.
 *
 * <p>Delivery-aware: {@link #changes()} are this run's reasons to notify; {@link #outbox()} is what this run owes,
 * those changes coalesced with the ones earlier runs could not deliver; {@link #pending()} is what is still owed
 * after this run's delivery attempt ({@link #settle}), and goes out with the next run that can deliver.
 *
 * @param findings     every finding that is not OK, clearing, or resolved in this run, with its state
 * @param shouldNotify whether this run owes a notification (its outbox is not empty)
 * @param changes      this run's reasons to notify (empty when nothing changed in this run)
 * @param muted        crash findings held back by the mute window after a planned restart
 * @param message      the one-line notification text, empty when quiet
 * @param outbox       what this run's notification carries: earlier undelivered changes and this run's, coalesced
 * @param pending      what is still undelivered after this run (empty once delivered)
 * @param dropped      undelivered changes dropped because the pending list is bounded ({@link AlertPolicy#PENDING_MAX});
 *                     counted in the message until a notification is delivered
 */
@JsonPropertyOrder({"notify", "message", "changes", "outbox", "pending", "dropped", "muted", "findings"})
public record AlertOutcome(Map<String, TrackedFinding> findings, @JsonProperty("notify") boolean shouldNotify,
                           List<AlertChange> changes, List<String> muted, String message, List<AlertChange> outbox,
                           List<AlertChange> pending, int dropped) {
    public static final String SECTION = "alertState";

    /** The state before any run. */
    public static final AlertOutcome EMPTY = new AlertOutcome(Map.of(), false, List.of(), List.of(), "");

    public AlertOutcome {
        findings = findings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(findings));
        changes = changes == null ? List.of() : List.copyOf(changes);
        muted = muted == null ? List.of() : List.copyOf(muted);
        message = message == null ? "" : message;
        outbox = outbox == null ? changes : List.copyOf(outbox);
        pending = pending == null ? List.of() : List.copyOf(pending);
        dropped = Math.max(0, dropped);
    }

    /** A state without anything owed (nothing pending). */
    public AlertOutcome(Map<String, TrackedFinding> findings, boolean shouldNotify, List<AlertChange> changes,
                        List<String> muted, String message) {
        this(findings, shouldNotify, changes, muted, message, changes, List.of(), 0);
    }

    /** The state a stored result carries, if it has one. */
    public static Optional<AlertOutcome> of(CheckResult result) {
        return result.section(SECTION, AlertOutcome.class);
    }

    /**
     * This state after the run's delivery attempt: delivered, nothing stays pending; not delivered, the whole outbox
     * stays pending for the next run (bounded; the dropped count is kept until a delivery).
     */
    public AlertOutcome settle(boolean delivered) {
        return new AlertOutcome(findings, shouldNotify, changes, muted, message, outbox,
                delivered ? List.of() : outbox, delivered ? 0 : dropped);
    }
}
