package xyz.twzrd.ops.jenkins;

import xyz.twzrd.ops.core.run.RunRequest;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the controller sends to the agent that runs a check: the step's settings, the node's folders, the previous
 * build of the check (its alert state and result, as JSON text) and, for an SSH target, the key read from the
 * credential. Every value is named; plain strings and JDK maps only, because this object crosses the remoting
 * channel, where the JEP-200 class filter admits no type of a library bundled in the plugin (such as twzrd-ops
 * core). The agent turns it into core's own request ({@link RunCheckCallable}). The key, the passphrase and the
 * environment are never part of {@link #toString()}.
 */
final class AgentRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    final String check;
    final String globalConfig;
    final TreeMap<String, String> globalFields;
    final String stepConfig;
    final TreeMap<String, String> stepFields;
    final String logs;
    final String stateDir;
    final String reportDir;
    final String target;
    final String knownHosts;
    final String knownHostsName;
    /** The pipeline's PATH, HOME and PM2_HOME, for the check's local commands; never logged or stored. */
    final TreeMap<String, String> environment = new TreeMap<>();
    /** The controller delivers the notification after the run (Slack plugin): the agent keeps it pending. */
    final boolean callerDelivers;
    String previousAlertState = "";
    String previousResult = "";
    String sshKey = "";
    String sshPassphrase = "";

    AgentRequest(StepSettings s, String stateDir, String reportDir) {
        this.check = s.check;
        this.globalConfig = s.globalConfig;
        this.globalFields = new TreeMap<>(s.globalFields);
        this.stepConfig = s.stepConfig;
        this.stepFields = new TreeMap<>(s.stepFields);
        this.logs = s.logs;
        this.stateDir = stateDir;
        this.reportDir = reportDir;
        this.target = s.target;
        this.knownHosts = s.knownHosts;
        this.knownHostsName = s.knownHostsName;
        this.callerDelivers = s.delivers();
    }

    /** The variables of the pipeline's environment the check runs with (core picks PATH, HOME, PM2_HOME). */
    AgentRequest environment(Map<String, String> pipelineEnvironment) {
        this.environment.clear();
        this.environment.putAll(RunRequest.pipelineEnvironment(pipelineEnvironment));
        return this;
    }

    /** The previous build's alert state and full result of the same check (JSON), null on a first build. */
    AgentRequest previous(String alertStateJson, String resultJson) {
        this.previousAlertState = alertStateJson == null ? "" : alertStateJson;
        this.previousResult = resultJson == null ? "" : resultJson;
        return this;
    }

    /** The SSH key and its passphrase from the credential, for this run only. */
    AgentRequest key(String privateKey, String passphrase) {
        this.sshKey = privateKey == null ? "" : privateKey;
        this.sshPassphrase = passphrase == null ? "" : passphrase;
        return this;
    }

    @Override
    public String toString() {
        return "AgentRequest[" + check + " on " + (target.isEmpty() ? "this node" : target) + "]";
    }
}
