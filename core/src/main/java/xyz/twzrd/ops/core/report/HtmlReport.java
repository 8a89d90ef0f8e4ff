package xyz.twzrd.ops.core.report;

import java.util.Map;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;

/** The self-contained HTML report: one page, inline CSS, no scripts; every value escaped. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(CheckResult r, ReportComparison cmp) {
        String title = "twzrd-ops " + r.getCheck() + " " + r.getHost() + " " + r.getStartedAt();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.text("twzrd-ops " + r.getCheck() + " report")).append(' ').append(Html.badge(r.getSeverity()))
                .append("</h1>\n<p>Host <b>").append(Html.text(r.getHost())).append("</b>, run ")
                .append(Html.text(r.getStartedAt())).append(" UTC, ").append(r.getDurationMs()).append(" ms.</p>\n");
        b.append("<h2>Findings</h2>\n<table><tr><th>Severity</th><th>Finding</th><th>Value</th><th>Alert</th>"
                + "<th>Emergency</th><th>Message</th><th>Details</th></tr>\n");
        for (Finding f : r.getFindings()) {
            b.append("<tr><td>").append(Html.badge(f.severity())).append("</td><td>").append(Html.text(f.id()))
                    .append("</td><td>").append(Html.text(Numbers.value(f.value(), f.unit())))
                    .append("</td><td>").append(Html.text(Numbers.value(f.alert(), "")))
                    .append("</td><td>").append(Html.text(Numbers.value(f.emergency(), "")))
                    .append("</td><td>").append(Html.text(f.message())).append("</td><td>");
            for (Map.Entry<String, Object> d : f.details().entrySet()) {
                b.append(Html.text(d.getKey())).append(": ").append(Html.text(d.getValue())).append("<br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Since the previous report</h2>\n");
        if (cmp.previousStartedAt() == null) {
            b.append("<p class=\"muted\">No previous report to compare with.</p>\n");
        } else if (cmp.changes().isEmpty()) {
            b.append("<p>No change since ").append(Html.text(cmp.previousStartedAt())).append(".</p>\n");
        } else {
            b.append("<p>Compared with ").append(Html.text(cmp.previousStartedAt())).append(".</p>\n")
                    .append("<table><tr><th>Change</th><th>Finding</th><th>Before</th><th>Now</th></tr>\n");
            for (ReportComparison.Row c : cmp.changes()) {
                b.append("<tr><td>").append(Html.text(c.kind())).append("</td><td>").append(Html.text(c.id()))
                        .append("</td><td>").append(Html.text(c.before() == null ? "absent" : c.before() + " " + Numbers.value(c.valueBefore(), "")))
                        .append("</td><td>").append(Html.text(c.after() == null ? "absent" : c.after() + " " + Numbers.value(c.valueAfter(), "")))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return Html.page(title, b.toString());
    }
}
