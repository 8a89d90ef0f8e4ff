package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.jobs.AuditJob;

/**
 * {@code twzrdTuningAudit}: the quarterly tuning audit (swappiness, memory limits, log rotation, pending updates, environment review); it only reads.
 */
public class TwzrdTuningAuditStep extends AbstractTwzrdStep {
    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public TwzrdTuningAuditStep() {
        // every field is optional (@DataBoundSetter)
    }

    @Override
    String check() {
        return AuditJob.CHECK;
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
            return "twzrdTuningAudit";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: quarterly tuning audit (read-only)";
        }
    }
}
