package xyz.twzrd.ops.jenkins;

import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.Serializable;

/**
 * Fields every twzrd-ops step shares: where the check runs (the node, or an SSH target with a private-key
 * credential and known_hosts), how PM2 is reached, what the result does to the build, and when to notify.
 * Blank fields take the global defaults ({@link TwzrdOpsConfiguration}), then the runner's defaults.
 */
public abstract class AbstractTwzrdStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private String config;
    private String pm2;
    private String pm2Home;
    private String pm2Timeout;
    private String sshTarget;
    private String credentialsId;
    private String knownHosts;
    private String onAlert;
    private String onEmergency;
    private String onUnknown;
    private String notifyWhen;
    private String reminder;
    private boolean archiveReports = true;

    /** The check name of the result contract ({@code alerts}, {@code health-check}, ...). */
    abstract String check();

    /** Step-specific request values; none by default. */
    CheckOptions checkOptions() {
        return CheckOptions.NONE;
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixEmptyAndTrim(config);
    }

    public String getPm2() {
        return pm2;
    }

    @DataBoundSetter
    public void setPm2(String pm2) {
        this.pm2 = Util.fixEmptyAndTrim(pm2);
    }

    public String getPm2Home() {
        return pm2Home;
    }

    @DataBoundSetter
    public void setPm2Home(String pm2Home) {
        this.pm2Home = Util.fixEmptyAndTrim(pm2Home);
    }

    public String getPm2Timeout() {
        return pm2Timeout;
    }

    @DataBoundSetter
    public void setPm2Timeout(String pm2Timeout) {
        this.pm2Timeout = Util.fixEmptyAndTrim(pm2Timeout);
    }

    public String getSshTarget() {
        return sshTarget;
    }

    @DataBoundSetter
    public void setSshTarget(String sshTarget) {
        this.sshTarget = Util.fixEmptyAndTrim(sshTarget);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = Util.fixEmptyAndTrim(knownHosts);
    }

    public String getOnAlert() {
        return onAlert;
    }

    @DataBoundSetter
    public void setOnAlert(String onAlert) {
        this.onAlert = Util.fixEmptyAndTrim(onAlert);
    }

    public String getOnEmergency() {
        return onEmergency;
    }

    @DataBoundSetter
    public void setOnEmergency(String onEmergency) {
        this.onEmergency = Util.fixEmptyAndTrim(onEmergency);
    }

    public String getOnUnknown() {
        return onUnknown;
    }

    @DataBoundSetter
    public void setOnUnknown(String onUnknown) {
        this.onUnknown = Util.fixEmptyAndTrim(onUnknown);
    }

    public String getNotifyWhen() {
        return notifyWhen;
    }

    @DataBoundSetter
    public void setNotifyWhen(String notifyWhen) {
        this.notifyWhen = Util.fixEmptyAndTrim(notifyWhen);
    }

    public String getReminder() {
        return reminder;
    }

    @DataBoundSetter
    public void setReminder(String reminder) {
        this.reminder = Util.fixEmptyAndTrim(reminder);
    }

    public boolean isArchiveReports() {
        return archiveReports;
    }

    @DataBoundSetter
    public void setArchiveReports(boolean archiveReports) {
        this.archiveReports = archiveReports;
    }
}
