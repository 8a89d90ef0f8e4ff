package xyz.twzrd.ops.jenkins;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import xyz.twzrd.ops.core.Validation;

/**
 * {@code pm2Restart}: the Friday verified restart: {@code pm2 restart} of the chosen apps, then verify every app is
 * back online with a fresh process and that the health endpoint answers. Calling the step is the opt-in; the
 * other twzrd-ops steps never change anything on the host.
 */
public class Pm2RestartStep extends AbstractTwzrdStep {
    private static final long serialVersionUID = 1L;
    static final String CHECK = "pm2-restart";

    private String apps;
    private String healthUrl;
    private String settle;
    private String deadline;

    @DataBoundConstructor
    public Pm2RestartStep() {
        // every field is optional (@DataBoundSetter)
    }

    @Override
    String check() {
        return CHECK;
    }

    @Override
    CheckOptions checkOptions() {
        return new CheckOptions(apps, healthUrl, settle, deadline, "");
    }

    /** {@code all} (default) or comma-separated PM2 app names. */
    public String getApps() {
        return apps;
    }

    @DataBoundSetter
    public void setApps(String apps) {
        this.apps = Util.fixEmptyAndTrim(apps);
    }

    /** http(s) URL that must answer 2xx after the restart; blank skips the endpoint check. */
    public String getHealthUrl() {
        return healthUrl;
    }

    @DataBoundSetter
    public void setHealthUrl(String healthUrl) {
        this.healthUrl = Util.fixEmptyAndTrim(healthUrl);
    }

    /** How long to wait after the restart before verifying, e.g. {@code 10s}. */
    public String getSettle() {
        return settle;
    }

    @DataBoundSetter
    public void setSettle(String settle) {
        this.settle = Util.fixEmptyAndTrim(settle);
    }

    /** How long the health endpoint may take to answer, e.g. {@code 60s}. */
    public String getDeadline() {
        return deadline;
    }

    @DataBoundSetter
    public void setDeadline(String deadline) {
        this.deadline = Util.fixEmptyAndTrim(deadline);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(new StepSettings(this, TwzrdOpsConfiguration.get()), context);
    }

    /** Runs the restart and its verification with the settings copied at start. */
    static final class Execution extends TwzrdExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepSettings settings, StepContext context) {
            super(settings, context);
        }
    }

    @Extension
    public static final class DescriptorImpl extends TwzrdStepDescriptor {
        @Override
        public String getFunctionName() {
            return "pm2Restart";
        }

        @Override
        public String getDisplayName() {
            return "twzrd-ops: verified pm2 restart";
        }

        @POST
        public FormValidation doCheckApps(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.canConfigure(item) ? Forms.of(Validation.apps(value)) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckHealthUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.canConfigure(item) ? Forms.of(Validation.healthUrl(value)) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckSettle(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.canConfigure(item) ? Forms.duration(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckDeadline(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.canConfigure(item) ? Forms.duration(value) : FormValidation.ok();
        }
    }
}
