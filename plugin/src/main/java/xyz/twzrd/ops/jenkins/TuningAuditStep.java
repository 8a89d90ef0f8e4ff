package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.run.CheckKind;

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
        return new Execution(context, settings(CheckKind.AUDIT.id(), Map.of(), null));
    }

    /** Runs the audit; holds copies of the step's values only. */
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
            return "twzrdTuningAudit";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: quarterly tuning audit";
        }
    }
}
