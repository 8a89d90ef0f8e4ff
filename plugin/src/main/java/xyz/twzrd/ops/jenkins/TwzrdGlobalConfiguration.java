package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import xyz.twzrd.ops.core.run.Validation;

/**
 * Defaults for every twzrd-ops step (Manage Jenkins » System » twzrd-ops). Configuration as code:
 * <pre>
 * unclassified:
 *   twzrdOps:
 *     pm2: /usr/local/bin/pm2
 *     pm2Timeout: 45s
 *     onAlert: UNSTABLE
 *     stateDir: /var/lib/twzrd-ops/state
 *     slackChannel: '#ops'
 *     config: |
 *       thresholds:
 *         swap: {alert: 20, emergency: 80}
 * </pre>
 */
@Extension
@Symbol("twzrdOps")
public class TwzrdGlobalConfiguration extends GlobalConfiguration {
    private String pm2;
    private String pm2Home;
    private String config;
    private String knownHosts;
    private String pm2Timeout;
    private String onAlert;
    private String onEmergency;
    private String onUnknown;
    private String stateDir;
    private String slackChannel;

    public TwzrdGlobalConfiguration() {
        load();
    }

    public static TwzrdGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(TwzrdGlobalConfiguration.class);
    }

    public String getPm2() {
        return pm2;
    }

    @DataBoundSetter
    public void setPm2(String pm2) {
        this.pm2 = TwzrdStep.Util.fixEmpty(pm2);
        save();
    }

    public String getPm2Home() {
        return pm2Home;
    }

    @DataBoundSetter
    public void setPm2Home(String pm2Home) {
        this.pm2Home = TwzrdStep.Util.fixEmpty(pm2Home);
        save();
    }

    /** Default YAML configuration, used when a step gives none. */
    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = TwzrdStep.Util.fixEmpty(config);
        save();
    }

    /** Default known_hosts lines for SSH targets. */
    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = TwzrdStep.Util.fixEmpty(knownHosts);
        save();
    }

    /** Default timeout of one pm2 command (30s when blank). */
    public String getPm2Timeout() {
        return pm2Timeout;
    }

    @DataBoundSetter
    public void setPm2Timeout(String pm2Timeout) {
        this.pm2Timeout = TwzrdStep.Util.fixEmpty(pm2Timeout);
        save();
    }

    /** Default stage result on ALERT (UNSTABLE when blank). */
    public String getOnAlert() {
        return onAlert;
    }

    @DataBoundSetter
    public void setOnAlert(String onAlert) {
        this.onAlert = TwzrdStep.Util.fixEmpty(onAlert);
        save();
    }

    /** Default stage result on EMERGENCY (FAILURE when blank). */
    public String getOnEmergency() {
        return onEmergency;
    }

    @DataBoundSetter
    public void setOnEmergency(String onEmergency) {
        this.onEmergency = TwzrdStep.Util.fixEmpty(onEmergency);
        save();
    }

    /** Default stage result on UNKNOWN (FAILURE when blank; never SUCCESS). */
    public String getOnUnknown() {
        return onUnknown;
    }

    @DataBoundSetter
    public void setOnUnknown(String onUnknown) {
        this.onUnknown = TwzrdStep.Util.fixEmpty(onUnknown);
        save();
    }

    /** Default folder on each node for the state its jobs share (blank: {@code twzrd-ops/state} below the node's root). */
    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = TwzrdStep.Util.fixEmpty(stateDir);
        save();
    }

    /**
     * Default Slack channel the steps notify themselves through the Slack plugin (its global workspace, token
     * credential and bot settings); blank: the steps leave notifying to the pipeline.
     */
    public String getSlackChannel() {
        return slackChannel;
    }

    @DataBoundSetter
    public void setSlackChannel(String slackChannel) {
        this.slackChannel = TwzrdStep.Util.fixEmpty(slackChannel);
        save();
    }

    @POST
    public FormValidation doCheckKnownHosts(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStep.toForm(Validation.knownHosts(value, false));
    }

    @POST
    public FormValidation doCheckPm2Timeout(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStep.toForm(Validation.duration(value));
    }

    @POST
    public ListBoxModel doFillOnAlertItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStepDescriptor.outcomes(true);
    }

    @POST
    public ListBoxModel doFillOnEmergencyItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStepDescriptor.outcomes(true);
    }

    @POST
    public ListBoxModel doFillOnUnknownItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStepDescriptor.outcomes(false);
    }

    @POST
    public FormValidation doCheckConfig(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStep.validateConfig(value);
    }
}
