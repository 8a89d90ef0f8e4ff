package xyz.twzrd.ops.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;

import java.util.Map;
import java.util.Optional;

/**
 * Fields every twzrd-ops step shares: where the check runs (this node, or a host over SSH), how PM2 is reached,
 * the configuration, and what ALERT / EMERGENCY / UNKNOWN do to the stage. Blank fields fall back to the global
 * configuration ({@link TwzrdGlobalConfiguration}), then to the runner's defaults.
 */
public abstract class TwzrdStep extends Step {
    private String config;
    private String target;
    private String credentialsId;
    private String knownHosts;
    private String pm2;
    private String pm2Home;
    private String pm2Timeout;
    private String onAlert;
    private String onEmergency;
    private String onUnknown;
    private String stateDir;
    private String expectedApps;
    private String slackChannel;

    /** YAML configuration (thresholds and so on), see the step reference. */
    @CheckForNull
    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixEmpty(config);
    }

    /** {@code user@host[:port]} to check over SSH; empty runs on the node of the step. */
    @CheckForNull
    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = Util.fixEmpty(target);
    }

    /** An "SSH Username with private key" credential for the target. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmpty(credentialsId);
    }

    /** known_hosts lines for the target's host key (strict checking is always on). */
    @CheckForNull
    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = Util.fixEmpty(knownHosts);
    }

    @CheckForNull
    public String getPm2() {
        return pm2;
    }

    @DataBoundSetter
    public void setPm2(String pm2) {
        this.pm2 = Util.fixEmpty(pm2);
    }

    @CheckForNull
    public String getPm2Home() {
        return pm2Home;
    }

    @DataBoundSetter
    public void setPm2Home(String pm2Home) {
        this.pm2Home = Util.fixEmpty(pm2Home);
    }

    /** How long one pm2 command may run, e.g. {@code 30s} (the default). */
    @CheckForNull
    public String getPm2Timeout() {
        return pm2Timeout;
    }

    @DataBoundSetter
    public void setPm2Timeout(String pm2Timeout) {
        this.pm2Timeout = Util.fixEmpty(pm2Timeout);
    }

    /** Stage result on ALERT: UNSTABLE (default), FAILURE or SUCCESS. */
    @CheckForNull
    public String getOnAlert() {
        return onAlert;
    }

    @DataBoundSetter
    public void setOnAlert(String onAlert) {
        this.onAlert = Util.fixEmpty(onAlert);
    }

    /** Stage result on EMERGENCY: FAILURE (default), UNSTABLE or SUCCESS. */
    @CheckForNull
    public String getOnEmergency() {
        return onEmergency;
    }

    @DataBoundSetter
    public void setOnEmergency(String onEmergency) {
        this.onEmergency = Util.fixEmpty(onEmergency);
    }

    /** Stage result on UNKNOWN: FAILURE (default) or UNSTABLE, never SUCCESS. */
    @CheckForNull
    public String getOnUnknown() {
        return onUnknown;
    }

    @DataBoundSetter
    public void setOnUnknown(String onUnknown) {
        this.onUnknown = Util.fixEmpty(onUnknown);
    }

    /** Apps that must run under PM2, {@code a,b} ({@code pm2.expected-apps}); blank: the configuration's. */
    @CheckForNull
    public String getExpectedApps() {
        return expectedApps;
    }

    @DataBoundSetter
    public void setExpectedApps(String expectedApps) {
        this.expectedApps = Util.fixEmpty(expectedApps);
    }

    /**
     * Slack channel the step notifies itself through the Slack plugin (its global workspace and credential), so that
     * undelivered notifications stay pending for the next build; blank: the global default, and with none the
     * pipeline notifies ({@code if (r.notify) slackSend ...}).
     */
    @CheckForNull
    public String getSlackChannel() {
        return slackChannel;
    }

    @DataBoundSetter
    public void setSlackChannel(String slackChannel) {
        this.slackChannel = Util.fixEmpty(slackChannel);
    }

    /**
     * The folder on the node for the state the jobs of the node share; blank: the global default, else
     * {@code twzrd-ops/state} below the node's root. A relative folder is below the node's root.
     */
    @CheckForNull
    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = Util.fixEmpty(stateDir);
    }

    /**
     * The values an execution keeps: the step's and the global configuration's, as layers core merges key by key
     * (a blank field is not set); plain strings only, copied when the step starts, so the execution never holds the
     * step. Node paths, the previous build and the SSH key are added when the check runs.
     */
    StepSettings settings(String check, Map<String, String> checkFields, String logs) {
        return new StepSettings(this, TwzrdGlobalConfiguration.get(), check, checkFields, logs);
    }

    /** Validates YAML configuration text for a form. */
    static FormValidation validateConfig(String yaml) {
        try {
            OpsConfig.parse(yaml);
            return FormValidation.ok();
        } catch (ConfigException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Turns a core validation message into a form validation. */
    static FormValidation toForm(Optional<String> problem) {
        return problem.map(FormValidation::error).orElse(FormValidation.ok());
    }

    /** Small string helpers, so the step needs nothing beyond core. */
    static final class Util {
        private Util() {
        }

        static String fixEmpty(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
