package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every twzrd-ops step (Manage Jenkins » System » twzrd-ops). Configuration as code:
 * <pre>
 * unclassified:
 *   twzrdOps:
 *     pm2: /usr/local/bin/pm2
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

    @POST
    public FormValidation doCheckConfig(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return TwzrdStep.validateConfig(value);
    }
}
