package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.run.Validation;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.jobs.JobRequest;
import xyz.twzrd.ops.core.jobs.Outcome;
import xyz.twzrd.ops.core.jobs.OutcomePolicy;
import xyz.twzrd.ops.core.jobs.StepSummary;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every twzrd-ops step does, as the base of the steps' nested {@code Execution}s: resolve the SSH credential,
 * run the check on the agent ({@link RunCheckCallable}) with the previous build's alert state (core advances it and
 * returns it in the result's {@code alertState} section), archive the reports, attach the build action, mark the
 * stage, and return the summary. Runs off the CPS thread and
 * holds only the immutable {@link StepSettings} copied at start, never the step.
 */
abstract class TwzrdExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    /** Workspace folders: state kept between builds of the job, and this build's reports. */
    static final String STATE_DIR = ".twzrd-ops/state";
    static final String REPORT_DIR = "twzrd-ops-reports";

    private final StepSettings settings;

    TwzrdExecution(StepContext context, StepSettings settings) {
        super(context);
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        Launcher launcher = getContext().get(Launcher.class);
        FlowNode node = getContext().get(FlowNode.class);
        OutcomePolicy policy;
        try {
            policy = OutcomePolicy.of(settings.onAlert, settings.onEmergency, settings.onUnknown);
        } catch (IllegalArgumentException e) {
            throw new AbortException("twzrd-ops: " + e.getMessage());
        }
        VirtualChannel channel = workspace.getChannel();
        if (channel == null) {
            throw new AbortException("twzrd-ops: the node of this step is offline");
        }
        FilePath reports = workspace.child(REPORT_DIR).child(settings.check);
        reports.deleteRecursive();
        TwzrdBuildAction previous = TwzrdBuildAction.previous(run, settings.check);
        JobRequest request = request(run, workspace.child(STATE_DIR).getRemote(), reports.getRemote(),
                previous == null ? null : previous.getAlertState());
        listener.getLogger().println("twzrd-ops: " + settings.check + " on "
                + (settings.remote() ? settings.target : "this node"));

        CheckResult result = Json.readResult(channel.call(new RunCheckCallable(request)));

        AlertOutcome alerts = AlertOutcome.of(result).orElse(AlertOutcome.EMPTY);
        TwzrdBuildAction.attach(run, result, Json.compact(alerts), alerts.shouldNotify());
        archive(run, workspace, launcher, listener, reports);

        listener.getLogger().println("twzrd-ops: " + TextSummary.render(result));
        Outcome outcome = policy.outcome(result.getSeverity());
        if (outcome != Outcome.SUCCESS) {
            Result r = outcome == Outcome.UNSTABLE ? Result.UNSTABLE : Result.FAILURE;
            node.addOrReplaceAction(new WarningAction(r).withMessage(result.getSummary()));
            run.setResult(r);
            listener.getLogger().println("twzrd-ops: " + result.getSeverity() + " marks the stage and the build " + r);
        }
        return StepSummary.of(result, alerts.shouldNotify(), alerts.message());
    }

    /** The request for the agent; for an SSH target the key is read from the credential here, never logged or kept. */
    private JobRequest request(Run<?, ?> run, String stateDir, String reportDir, String previousAlertState)
            throws AbortException {
        if (!settings.remote()) {
            return settings.request(stateDir, reportDir, previousAlertState, null, null);
        }
        Optional<String> problem = Validation.target(settings.target)
                .or(() -> Validation.knownHosts(settings.knownHosts, true));
        if (problem.isPresent()) {
            throw new AbortException("twzrd-ops: target " + settings.target + ": " + problem.get());
        }
        if (settings.credentialsId.isEmpty()) {
            throw new AbortException("twzrd-ops: target " + settings.target
                    + " needs credentialsId (an SSH private-key credential)");
        }
        SSHUserPrivateKey key = CredentialsProvider.findCredentialById(settings.credentialsId, SSHUserPrivateKey.class, run);
        if (key == null || key.getPrivateKeys().isEmpty()) {
            throw new AbortException("twzrd-ops: no SSH private-key credential '" + settings.credentialsId
                    + "' is available to this build");
        }
        CredentialsProvider.track(run, key);
        return settings.request(stateDir, reportDir, previousAlertState, key.getPrivateKeys().get(0),
                Secret.toString(key.getPassphrase()));
    }

    /** Archives the report files the check wrote into the workspace. */
    private static void archive(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
                                FilePath reports) throws IOException, InterruptedException {
        if (!reports.exists()) {
            return;
        }
        List<FilePath> files = reports.list();
        if (files.isEmpty()) {
            return;
        }
        Map<String, String> artifacts = new LinkedHashMap<>();
        String prefix = REPORT_DIR + "/" + reports.getName() + "/";
        for (FilePath f : files) {
            artifacts.put(prefix + f.getName(), prefix + f.getName());
        }
        run.pickArtifactManager().archive(workspace, launcher, new BuildListenerAdapter(listener), artifacts);
    }
}
