package xyz.twzrd.ops.jenkins;

import hudson.model.Run;
import jenkins.model.Jenkins;
import jenkins.plugins.slack.CredentialsObtainer;
import jenkins.plugins.slack.SlackNotifier;
import jenkins.plugins.slack.SlackService;
import jenkins.plugins.slack.StandardSlackService;
import jenkins.plugins.slack.StandardSlackServiceBuilder;

/**
 * The part of {@link SlackDelivery} that uses the Slack plugin's API, as its {@code slackSend} step does: the global
 * {@link SlackNotifier.DescriptorImpl} settings, the token from its credential ({@link CredentialsObtainer}), a
 * {@link StandardSlackService} for the channel, and {@code publish(message, color)}, which is true only when Slack
 * answered {@code ok}. Loaded only when the Slack plugin is installed.
 */
final class SlackPluginPost {
    private SlackPluginPost() {
    }

    /** Posts the message as one coloured attachment, the way {@code slackSend(color:, message:)} does. */
    static SlackDelivery.Outcome post(Run<?, ?> run, String channel, String message, String color) {
        SlackNotifier.DescriptorImpl slack = Jenkins.get().getDescriptorByType(SlackNotifier.DescriptorImpl.class);
        if (slack == null) {
            return new SlackDelivery.Outcome(false, "the Slack plugin has no global configuration");
        }
        String token;
        try {
            token = CredentialsObtainer.getTokenToUse(slack.getTokenCredentialId(), run.getParent(), null);
        } catch (IllegalArgumentException e) {
            return new SlackDelivery.Outcome(false, "no Slack token: set the Slack plugin's credential (" + e.getMessage() + ")");
        }
        SlackService service;
        try {
            service = new StandardSlackService(new StandardSlackServiceBuilder()
                    .withRun(run)
                    .withBaseUrl(slack.getBaseUrl())
                    .withTeamDomain(slack.getTeamDomain())
                    .withBotUser(slack.isBotUser())
                    .withRoomId(channel)
                    .withIconEmoji(slack.getIconEmoji())
                    .withUsername(slack.getUsername())
                    .withPopulatedToken(token)
                    .withNotifyCommitters(false)
                    .withSlackUserIdResolver(slack.getSlackUserIdResolver()));
        } catch (IllegalArgumentException e) {
            return new SlackDelivery.Outcome(false, "Slack channel '" + channel + "': " + e.getMessage());
        }
        if (service.publish(message, color)) {
            return new SlackDelivery.Outcome(true, "");
        }
        String answer = service.getResponseString();
        return new SlackDelivery.Outcome(false, "Slack did not accept the message for " + channel
                + (answer == null || answer.isBlank() ? "" : ": " + abbreviate(answer)));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }
}
