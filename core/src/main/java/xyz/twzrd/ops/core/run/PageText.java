package xyz.twzrd.ops.core.run;

/**
 * How the Jenkins pages print a result's summary beside its severity. Values, thresholds and times on the pages
 * come from the reports' own formatters ({@code Numbers}, {@code Times}) through {@link BuildPage}.
 */
public final class PageText {
    private PageText() {
    }

    /**
     * A result's summary ({@code EMERGENCY alerts on vps1: memory EMERGENCY}) without its leading severity, for a
     * place that shows the severity already: {@code alerts on vps1: memory EMERGENCY}. Unchanged when it does not
     * start with the severity.
     */
    public static String afterSeverity(String severity, String summary) {
        if (summary == null) {
            return "";
        }
        String prefix = severity == null ? "" : severity + " ";
        return !prefix.isBlank() && summary.startsWith(prefix) ? summary.substring(prefix.length()) : summary;
    }
}
