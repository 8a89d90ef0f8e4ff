package xyz.twzrd.ops.jenkins;

import java.io.Serializable;

/**
 * Everything a step execution needs, copied from the step and the global defaults when the step starts: immutable,
 * serializable, and free of secrets (the SSH key is read from the credential only while the check runs).
 */
final class StepSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    final String check;
    final String config;
    final String pm2;
    final String pm2Home;
    final String pm2Timeout;
    final String sshTarget;
    final String credentialsId;
    final String knownHosts;
    final String onAlert;
    final String onEmergency;
    final String onUnknown;
    final String notifyWhen;
    final String reminder;
    final boolean archiveReports;
    final CheckOptions options;

    StepSettings(AbstractTwzrdStep step, TwzrdOpsConfiguration defaults) {
        this.check = step.check();
        this.config = or(step.getConfig(), defaults.getConfig());
        this.pm2 = or(or(step.getPm2(), defaults.getPm2()), "pm2");
        this.pm2Home = or(step.getPm2Home(), defaults.getPm2Home());
        this.pm2Timeout = or(or(step.getPm2Timeout(), defaults.getPm2Timeout()), TwzrdOpsConfiguration.DEFAULT_PM2_TIMEOUT);
        this.sshTarget = or(step.getSshTarget(), "");
        this.credentialsId = or(step.getCredentialsId(), "");
        this.knownHosts = or(step.getKnownHosts(), defaults.getKnownHosts());
        this.onAlert = or(step.getOnAlert(), defaults.getOnAlert());
        this.onEmergency = or(step.getOnEmergency(), defaults.getOnEmergency());
        this.onUnknown = or(step.getOnUnknown(), defaults.getOnUnknown());
        this.notifyWhen = or(step.getNotifyWhen(), defaults.getNotifyWhen());
        this.reminder = or(or(step.getReminder(), defaults.getReminder()), TwzrdOpsConfiguration.DEFAULT_REMINDER);
        this.archiveReports = step.isArchiveReports();
        this.options = step.checkOptions();
    }

    boolean remote() {
        return !sshTarget.isEmpty();
    }

    /** Where the check looks: the SSH target, or the node that runs the step. */
    String targetLabel() {
        return remote() ? sshTarget : "this node";
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? (fallback == null ? "" : fallback) : value;
    }
}
