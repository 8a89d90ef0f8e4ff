package xyz.twzrd.ops.core.notify;

import java.util.regex.Pattern;

/**
 * Slack's escaping of message text: {@code &} → {@code &amp;}, {@code <} → {@code &lt;}, {@code >} → {@code &gt;}
 * (Slack's "escaping text" rules), so an app or file named {@code <!here>} stays text instead of becoming a mention
 * or a link. The Jenkins Slack plugin posts with {@code link_names=1}, which also turns a bare {@code @here},
 * {@code @channel} or {@code @everyone} into a mention, so those get a word joiner (U+2060) after the {@code @}.
 */
public final class SlackText {
    private static final Pattern BROADCAST = Pattern.compile("@(?=(?i:here|channel|everyone)\\b)");

    private SlackText() {
    }

    /** The text escaped for a Slack message or attachment field. */
    public static String escape(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(t).replaceAll("@\u2060");
    }
}
