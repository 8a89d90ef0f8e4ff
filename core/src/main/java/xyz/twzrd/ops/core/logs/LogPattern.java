package xyz.twzrd.ops.core.logs;

/**
 * One error pattern of the {@code logs.patterns} list: either a {@code literal} (bytes searched as they are,
 * case-sensitive) or a {@code regex} (Java syntax, run on the decoded line). A regex may name a
 * {@code require} literal that every line it matches contains: the scanner then searches that literal at
 * byte speed and runs the regex only on lines that contain it. A regex without {@code require} is run on every
 * line, which is much slower.
 */
public class LogPattern {
    private String literal;
    private String regex;
    private String require;

    public LogPattern() {
    }

    /** A literal pattern. */
    public static LogPattern literal(String text) {
        LogPattern p = new LogPattern();
        p.literal = text;
        return p;
    }

    /** A regex pattern with an optional required literal (null for none). */
    public static LogPattern regex(String regex, String require) {
        LogPattern p = new LogPattern();
        p.regex = regex;
        p.require = require;
        return p;
    }

    public String getLiteral() {
        return literal;
    }

    public String getRegex() {
        return regex;
    }

    public String getRequire() {
        return require;
    }

    @Override
    public String toString() {
        return literal != null ? "literal '" + literal + "'" : "regex '" + regex + "'";
    }
}
