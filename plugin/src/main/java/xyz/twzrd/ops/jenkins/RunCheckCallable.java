package xyz.twzrd.ops.jenkins;

import jenkins.security.MasterToSlaveCallable;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one check on the agent that runs the step: translates the {@link AgentRequest} into core's request (the
 * configuration layers in their order: global YAML, global fields, the step's YAML, the step's fields) and hands it
 * to core's one entry point, {@link CheckRun}, which also advances the alert state and writes the report set. Only
 * plain values cross the channel either way ({@link AgentResult}). The request carries the SSH key for remote
 * targets; it is never logged.
 */
final class RunCheckCallable extends MasterToSlaveCallable<AgentResult, IOException> {
    private static final long serialVersionUID = 2L;

    private final AgentRequest request;

    RunCheckCallable(AgentRequest request) {
        this.request = request;
    }

    @Override
    public AgentResult call() throws IOException {
        RunOutcome o = CheckRun.run(toCore(request));
        return new AgentResult(o.json(), o.alertStateJson(), o.shouldNotify(), o.trendValues(), o.stepSummary());
    }

    /** Core's request for the agent's request. */
    static RunRequest toCore(AgentRequest r) {
        ConfigLayers layers = ConfigLayers.defaults()
                .yaml("the global configuration", r.globalConfig)
                .setAll("the global configuration's fields", r.globalFields)
                .yaml("the step's config", r.stepConfig)
                .setAll("the step's fields", r.stepFields);
        return RunRequest.of(CheckKind.of(r.check)).config(layers)
                .stateDir(Path.of(r.stateDir)).reportDir(Path.of(r.reportDir))
                .logLines(r.logs)
                .ssh(r.target, r.sshKey, r.sshPassphrase, r.knownHosts, r.knownHostsName)
                .environment(r.environment)
                .callerState(r.previousAlertState, r.previousResult)
                .callerDelivers(r.callerDelivers);
    }
}
