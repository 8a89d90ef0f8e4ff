package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.jobs.AlertsJob;

/**
 * {@code twzrdAlerts}: the hourly alert check (swap, load, memory, disk, PM2 crashes and crash loops), quiet unless the alert state changes.
 */
public class TwzrdAlertsStep extends AbstractTwzrdStep {
    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public TwzrdAlertsStep() {
        // every field is optional (@DataBoundSetter)
    }

    @Override
    String check() {
        return AlertsJob.CHECK;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(new StepSettings(this, TwzrdOpsConfiguration.get()), context);
    }

    /** Runs the check with the settings copied at start. */
    static final class Execution extends TwzrdExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepSettings settings, StepContext context) {
            super(settings, context);
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
            return "twzrd-ops: hourly alerts (swap, load, memory, disk, PM2 crashes)";
        }
    }
}
