package xyz.twzrd.ops.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import xyz.twzrd.ops.core.Validation;
import xyz.twzrd.ops.core.jobs.OutcomePolicy;

import java.util.List;
import java.util.Set;

/** Shared descriptor of the twzrd-ops steps: context, form validation of the shared fields, the credential list. */
public abstract class TwzrdStepDescriptor extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, FlowNode.class);
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
    public FormValidation doCheckConfig(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return TwzrdStep.validateConfig(value);
    }

    @POST
    public FormValidation doCheckOnUnknown(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        try {
            OutcomePolicy.of(null, null, value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public ListBoxModel doFillOnAlertItems() {
        return outcomes("UNSTABLE", "FAILURE", "SUCCESS");
    }

    public ListBoxModel doFillOnEmergencyItems() {
        return outcomes("FAILURE", "UNSTABLE", "SUCCESS");
    }

    public ListBoxModel doFillOnUnknownItems() {
        return outcomes("FAILURE", "UNSTABLE");
    }

    private static ListBoxModel outcomes(String... names) {
        ListBoxModel m = new ListBoxModel();
        for (String n : names) {
            m.add(n);
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
                .includeMatchingAs(ACL.SYSTEM2, item, SSHUserPrivateKey.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }
}
