package xyz.twzrd.ops.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.run.CheckKind;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code twzrdHealthCheck}: the weekly health check (log error scan, memory, swap, load, PM2 status) with a dated
 * report (text, JSON, HTML) archived with the build.
 */
public class HealthCheckStep extends TwzrdStep {
    private String logs;

    @DataBoundConstructor
    public HealthCheckStep() {
        // all fields are optional
    }

    /** Extra log files or globs to scan, one per line (PM2 app logs are always scanned). */
    @CheckForNull
    public String getLogs() {
        return logs;
    }

    @DataBoundSetter
    public void setLogs(String logs) {
        this.logs = Util.fixEmpty(logs);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, settings(CheckKind.HEALTH_CHECK.id(), Map.of(), logs));
    }

    /** Runs the health check; holds copies of the step's values only. */
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
            return "twzrdHealthCheck";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: weekly health check";
        }
    }
}
