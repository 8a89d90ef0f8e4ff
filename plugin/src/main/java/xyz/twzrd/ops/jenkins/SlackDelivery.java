package xyz.twzrd.ops.jenkins;

import hudson.model.Run;
import jenkins.model.Jenkins;

/**
 * Delivers a step's notification through the Slack plugin, an optional dependency: with the plugin's global settings
 * (Manage Jenkins » System » Slack: workspace or base URL, token credential, bot user, icon, user name) to the step's
 * channel, and tells whether Slack accepted it. No Slack plugin class is referred to here: {@link SlackPluginPost}
 * does that and is loaded only once {@link #available()} said the plugin is installed, so that twzrd-ops loads and
 * runs without it.
 */
final class SlackDelivery {
    /** What became of a delivery: delivered, or why not (never the token). */
    record Outcome(boolean delivered, String reason) {
    }

    private SlackDelivery() {
    }

    /** Whether the Slack plugin is installed (and active: only active plugins have a {@code Plugin} instance). */
    static boolean available() {
        return Jenkins.get().getPlugin("slack") != null;
    }

    /** Posts the message (already escaped by Slack's rules in core) as one coloured attachment. */
    static Outcome deliver(Run<?, ?> run, String channel, String message, String color) {
        if (!available()) {
            return new Outcome(false, "slackChannel is set but the Slack plugin is not installed");
        }
        return SlackPluginPost.post(run, channel, message, color);
    }
}
