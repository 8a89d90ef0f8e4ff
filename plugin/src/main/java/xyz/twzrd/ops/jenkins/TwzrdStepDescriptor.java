package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import xyz.twzrd.ops.core.Validation;

import java.util.List;
import java.util.Set;

/**
 * Descriptor base of the twzrd-ops steps: the context they need (a node's workspace, for the agent that runs the
 * check and for the archived reports; the flow node, to mark the stage) and validation of the shared fields. Every
 * check is a {@code @POST} and needs Item/Configure on the job (Overall/Administer outside a job).
 */
public abstract class TwzrdStepDescriptor extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, FlowNode.class);
    }

    @POST
    public FormValidation doCheckConfig(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.canConfigure(item) ? Forms.config(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckPm2Timeout(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.canConfigure(item) ? Forms.duration(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckReminder(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.canConfigure(item) ? Forms.duration(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckSshTarget(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.canConfigure(item) ? Forms.of(Validation.target(value)) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckKnownHosts(@AncestorInPath Item item, @QueryParameter String value,
                                            @QueryParameter String sshTarget) {
        if (!Forms.canConfigure(item)) {
            return FormValidation.ok();
        }
        boolean globalDefault = TwzrdOpsConfiguration.get().getKnownHosts() != null;
        boolean required = sshTarget != null && !sshTarget.isBlank() && !globalDefault;
        return Forms.of(Validation.knownHosts(value, required));
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value,
                                               @QueryParameter String sshTarget) {
        if (!Forms.canConfigure(item)) {
            return FormValidation.ok();
        }
        if (sshTarget != null && !sshTarget.isBlank() && (value == null || value.isBlank())) {
            return FormValidation.error("an SSH target needs an SSH private-key credential");
        }
        return FormValidation.ok();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!Forms.canConfigure(item)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2, item,
                        SSHUserPrivateKey.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    @POST
    public ListBoxModel doFillOnAlertItems(@AncestorInPath Item item) {
        return Forms.canConfigure(item) ? Forms.outcomes(false) : new ListBoxModel();
    }

    @POST
    public ListBoxModel doFillOnEmergencyItems(@AncestorInPath Item item) {
        return Forms.canConfigure(item) ? Forms.outcomes(false) : new ListBoxModel();
    }

    @POST
    public ListBoxModel doFillOnUnknownItems(@AncestorInPath Item item) {
        return Forms.canConfigure(item) ? Forms.outcomes(true) : new ListBoxModel();
    }

    @POST
    public ListBoxModel doFillNotifyWhenItems(@AncestorInPath Item item) {
        return Forms.canConfigure(item) ? Forms.notifyModes() : new ListBoxModel();
    }
}
