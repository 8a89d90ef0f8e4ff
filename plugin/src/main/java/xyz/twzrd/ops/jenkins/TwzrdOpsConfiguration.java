package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults of every twzrd-ops step ("Manage Jenkins » System » twzrd-ops"), JCasC-friendly:
 * <pre>
 * unclassified:
 *   twzrdOps:
 *     config: |
 *       thresholds:
 *         swap: {alert: 5, emergency: 50}
 *     knownHosts: "vps.example.com ssh-ed25519 AAAA..."
 *     notifyWhen: CHANGES
 *     reminder: 6h
 * </pre>
 * A step's own field wins over the default here.
 */
@Extension
@Symbol("twzrdOps")
public class TwzrdOpsConfiguration extends GlobalConfiguration {
    static final String DEFAULT_PM2_TIMEOUT = "30s";
    static final String DEFAULT_REMINDER = "6h";
    static final int DEFAULT_TREND_BUILDS = 50;

    private String config;
    private String pm2;
    private String pm2Home;
    private String pm2Timeout;
    private String knownHosts;
    private String notifyWhen;
    private String reminder;
    private String onAlert;
    private String onEmergency;
    private String onUnknown;
    private int trendBuilds = DEFAULT_TREND_BUILDS;

    public TwzrdOpsConfiguration() {
        load();
    }

    public static TwzrdOpsConfiguration get() {
        return ExtensionList.lookupSingleton(TwzrdOpsConfiguration.class);
    }

    /** Configuration YAML (docs/configuration.md) used when a step gives none. */
    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixEmptyAndTrim(config);
        save();
    }

    public String getPm2() {
        return pm2;
    }

    @DataBoundSetter
    public void setPm2(String pm2) {
        this.pm2 = Util.fixEmptyAndTrim(pm2);
        save();
    }

    public String getPm2Home() {
        return pm2Home;
    }

    @DataBoundSetter
    public void setPm2Home(String pm2Home) {
        this.pm2Home = Util.fixEmptyAndTrim(pm2Home);
        save();
    }

    public String getPm2Timeout() {
        return pm2Timeout;
    }

    @DataBoundSetter
    public void setPm2Timeout(String pm2Timeout) {
        this.pm2Timeout = Util.fixEmptyAndTrim(pm2Timeout);
        save();
    }

    /** known_hosts lines for SSH targets (strict host-key checking always applies). */
    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = Util.fixEmptyAndTrim(knownHosts);
        save();
    }

    public String getNotifyWhen() {
        return notifyWhen;
    }

    @DataBoundSetter
    public void setNotifyWhen(String notifyWhen) {
        this.notifyWhen = Util.fixEmptyAndTrim(notifyWhen);
        save();
    }

    public String getReminder() {
        return reminder;
    }

    @DataBoundSetter
    public void setReminder(String reminder) {
        this.reminder = Util.fixEmptyAndTrim(reminder);
        save();
    }

    public String getOnAlert() {
        return onAlert;
    }

    @DataBoundSetter
    public void setOnAlert(String onAlert) {
        this.onAlert = Util.fixEmptyAndTrim(onAlert);
        save();
    }

    public String getOnEmergency() {
        return onEmergency;
    }

    @DataBoundSetter
    public void setOnEmergency(String onEmergency) {
        this.onEmergency = Util.fixEmptyAndTrim(onEmergency);
        save();
    }

    public String getOnUnknown() {
        return onUnknown;
    }

    @DataBoundSetter
    public void setOnUnknown(String onUnknown) {
        this.onUnknown = Util.fixEmptyAndTrim(onUnknown);
        save();
    }

    /** How many builds the job trend shows and the history table lists. */
    public int getTrendBuilds() {
        return trendBuilds;
    }

    @DataBoundSetter
    public void setTrendBuilds(int trendBuilds) {
        this.trendBuilds = trendBuilds < 2 ? DEFAULT_TREND_BUILDS : trendBuilds;
        save();
    }

    @POST
    public FormValidation doCheckConfig(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.config(value);
    }

    @POST
    public FormValidation doCheckPm2Timeout(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.duration(value);
    }

    @POST
    public FormValidation doCheckReminder(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.duration(value);
    }

    @POST
    public FormValidation doCheckKnownHosts(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.knownHosts(value);
    }

    @POST
    public FormValidation doCheckTrendBuilds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.trendBuilds(value);
    }

    @POST
    public ListBoxModel doFillNotifyWhenItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.notifyModes();
    }

    @POST
    public ListBoxModel doFillOnAlertItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.outcomes(false);
    }

    @POST
    public ListBoxModel doFillOnEmergencyItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.outcomes(false);
    }

    @POST
    public ListBoxModel doFillOnUnknownItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Forms.outcomes(true);
    }
}
