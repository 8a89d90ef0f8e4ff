package xyz.twzrd.ops.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that is about to be stored or shown (log example lines, signatures): the value of
 * {@code key=value} / {@code key: value} / {@code "key":"value"} where the key names a password, token, secret or key;
 * {@code Authorization: Bearer|Basic ...}; the user-info part of URLs ({@code https://user:pass@host});
 * Slack webhook URLs. Each secret becomes {@value #MARK}. Cheap enough for a few lines per signature; it is not
 * run on every scanned line.
 */
public final class Redact {
    /** What a secret is replaced with. */
    public static final String MARK = "REDACTED";

    private static final Pattern SLACK = Pattern.compile(
            "https?://hooks\\.slack(?:-gov)?\\.com/(?:services|workflows|triggers)/[^\\s\"']*", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "\\b([a-z][a-z0-9+.-]*://)[^\\s/@:\"']*(?::[^\\s/@\"']*)?@", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "\\b((?:proxy-)?authorization\\s*[:=]\\s*[\"']?(?:bearer|basic|token|digest)?\\s*)[^\\s\"',;]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}", Pattern.CASE_INSENSITIVE);
    /** A key naming a secret, then = or :, then the value (quoted or up to a separator). */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "([\"']?[A-Za-z0-9_.-]*(?:passw(?:or)?d|pwd|token|secret|key|credential)[A-Za-z0-9_-]*[\"']?\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s,;&\"'}\\]]+)",
            Pattern.CASE_INSENSITIVE);

    private Redact() {
    }

    /** The text with every recognised secret replaced by {@value #MARK}; null stays null. */
    public static String secrets(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = SLACK.matcher(text).replaceAll("https://hooks.slack.com/" + MARK);
        s = URL_CREDENTIALS.matcher(s).replaceAll("$1" + MARK + "@");
        s = AUTHORIZATION.matcher(s).replaceAll("$1" + MARK);
        s = BEARER.matcher(s).replaceAll("$1" + MARK);
        Matcher m = KEY_VALUE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String value = m.group(2);
            String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
            String replacement = value.equals(MARK) || value.equals(quote + MARK + quote) ? m.group()
                    : m.group(1) + quote + MARK + quote;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
