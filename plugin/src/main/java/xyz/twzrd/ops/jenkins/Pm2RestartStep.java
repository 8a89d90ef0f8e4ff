package xyz.twzrd.ops.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import xyz.twzrd.ops.core.run.CheckKind;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import xyz.twzrd.ops.core.config.Keys;
import xyz.twzrd.ops.core.run.Validation;

/**
 * {@code pm2Restart}: the Friday verified restart. Restarts the apps one by one, waits, checks each is back
 * {@code online} with a fresh uptime, then polls the health endpoint until it answers 2xx or the deadline passes;
 * with {@code rolling: true} one app at a time, stopping at the first failure. EMERGENCY when any of that fails.
 * Each restart carried out is recorded as planned, so the hourly check does not count it as a crash.
 *
 * <p>Not given and blank differ for {@code apps}: a step without {@code apps} leaves it not set (the configuration's
 * {@code pm2.restart-apps}, default {@code all}, applies), while {@code apps: ''} (or a form field emptied, which
 * Stapler hands the setter as "") is refused when the step starts and restarts nothing. For the other text fields
 * blank means not set.
 */
public class Pm2RestartStep extends TwzrdStep {
    // null: not set, so the configuration's pm2.restart-apps, pm2.settle, pm2.health-url, pm2.deadline,
    // pm2.rolling, pm2.reload apply
    private String apps;
    private String settle;
    private String healthUrl;
    private String deadline;
    private Boolean rolling;
    private Boolean reload;

    @DataBoundConstructor
    public Pm2RestartStep() {
        // all fields are optional
    }

    @CheckForNull
    public String getApps() {
        return apps;
    }

    /**
     * {@code all} or comma-separated app names (default: {@code pm2.restart-apps} of the configuration, all). Kept
     * as given: blank is not "not set" here but refused when the step starts (see the class comment).
     */
    @DataBoundSetter
    public void setApps(String apps) {
        this.apps = apps == null ? null : apps.trim();
    }

    @CheckForNull
    public String getSettle() {
        return settle;
    }

    /** How long to wait after the restart before listing again (default: {@code pm2.settle}, 10s). */
    @DataBoundSetter
    public void setSettle(String settle) {
        this.settle = Util.fixEmpty(settle);
    }

    @CheckForNull
    public String getHealthUrl() {
        return healthUrl;
    }

    /** Health endpoint that must answer 2xx, e.g. http://localhost:8080/health (optional). */
    @DataBoundSetter
    public void setHealthUrl(String healthUrl) {
        this.healthUrl = Util.fixEmpty(healthUrl);
    }

    @CheckForNull
    public String getDeadline() {
        return deadline;
    }

    /** How long the health endpoint may take to answer (default: {@code pm2.deadline}, 60s). */
    @DataBoundSetter
    public void setDeadline(String deadline) {
        this.deadline = Util.fixEmpty(deadline);
    }

    @CheckForNull
    public Boolean getRolling() {
        return rolling;
    }

    /** One app at a time, each verified before the next; stop at the first failure (default: {@code pm2.rolling}, off). */
    @DataBoundSetter
    public void setRolling(Boolean rolling) {
        this.rolling = rolling;
    }

    @CheckForNull
    public Boolean getReload() {
        return reload;
    }

    /** {@code pm2 reload} (zero-downtime) for cluster-mode apps (default: {@code pm2.reload}, off). */
    @DataBoundSetter
    public void setReload(Boolean reload) {
        this.reload = reload;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (apps != null && apps.isEmpty()) {
            // given but blank (e.g. an unset variable): refused before anything runs, never read as "all"
            throw new AbortException("pm2Restart: " + Validation.apps(apps).orElse("apps is blank")
                    + "; nothing was restarted");
        }
        return new Execution(context, settings(CheckKind.PM2_RESTART.id(), StepSettings.fields(
                Keys.RESTART_APPS, apps, Keys.SETTLE, settle, Keys.HEALTH_URL, healthUrl, Keys.DEADLINE, deadline,
                Keys.ROLLING, text(rolling), Keys.RELOAD, text(reload)), null));
    }

    private static String text(Boolean b) {
        return b == null ? null : b.toString();
    }

    /** Runs the restart; holds copies of the step's values only. */
    private static final class Execution extends TwzrdExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, StepSettings settings) {
            super(context, settings);
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
            return "twzrd-ops: verified PM2 restart";
        }

        @POST
        public FormValidation doCheckApps(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return toForm(Validation.apps(value));
        }

        @POST
        public FormValidation doCheckHealthUrl(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return toForm(Validation.healthUrl(value));
        }

        @POST
        public FormValidation doCheckSettle(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return toForm(Validation.duration(value));
        }

        @POST
        public FormValidation doCheckDeadline(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return toForm(Validation.duration(value));
        }
    }
}
