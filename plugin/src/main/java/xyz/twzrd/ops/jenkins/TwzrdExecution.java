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
import xyz.twzrd.ops.core.alertstate.AlertTracking;
import xyz.twzrd.ops.core.jobs.JobRequest;
import xyz.twzrd.ops.core.jobs.Outcome;
import xyz.twzrd.ops.core.jobs.OutcomePolicy;
import xyz.twzrd.ops.core.jobs.StepSummary;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every twzrd-ops step does once it has its request: resolve the SSH credential, run the check on the agent,
 * advance the alert state from the previous build, archive the reports, attach the build action, mark the stage,
 * and return the summary. Holds only immutable copies of the step's values, never the step.
 */
abstract class TwzrdExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    /** Workspace folders: state kept between builds of the job, and this build's reports. */
    static final String STATE_DIR = ".twzrd-ops/state";
    static final String REPORT_DIR = "twzrd-ops-reports";

    private final JobRequest request;
    private final String credentialsId;
    private final String onAlert;
    private final String onEmergency;
    private final String onUnknown;

    TwzrdExecution(StepContext context, JobRequest request, String credentialsId, String onAlert, String onEmergency,
                   String onUnknown) {
        super(context);
        this.request = request;
        this.credentialsId = credentialsId;
        this.onAlert = onAlert;
        this.onEmergency = onEmergency;
        this.onUnknown = onUnknown;
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
            policy = OutcomePolicy.of(onAlert, onEmergency, onUnknown);
        } catch (IllegalArgumentException e) {
            throw new AbortException("twzrd-ops: " + e.getMessage());
        }
        VirtualChannel channel = workspace.getChannel();
        if (channel == null) {
            throw new AbortException("twzrd-ops: the node of this step is offline");
        }
        FilePath reports = workspace.child(REPORT_DIR).child(request.check());
        reports.deleteRecursive();
        JobRequest withPaths = withNodePaths(request, workspace.child(STATE_DIR).getRemote(), reports.getRemote());
        JobRequest withKey = withCredential(withPaths, run);

        CheckResult result = Json.readResult(channel.call(new RunCheckCallable(withKey)));

        TwzrdBuildAction previous = TwzrdBuildAction.previous(run, request.check());
        AlertTracking.Decision decision = AlertTracking.advance(previous == null ? null : previous.getAlertState(), result);
        TwzrdBuildAction action = TwzrdBuildAction.create(run, result, decision.stateJson(), decision.notify());
        run.addOrReplaceAction(action);
        archive(run, workspace, launcher, listener, reports);

        listener.getLogger().println("twzrd-ops: " + TextSummary.render(result));
        Outcome outcome = policy.outcome(result.getSeverity());
        if (outcome != Outcome.SUCCESS) {
            Result r = outcome == Outcome.UNSTABLE ? Result.UNSTABLE : Result.FAILURE;
            node.addOrReplaceAction(new WarningAction(r).withMessage(result.getSummary()));
            run.setResult(r);
        }
        return StepSummary.of(result, decision.notify(), decision.message());
    }

    private static JobRequest withNodePaths(JobRequest r, String stateDir, String reportDir) {
        return new JobRequest(r.check(), r.configYaml(), stateDir, reportDir, r.pm2(), r.pm2Home(), r.pm2Timeout(),
                r.apps(), r.healthUrl(), r.settle(), r.deadline(), r.logs(), r.sshTarget(), null, null, r.knownHosts());
    }

    /** Adds the key of the SSH credential (looked up in the context of this build) to the request. */
    private JobRequest withCredential(JobRequest r, Run<?, ?> run) throws AbortException {
        if (!r.remote()) {
            return r;
        }
        if (credentialsId == null) {
            throw new AbortException("twzrd-ops: target " + r.sshTarget() + " needs credentialsId (an SSH private-key credential)");
        }
        if (r.knownHosts() == null || r.knownHosts().isBlank()) {
            throw new AbortException("twzrd-ops: target " + r.sshTarget()
                    + " needs knownHosts (host-key checking is always strict)");
        }
        SSHUserPrivateKey key = CredentialsProvider.findCredentialById(credentialsId, SSHUserPrivateKey.class, run);
        if (key == null || key.getPrivateKeys().isEmpty()) {
            throw new AbortException("twzrd-ops: no SSH private-key credential '" + credentialsId + "' is available to this build");
        }
        return new JobRequest(r.check(), r.configYaml(), r.stateDir(), r.reportDir(), r.pm2(), r.pm2Home(),
                r.pm2Timeout(), r.apps(), r.healthUrl(), r.settle(), r.deadline(), r.logs(), r.sshTarget(),
                key.getPrivateKeys().get(0), Secret.toString(key.getPassphrase()), r.knownHosts());
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
