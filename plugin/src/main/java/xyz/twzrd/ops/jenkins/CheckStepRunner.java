package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.Validation;
import xyz.twzrd.ops.core.jobs.JobRequest;
import xyz.twzrd.ops.core.jobs.Outcome;
import xyz.twzrd.ops.core.jobs.OutcomePolicy;
import xyz.twzrd.ops.core.jobs.StepSummary;
import xyz.twzrd.ops.core.runs.AlertDecision;
import xyz.twzrd.ops.core.runs.NotifyMode;
import xyz.twzrd.ops.core.runs.ReportFiles;
import xyz.twzrd.ops.core.runs.RunRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every twzrd-ops step does, on the controller around the agent-side check: resolve the SSH credential,
 * run the check on the node ({@link RunCheckCallable}), compare with the previous build's record (alert state),
 * store and archive the report, mark the stage and build, and return the summary to the pipeline.
 */
final class CheckStepRunner {
    /** How far back to look for the previous build of the same check. */
    static final int PREVIOUS_BUILDS_SCANNED = 100;
    private static final String WORKSPACE_REPORT_DIR = ".twzrd-ops";

    private CheckStepRunner() {
    }

    static Map<String, Object> run(StepSettings s, Run<?, ?> run, TaskListener listener, FilePath workspace,
                                   Launcher launcher, FlowNode node) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        OutcomePolicy policy;
        NotifyMode mode;
        try {
            policy = OutcomePolicy.of(s.onAlert, s.onEmergency, s.onUnknown);
            mode = NotifyMode.parse(s.notifyWhen);
            Durations.parse(s.reminder);
        } catch (IllegalArgumentException e) {
            throw new AbortException("twzrd-ops " + s.check + ": " + e.getMessage());
        }
        JobRequest request = request(s, run);
        log.println("twzrd-ops: " + s.check + " on " + s.targetLabel());
        CheckResult result = Json.readResult(workspace.act(new RunCheckCallable(request)));
        log.println(TextSummary.render(result));

        RunRecord previous = previousRecord(run, s.check, s.targetLabel());
        AlertDecision decision = AlertDecision.decide(previous, result, Instant.now(), mode, Durations.parse(s.reminder));
        log.println("twzrd-ops: " + (decision.shouldNotify() ? "notify" : "no notification") + " (" + decision.reason() + ")");

        TwzrdRunAction action = TwzrdRunAction.attach(run, s.check, s.targetLabel(), result, decision);
        if (s.archiveReports) {
            archive(run, workspace, launcher, listener, ReportFiles.render(result));
        }
        mark(policy.outcome(result.getSeverity()), result, run, node, log);

        Map<String, Object> summary = new HashMap<>(StepSummary.of(result, decision.shouldNotify(), decision.message()));
        summary.put("reason", decision.reason());
        summary.put("states", new LinkedHashMap<>(action.getStates()));
        summary.put("reportUrl", run.getUrl() + action.getUrlName() + "/");
        return summary;
    }

    /** The request for the agent; the SSH key is read from the credential here and never logged or stored. */
    private static JobRequest request(StepSettings s, Run<?, ?> run) throws AbortException {
        String key = "";
        String passphrase = "";
        if (s.remote()) {
            Optional<String> bad = Validation.target(s.sshTarget).or(() -> Validation.knownHosts(s.knownHosts, true));
            if (bad.isPresent()) {
                throw new AbortException("twzrd-ops " + s.check + ": " + bad.get());
            }
            if (s.credentialsId.isEmpty()) {
                throw new AbortException("twzrd-ops " + s.check + ": sshTarget needs credentialsId (an SSH private-key credential)");
            }
            SSHUserPrivateKey credential = CredentialsProvider.findCredentialById(s.credentialsId, SSHUserPrivateKey.class, run);
            if (credential == null || credential.getPrivateKeys().isEmpty()) {
                throw new AbortException("twzrd-ops " + s.check + ": no SSH private-key credential with id '"
                        + s.credentialsId + "' is available to this build");
            }
            CredentialsProvider.track(run, credential);
            key = credential.getPrivateKeys().get(0);
            passphrase = Secret.toString(credential.getPassphrase());
        }
        CheckOptions o = s.options;
        return new JobRequest(s.check, s.config, "", "", s.pm2, s.pm2Home, s.pm2Timeout, o.apps, o.healthUrl, o.settle,
                o.deadline, o.logs, s.sshTarget, key, passphrase, s.knownHosts);
    }

    /** The newest earlier build of this job that ran the same check against the same target; null if none. */
    static RunRecord previousRecord(Run<?, ?> run, String check, String target) {
        Run<?, ?> r = run.getPreviousBuild();
        for (int i = 0; r != null && i < PREVIOUS_BUILDS_SCANNED; i++, r = r.getPreviousBuild()) {
            TwzrdRunAction a = TwzrdRunAction.find(r, check, target);
            if (a != null) {
                return a.toRecord();
            }
        }
        return null;
    }

    private static void archive(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
                                Map<String, String> files) throws IOException, InterruptedException {
        FilePath dir = workspace.child(WORKSPACE_REPORT_DIR);
        WriteReportsCallable.write(dir, files);
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            artifacts.put(name, WORKSPACE_REPORT_DIR + "/" + name);
        }
        run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), artifacts);
    }

    /** UNSTABLE and FAILURE mark the step's node (the stage shows it, as with {@code junit}) and the build. */
    private static void mark(Outcome outcome, CheckResult result, Run<?, ?> run, FlowNode node, PrintStream log) {
        Result r = switch (outcome) {
            case SUCCESS -> null;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
        };
        if (r != null) {
            node.addOrReplaceAction(new WarningAction(r).withMessage(result.getSummary()));
            run.setResult(r);
            log.println("twzrd-ops: " + result.getSeverity() + " marks the stage and the build " + r);
        }
    }
}
