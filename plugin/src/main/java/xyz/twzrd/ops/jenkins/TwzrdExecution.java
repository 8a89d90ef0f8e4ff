package xyz.twzrd.ops.jenkins;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Base of the steps' nested {@code Execution}s: runs off the CPS thread, holds only the immutable
 * {@link StepSettings} copied at start (never the step), and returns the Groovy-friendly summary map.
 */
abstract class TwzrdExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final StepSettings settings;

    TwzrdExecution(StepSettings settings, StepContext context) {
        super(context);
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext c = getContext();
        return CheckStepRunner.run(settings, c.get(Run.class), c.get(TaskListener.class), c.get(FilePath.class),
                c.get(Launcher.class), c.get(FlowNode.class));
    }
}
