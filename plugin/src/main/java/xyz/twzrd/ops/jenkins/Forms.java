package xyz.twzrd.ops.jenkins;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import xyz.twzrd.ops.core.Validation;
import xyz.twzrd.ops.core.config.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.Outcome;
import xyz.twzrd.ops.core.runs.NotifyMode;

import java.util.Optional;

/** Form validation and choices shared by the step descriptors and the global configuration; the rules are core's. */
final class Forms {
    private Forms() {
    }

    /** Whether the current user may configure {@code item} (or Jenkins itself when there is no item). */
    static boolean canConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    static FormValidation of(Optional<String> problem) {
        return problem.map(FormValidation::error).orElse(FormValidation.ok());
    }

    static FormValidation config(String yaml) {
        try {
            OpsConfig.parse(yaml);
            return FormValidation.ok();
        } catch (ConfigException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation duration(String value) {
        return of(Validation.duration(value));
    }

    static FormValidation knownHosts(String value) {
        return of(Validation.knownHosts(value, false));
    }

    static FormValidation trendBuilds(String value) {
        try {
            return Integer.parseInt(value.trim()) >= 2 ? FormValidation.ok() : FormValidation.error("at least 2 builds");
        } catch (NumberFormatException | NullPointerException e) {
            return FormValidation.error("not a number of builds");
        }
    }

    /** Outcomes a pipeline may choose; UNKNOWN never gets SUCCESS. Empty keeps the default. */
    static ListBoxModel outcomes(boolean forUnknown) {
        ListBoxModel m = new ListBoxModel();
        m.add("(default)", "");
        for (Outcome o : Outcome.values()) {
            if (!(forUnknown && o == Outcome.SUCCESS)) {
                m.add(o.name(), o.name());
            }
        }
        return m;
    }

    static ListBoxModel notifyModes() {
        ListBoxModel m = new ListBoxModel();
        m.add("(default)", "");
        for (NotifyMode mode : NotifyMode.values()) {
            m.add(mode.name(), mode.name());
        }
        return m;
    }
}
