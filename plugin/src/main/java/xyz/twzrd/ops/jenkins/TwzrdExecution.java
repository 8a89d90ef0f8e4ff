package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import jenkins.model.Jenkins;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.run.CallerDelivery;
import xyz.twzrd.ops.core.run.NodeState;
import xyz.twzrd.ops.core.run.Outcome;
import xyz.twzrd.ops.core.run.OutcomePolicy;
import xyz.twzrd.ops.core.run.Validation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every twzrd-ops step does, as the base of the steps' nested {@code Execution}s, and only as translation:
 * resolve the SSH credential, hand the check to core's run pipeline on the agent ({@link RunCheckCallable}) with the
 * previous build's alert state and result (core advances the state, compares the report, decides whether to
 * notify), archive the reports, attach the build action, mark the stage, and return the summary core built. Runs off
 * the CPS thread and holds only the immutable {@link StepSettings} copied at start, never the step.
 */
abstract class TwzrdExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    /** This build's reports, in the workspace (archived from there). State lives per node: {@link #nodeState}. */
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
        AgentRequest request = settings.request(nodeState().getRemote(), reports.getRemote())
                .previous(previous == null ? null : previous.getAlertState(),
                        previous == null ? null : previous.getResultJson());
        request.environment(getContext().get(EnvVars.class)); // PATH, HOME, PM2_HOME only; never logged
        withKey(run, request);
        listener.getLogger().println("twzrd-ops: " + settings.check + " on "
                + (settings.remote() ? settings.target : "this node"));

        AgentResult out = channel.call(new RunCheckCallable(request));
        CheckResult result = Json.readResult(out.resultJson);
        Map<String, Object> summary = new LinkedHashMap<>(out.summary);
        String alertState = out.alertStateJson;
        summary.put("delivered", false);
        if (settings.delivers()) {
            alertState = deliver(run, listener, result, out, summary);
        }

        TwzrdBuildAction.attach(run, result, alertState, out.notify, out.trendValues);
        archive(run, workspace, launcher, listener, reports);

        listener.getLogger().println("twzrd-ops: " + TextSummary.render(result));
        Outcome outcome = policy.outcome(result.getSeverity());
        if (outcome != Outcome.SUCCESS) {
            Result r = outcome == Outcome.UNSTABLE ? Result.UNSTABLE : Result.FAILURE;
            node.addOrReplaceAction(new WarningAction(r).withMessage(result.getSummary()));
            run.setResult(r);
            listener.getLogger().println("twzrd-ops: " + result.getSeverity() + " marks the stage and the build " + r);
        }
        return summary;
    }

    /**
     * The step notifies itself (a Slack channel is set): posts what the run owes through the Slack plugin and
     * settles the alert state with core, so an undelivered notification stays pending for the next build. Without
     * the Slack plugin nothing is delivered and the log says so. Returns the alert state to keep.
     */
    private String deliver(Run<?, ?> run, TaskListener listener, CheckResult result, AgentResult out,
                           Map<String, Object> summary) {
        if (!out.notify) {
            return out.alertStateJson;
        }
        String link = Jenkins.get().getRootUrl();
        String message = out.summary.get("message") + (link == null ? "" : "\n" + link + run.getUrl());
        SlackDelivery.Outcome sent = SlackDelivery.deliver(run, settings.slackChannel, message,
                String.valueOf(out.summary.get("color")));
        listener.getLogger().println("twzrd-ops: Slack " + settings.slackChannel + ": "
                + (sent.delivered() ? "delivered" : "NOT delivered, kept pending for the next build: " + sent.reason()));
        summary.put("delivered", sent.delivered());
        return CallerDelivery.settle(result, out.alertStateJson, sent.delivered(), sent.reason());
    }

    /**
     * The state folder every job on this node shares (crash baselines, log offsets, the planned restarts of
     * {@code pm2Restart}): below the node's root unless {@code stateDir} says otherwise ({@link NodeState}); never
     * the job's workspace, where the hourly job would not see the Friday job's restart. The alert state of each job
     * stays with its builds.
     */
    private FilePath nodeState() throws IOException, InterruptedException {
        Computer computer = getContext().get(Computer.class);
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (root == null) {
            throw new AbortException("twzrd-ops: the node of this step is offline (no root folder for the shared state)");
        }
        return new FilePath(root.getChannel(), NodeState.folder(root.getRemote(), settings.stateDir, null));
    }

    /** For an SSH target, the key from the credential, read here for this run only, never logged or kept. */
    private void withKey(Run<?, ?> run, AgentRequest request) throws AbortException {
        if (!settings.remote()) {
            return;
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
        request.key(key.getPrivateKeys().get(0), Secret.toString(key.getPassphrase()));
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
