package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.run.CheckKind;

/**
 * {@code twzrdAlerts}: the hourly check (swap, load, memory, disk, PM2 processes, crashes, crash loops). Quiet
 * unless something is wrong; returns a map with {@code severity}, {@code summary}, {@code color}, {@code notify},
 * {@code message} and {@code findings}.
 */
public class AlertsStep extends TwzrdStep {
    @DataBoundConstructor
    public AlertsStep() {
        // all fields are optional
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, settings(CheckKind.ALERTS.id(), Map.of(), null));
    }

    /** Runs the check; holds copies of the step's values only. */
    private static final class Execution extends TwzrdExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, StepSettings settings) {
            super(context, settings);
        }
    }

    @Extension
    public static final class DescriptorImpl extends TwzrdStepDescriptor {
        @Override
        public String getFunctionName() {
            return "twzrdAlerts";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: hourly alert check";
        }
    }
}
