package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import xyz.twzrd.ops.core.run.Validation;
import xyz.twzrd.ops.core.run.Outcome;

import java.util.List;
import java.util.Set;

/**
 * Shared descriptor of the twzrd-ops steps: the context they need (the node's workspace and launcher, for the agent
 * that runs the check and for the archived reports; the node's computer, whose root holds the state the node's jobs
 * share; the flow node, to mark the stage; the pipeline's environment, whose PATH, HOME and PM2_HOME the check's
 * local commands run with), form validation of the
 * shared fields, and the choices. Every check is a {@code @POST} for users who may configure the job.
 */
public abstract class TwzrdStepDescriptor extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, FlowNode.class, EnvVars.class,
                Computer.class);
    }

    /** Only those who may configure the job (or Jenkins, outside a job) may probe values. */
    static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    @POST
    public FormValidation doCheckTarget(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return TwzrdStep.toForm(Validation.target(value));
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value,
                                               @QueryParameter String target) {
        checkConfigure(item);
        if (target != null && !target.isBlank() && (value == null || value.isBlank())) {
            return FormValidation.error("an SSH target needs an SSH private-key credential");
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckKnownHosts(@AncestorInPath Item item, @QueryParameter String value,
                                            @QueryParameter String target) {
        checkConfigure(item);
        boolean required = target != null && !target.isBlank() && TwzrdGlobalConfiguration.get().getKnownHosts() == null;
        return TwzrdStep.toForm(Validation.knownHosts(value, required));
    }

    @POST
    public FormValidation doCheckConfig(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return TwzrdStep.validateConfig(value);
    }

    @POST
    public FormValidation doCheckExpectedApps(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return TwzrdStep.toForm(Validation.expectedApps(value));
    }

    @POST
    public FormValidation doCheckPm2Timeout(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return TwzrdStep.toForm(Validation.duration(value));
    }

    @POST
    public ListBoxModel doFillOnAlertItems(@AncestorInPath Item item) {
        checkConfigure(item);
        return outcomes(true);
    }

    @POST
    public ListBoxModel doFillOnEmergencyItems(@AncestorInPath Item item) {
        checkConfigure(item);
        return outcomes(true);
    }

    @POST
    public ListBoxModel doFillOnUnknownItems(@AncestorInPath Item item) {
        checkConfigure(item);
        return outcomes(false);
    }

    /**
     * "(default)" first, so an untouched form keeps the field empty (global default, then UNSTABLE / FAILURE /
     * FAILURE); UNKNOWN is never offered SUCCESS.
     */
    static ListBoxModel outcomes(boolean withSuccess) {
        ListBoxModel m = new ListBoxModel();
        m.add("(default)", "");
        for (Outcome o : Outcome.values()) {
            if (withSuccess || o != Outcome.SUCCESS) {
                m.add(o.name(), o.name());
            }
        }
        return m;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2, item,
                        SSHUserPrivateKey.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }
}
