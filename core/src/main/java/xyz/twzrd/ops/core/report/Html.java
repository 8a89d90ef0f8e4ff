package xyz.twzrd.ops.core.report;

import org.owasp.encoder.Encode;
import xyz.twzrd.ops.core.Severity;

/** Self-contained HTML pages: inline CSS, no scripts, no external assets; every value goes through the OWASP encoder. */
public final class Html {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            .sev{font-weight:bold;padding:0 .4em;border-radius:3px;color:#fff}
            .OK{background:#2e7d32}.ALERT{background:#ef6c00}.UNKNOWN{background:#6d6d6d}.EMERGENCY{background:#c62828}
            svg{background:#fafafa;border:1px solid #ddd;margin:.3em 0 1em}
            .muted{color:#666}
            """;

    private Html() {
    }

    /** Text content, escaped for an HTML body. */
    public static String text(Object value) {
        return Encode.forHtml(value == null ? "" : String.valueOf(value));
    }

    /** A value for a quoted attribute. */
    public static String attr(Object value) {
        return Encode.forHtmlAttribute(value == null ? "" : String.valueOf(value));
    }

    /** A coloured severity badge. */
    public static String badge(Severity s) {
        return "<span class=\"sev " + s.name() + "\">" + s.name() + "</span>";
    }

    /** A whole page around an already-escaped body. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + text(title) + "</title><style>" + CSS + "</style></head>\n<body>\n"
                + body + "\n</body></html>\n";
    }
}
