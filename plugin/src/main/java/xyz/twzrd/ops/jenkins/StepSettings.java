package xyz.twzrd.ops.jenkins;

import xyz.twzrd.ops.core.jobs.JobRequest;

import java.io.Serializable;

/**
 * What a step execution keeps: the step's values with blanks filled from the global configuration, copied when the
 * step starts. Plain strings only (no record, nothing secret), so the execution serializes with the pipeline's
 * program state and never refers to the step. The SSH key is read from the credential only while the check runs.
 */
final class StepSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_PM2_TIMEOUT = "30s";

    final String check;
    final String config;
    final String pm2;
    final String pm2Home;
    final String pm2Timeout;
    final String apps;
    final String healthUrl;
    final String settle;
    final String deadline;
    final String logs;
    final String target;
    final String credentialsId;
    final String knownHosts;
    final String onAlert;
    final String onEmergency;
    final String onUnknown;

    /** The check's own values (apps ... logs) are null where the check has none. */
    StepSettings(TwzrdStep step, TwzrdGlobalConfiguration global, String check, String apps, String healthUrl,
                 String settle, String deadline, String logs) {
        this.check = check;
        this.config = or(step.getConfig(), global.getConfig());
        this.pm2 = or(step.getPm2(), global.getPm2());
        this.pm2Home = or(step.getPm2Home(), global.getPm2Home());
        this.pm2Timeout = or(or(step.getPm2Timeout(), global.getPm2Timeout()), DEFAULT_PM2_TIMEOUT);
        this.apps = or(apps, "");
        this.healthUrl = or(healthUrl, "");
        this.settle = or(settle, "");
        this.deadline = or(deadline, "");
        this.logs = or(logs, "");
        this.target = or(step.getTarget(), "");
        this.credentialsId = or(step.getCredentialsId(), "");
        this.knownHosts = or(step.getKnownHosts(), global.getKnownHosts());
        this.onAlert = or(step.getOnAlert(), global.getOnAlert());
        this.onEmergency = or(step.getOnEmergency(), global.getOnEmergency());
        this.onUnknown = or(step.getOnUnknown(), global.getOnUnknown());
    }

    boolean remote() {
        return !target.isEmpty();
    }

    /**
     * The request for the agent: these values plus the node's folders, the previous build's alert state and, for an
     * SSH target, the key.
     */
    JobRequest request(String stateDir, String reportDir, String previousAlertState, String sshKey,
                       String sshPassphrase) {
        return new JobRequest(check, config, stateDir, reportDir, pm2, pm2Home, pm2Timeout, apps, healthUrl, settle,
                deadline, logs, target, sshKey, sshPassphrase, knownHosts, previousAlertState);
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback == null ? "" : fallback;
    }
}
