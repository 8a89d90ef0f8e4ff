package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertStateJson;
import xyz.twzrd.ops.core.notify.NotificationResult;

import java.io.IOException;

/**
 * For a caller that delivers a run's notification itself ({@link RunRequest#callerDelivers}; the Jenkins step
 * through the Slack plugin): once it knows whether the delivery worked, it settles the alert state, so that a
 * change counts as sent only once delivered and stays pending for the next run otherwise. Plain text in and out,
 * so that the caller keeps only strings (Jenkins: build.xml).
 */
public final class CallerDelivery {
    private CallerDelivery() {
    }

    /**
     * Settles a run's result and alert state after the caller's delivery attempt: the result's {@code alertState}
     * and {@code notification} sections are updated, and the returned JSON is the state to give the next run
     * ({@link RunRequest#callerState}).
     *
     * @param result         the run's result (its sections are updated in place)
     * @param alertStateJson the run's alert state as the run returned it ({@link RunOutcome#alertStateJson()})
     * @param delivered      whether the notification was delivered
     * @param reason         why not (never a secret), ignored when delivered
     */
    public static String settle(CheckResult result, String alertStateJson, boolean delivered, String reason) {
        AlertOutcome state;
        try {
            state = AlertStateJson.read(alertStateJson);
        } catch (IOException | RuntimeException e) {
            return alertStateJson; // nothing this run could owe can be read back: leave it as it came
        }
        if (state == null) {
            return alertStateJson;
        }
        AlertOutcome settled = state.settle(delivered);
        result.putSection(AlertOutcome.SECTION, settled);
        result.putSection(NotificationResult.SECTION, delivered
                ? new NotificationResult(NotificationResult.Status.SENT, 1, "")
                : new NotificationResult(NotificationResult.Status.FAILED, 1,
                        (reason == null || reason.isBlank() ? "not delivered" : reason) + "; kept pending for the next run"));
        return AlertStateJson.compact(settled);
    }
}
