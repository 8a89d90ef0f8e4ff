package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code twzrdHealthCheck}: the weekly health check (log error scan, memory, swap, load, PM2 status) with its
 * report archived on the build.
 */
public class TwzrdHealthCheckStep extends AbstractTwzrdStep {
    private static final long serialVersionUID = 1L;
    static final String CHECK = "health-check";

    private String logs;

    @DataBoundConstructor
    public TwzrdHealthCheckStep() {
        // every field is optional (@DataBoundSetter)
    }

    @Override
    String check() {
        return CHECK;
    }

    @Override
    CheckOptions checkOptions() {
        return new CheckOptions("", "", "", "", logs);
    }

    /** Extra log files or globs to scan, one per line, beside the PM2 logs. */
    public String getLogs() {
        return logs;
    }

    @DataBoundSetter
    public void setLogs(String logs) {
        this.logs = Util.fixEmptyAndTrim(logs);
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
            return "twzrdHealthCheck";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: weekly health check (logs, memory, swap, load, PM2)";
        }
    }
}
