package xyz.twzrd.ops.jenkins;

import xyz.twzrd.ops.core.config.Keys;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a step execution keeps, copied when the step starts so the execution never refers to the step: the check,
 * the configuration as its layers (global YAML, global fields, the step's YAML, the step's fields; core merges them
 * key by key on the agent), where the check runs and what each severity does to the stage. A blank field is "not
 * set" and is left out, so it never hides a configured value.
 *
 * <p>Plain strings and JDK maps only: this object is part of the pipeline's program state (program.dat), which the
 * JEP-200 class filter guards, and no type of the twzrd-ops core library may appear there.
 */
final class StepSettings implements Serializable {
    private static final long serialVersionUID = 2L;

    final String check;
    final String globalConfig;
    final TreeMap<String, String> globalFields = new TreeMap<>();
    final String stepConfig;
    final TreeMap<String, String> stepFields = new TreeMap<>();
    final String logs;
    final String target;
    final String credentialsId;
    final String knownHosts;
    /** Where {@link #knownHosts} came from, as host-key messages name it (never the temporary file core writes). */
    final String knownHostsName;
    final String onAlert;
    final String onEmergency;
    final String onUnknown;
    /** The step's {@code stateDir}, else the global one, else blank (the node's default folder). */
    final String stateDir;
    /**
     * Where the step itself notifies through the Slack plugin; empty: the pipeline does. Null in the program state
     * of a build started before this field existed (same serialVersionUID: an added field stays compatible).
     */
    final String slackChannel;

    /**
     * @param checkFields the check's own fields by configuration key (e.g. {@link Keys#SETTLE}); blank values are
     *                    left out
     * @param logs        extra log paths, one per line (health check), or null
     */
    StepSettings(TwzrdStep step, TwzrdGlobalConfiguration global, String check, Map<String, String> checkFields,
                 String logs) {
        this.check = check;
        this.globalConfig = or(global.getConfig(), "");
        putSet(globalFields, Keys.PM2_PROGRAM, global.getPm2());
        putSet(globalFields, Keys.PM2_HOME, global.getPm2Home());
        putSet(globalFields, Keys.PM2_COMMAND_TIMEOUT, global.getPm2Timeout());
        this.stepConfig = or(step.getConfig(), "");
        putSet(stepFields, Keys.PM2_PROGRAM, step.getPm2());
        putSet(stepFields, Keys.PM2_HOME, step.getPm2Home());
        putSet(stepFields, Keys.PM2_COMMAND_TIMEOUT, step.getPm2Timeout());
        putSet(stepFields, Keys.EXPECTED_APPS, step.getExpectedApps());
        checkFields.forEach((k, v) -> putSet(stepFields, k, v));
        this.logs = or(logs, "");
        this.target = or(step.getTarget(), "");
        this.credentialsId = or(step.getCredentialsId(), "");
        this.knownHosts = or(step.getKnownHosts(), global.getKnownHosts());
        this.knownHostsName = step.getKnownHosts() != null && !step.getKnownHosts().isBlank() ? "the step's knownHosts"
                : "the global knownHosts";
        this.onAlert = or(step.getOnAlert(), global.getOnAlert());
        this.onEmergency = or(step.getOnEmergency(), global.getOnEmergency());
        this.onUnknown = or(step.getOnUnknown(), global.getOnUnknown());
        this.stateDir = or(step.getStateDir(), global.getStateDir());
        this.slackChannel = or(step.getSlackChannel(), global.getSlackChannel()).trim();
    }

    /** Whether the step delivers its notifications itself (a Slack channel is set on the step or globally). */
    boolean delivers() {
        return slackChannel != null && !slackChannel.isEmpty();
    }

    boolean remote() {
        return !target.isEmpty();
    }

    /** The request for the agent: these values plus the node's folders; the previous build and the key are added. */
    AgentRequest request(String stateDir, String reportDir) {
        return new AgentRequest(this, stateDir, reportDir);
    }

    /** Field values by configuration key, in the order given; for a step's own fields. */
    static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static void putSet(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.trim());
        }
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback == null ? "" : fallback;
    }
}
