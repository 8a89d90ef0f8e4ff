package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.jobs.JobRequest;

/**
 * {@code twzrdTuningAudit}: the quarterly tuning audit (swappiness, memory limits, log rotation, pending updates,
 * environment-name review). Read-only: it changes nothing on the host.
 */
public class TuningAuditStep extends TwzrdStep {
    @DataBoundConstructor
    public TuningAuditStep() {
        // all fields are optional
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, request("audit", null, null, null, null, null), this);
    }

    /** Runs the audit; holds copies of the step's values only. */
    private static final class Execution extends TwzrdExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, JobRequest request, TwzrdStep step) {
            super(context, request, step.getCredentialsId(), step.getOnAlert(), step.getOnEmergency(), step.getOnUnknown());
        }
    }

    @Extension
    public static final class DescriptorImpl extends TwzrdStepDescriptor {
        @Override
        public String getFunctionName() {
            return "twzrdTuningAudit";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: quarterly tuning audit";
        }
    }
}
