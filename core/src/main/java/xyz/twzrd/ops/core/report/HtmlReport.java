package xyz.twzrd.ops.core.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Times;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.TopProcesses;

/**
 * The self-contained HTML report: one page, inline CSS, no scripts; every value escaped. Same order as the text
 * report: summary, apps, errors, week over week, context, all findings. {@link #fragment} is the same body for a
 * page of its own or the Jenkins build page (styles scoped to {@code .twzrd-report}).
 */
public final class HtmlReport {
    /** The report's styles, scoped to its container so they can sit inside another page. */
    public static final String CSS = """
            .twzrd-report .summary{border-left:6px solid #6d6d6d;padding:.3em 1em;margin:.5em 0 1.5em;background:#fafafa}
            .twzrd-report .summary.EMERGENCY{border-color:#c62828}.twzrd-report .summary.ALERT{border-color:#ef6c00}
            .twzrd-report .summary.OK{border-color:#2e7d32}
            .twzrd-report .headline{font-size:1.15em;font-weight:bold}
            .twzrd-report table{border-collapse:collapse;margin:.5em 0 1.5em}
            .twzrd-report th,.twzrd-report td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
            .twzrd-report th{background:#f3f3f3}
            .twzrd-report td.num{text-align:right;font-variant-numeric:tabular-nums}
            .twzrd-report .sev{font-weight:bold;padding:0 .4em;border-radius:3px;color:#fff}
            .twzrd-report .OK .sev,.twzrd-report .sev.OK{background:#2e7d32}.twzrd-report .sev.ALERT{background:#ef6c00}
            .twzrd-report .sev.UNKNOWN{background:#6d6d6d}.twzrd-report .sev.EMERGENCY{background:#c62828}
            .twzrd-report pre.example{margin:.15em 0;padding:.2em .4em;background:#f6f6f6;border:1px solid #e3e3e3;
              white-space:pre-wrap;word-break:break-all;font-size:.85em;max-width:70em}
            .twzrd-report .up{color:#c62828}.twzrd-report .down{color:#2e7d32}
            .twzrd-report .muted{color:#666}
            """;

    private HtmlReport() {
    }

    public static String render(CheckResult r, ReportComparison cmp) {
        return render(r, cmp, ReportModel.of(r, Optional.empty()));
    }

    public static String render(CheckResult r, ReportComparison cmp, ReportModel m) {
        String title = "twzrd-ops " + r.getCheck() + " " + r.getHost() + " " + Times.readable(r.getStartedAt());
        return Html.page(title, "<style>" + CSS + "</style>\n" + fragment(r, cmp, m));
    }

    /** The report body in a {@code <div class="twzrd-report">}, every value escaped. */
    public static String fragment(CheckResult r, ReportComparison cmp, ReportModel m) {
        StringBuilder b = new StringBuilder("<div class=\"twzrd-report\">\n");
        ReportModel.Summary s = m.summary();
        b.append("<h1>").append(Html.text("twzrd-ops " + r.getCheck() + " report")).append(' ').append(Html.badge(r.getSeverity()))
                .append("</h1>\n");
        summary(b, r, s);
        apps(b, m.apps());
        errors(b, m.errors());
        weekOverWeek(b, s, m.weekOverWeek());
        context(b, m.context());
        findings(b, r);
        changes(b, cmp);
        return b.append("</div>\n").toString();
    }

    private static void summary(StringBuilder b, CheckResult r, ReportModel.Summary s) {
        b.append("<section id=\"summary\" class=\"summary ").append(s.severity().name()).append("\">\n<h2>Summary</h2>\n")
                .append("<p class=\"headline\">").append(Html.text(s.headline())).append("</p>\n")
                .append("<p class=\"muted\">Host <b>").append(Html.text(r.getHost())).append("</b>, run ")
                .append(Html.text(Times.readable(r.getStartedAt()))).append(", ").append(r.getDurationMs()).append(" ms.</p>\n");
        if (!s.worst().isEmpty()) {
            b.append("<table id=\"worst\"><tr><th>Severity</th><th>Finding</th><th>What</th></tr>\n");
            for (ReportModel.Line l : s.worst()) {
                b.append("<tr><td>").append(Html.badge(l.severity())).append("</td><td>").append(Html.text(l.id()))
                        .append("</td><td>").append(Html.text(l.message())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (s.previousStartedAt() == null) {
            b.append("<p class=\"muted\">No previous report to compare with.</p>\n");
        } else {
            b.append("<p>Since the previous report (").append(Html.text(s.previousStartedAt())).append("):</p>\n<ul id=\"since\">\n")
                    .append("<li><b>New:</b> ").append(lines(s.newSince(), false)).append("</li>\n")
                    .append("<li><b>Still open:</b> ").append(lines(s.stillOpen(), false)).append("</li>\n")
                    .append("<li><b>Resolved:</b> ").append(lines(s.resolved(), true)).append("</li>\n</ul>\n");
        }
        b.append("</section>\n");
    }

    private static String lines(List<ReportModel.Line> ls, boolean was) {
        if (ls.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (ReportModel.Line l : ls) {
            b.append(b.length() == 0 ? "" : ", ").append(Html.text(l.id())).append(' ')
                    .append(was ? "(was " + Html.text(l.severity()) + ")" : Html.badge(l.severity()));
        }
        return b.toString();
    }

    private static void apps(StringBuilder b, List<ReportModel.AppRow> apps) {
        if (apps.isEmpty()) {
            return;
        }
        String since = apps.stream().map(ReportModel.AppRow::restartsSince).filter(x -> x != null).findFirst().orElse(null);
        b.append("<section id=\"apps\">\n<h2>Apps</h2>\n<table id=\"apps-table\"><tr><th>App</th><th>Status</th><th>Uptime</th>"
                + "<th>Restarts</th><th>planned</th><th>unplanned</th><th>Memory MB</th><th>max_memory_restart MB</th>"
                + "<th>CPU %</th><th>Error lines</th></tr>\n");
        for (ReportModel.AppRow a : apps) {
            boolean bad = !"online".equals(a.status());
            b.append("<tr><td>").append(Html.text(a.name())).append(a.instances() > 1 ? " ×" + a.instances() : "")
                    .append("</td><td>").append(bad ? "<b class=\"up\">" : "").append(Html.text(a.status())).append(bad ? "</b>" : "")
                    .append("</td><td class=\"num\">").append(Html.text(TextReport.uptime(a.uptimeSeconds())))
                    .append("</td><td class=\"num\">").append(a.restarts())
                    .append("</td><td class=\"num\">").append(a.planned() == null ? "-" : a.planned())
                    .append("</td><td class=\"num\">").append(a.unplanned() == null ? "-" : a.unplanned())
                    .append("</td><td class=\"num\">").append(Html.text(Numbers.value(a.memoryMb(), "")))
                    .append("</td><td class=\"num\">").append(a.maxMemoryMb() == null ? "not set"
                            : Html.text(Numbers.value(a.maxMemoryMb(), "") + String.format(java.util.Locale.ROOT,
                                    " (%.0f%% used)", 100 * a.memoryMb() / a.maxMemoryMb())))
                    .append("</td><td class=\"num\">").append(Html.text(Numbers.value(a.cpuPercent(), "")))
                    .append("</td><td class=\"num\">").append(a.errorLines() == null ? "-" : a.errorLines())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"muted\">").append(since == null
                ? "Restarts: PM2's counters (no previous report to count from)."
                : "Restarts since the previous report (" + Html.text(since) + "); planned = done by pm2-restart.")
                .append("</p>\n</section>\n");
    }

    private static void errors(StringBuilder b, List<ReportModel.AppErrors> errors) {
        if (errors.isEmpty()) {
            return;
        }
        b.append("<section id=\"errors\">\n<h2>Errors</h2>\n<p class=\"muted\">Top signatures per app from the new log lines;"
                + " example lines cut, secrets redacted.</p>\n");
        for (ReportModel.AppErrors e : errors) {
            b.append("<h3>").append(Html.text(e.app().isEmpty() ? "(other logs)" : e.app())).append(": ").append(e.errorLines())
                    .append(" new error line").append(e.errorLines() == 1 ? "" : "s").append("</h3>\n")
                    .append("<table class=\"signatures\"><tr><th>Count</th><th>Signature and example lines</th></tr>\n");
            for (ReportModel.Signature sig : e.signatures()) {
                b.append("<tr><td class=\"num\">").append(sig.count()).append("</td><td><code>").append(Html.text(sig.signature()))
                        .append("</code>");
                for (String ex : sig.examples()) {
                    b.append("<pre class=\"example\">").append(Html.text(ex)).append("</pre>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</section>\n");
    }

    private static void weekOverWeek(StringBuilder b, ReportModel.Summary s, List<ReportModel.Delta> deltas) {
        b.append("<section id=\"week-over-week\">\n<h2>Week over week</h2>\n");
        if (s.previousStartedAt() == null) {
            b.append("<p class=\"muted\">No previous report to compare with.</p>\n</section>\n");
            return;
        }
        b.append("<table id=\"wow-table\"><tr><th>Finding</th><th>Previous report</th><th>Now</th><th>Change</th></tr>\n");
        for (ReportModel.Delta d : deltas) {
            String cls = d.change() == null || d.change() == 0 ? "" : d.change() > 0 ? " up" : " down";
            b.append("<tr><td>").append(Html.text(d.id())).append("</td><td class=\"num\">")
                    .append(Html.text(Numbers.value(d.before(), d.unit()))).append(sevNote(d.severityBefore()))
                    .append("</td><td class=\"num\">").append(Html.text(Numbers.value(d.now(), d.unit())))
                    .append(sevNote(d.severityNow())).append("</td><td class=\"num").append(cls).append("\">")
                    .append(Html.text(TextReport.change(d))).append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    private static String sevNote(Severity s) {
        return s == null || s == Severity.OK ? "" : " " + Html.badge(s);
    }

    private static void context(StringBuilder b, TopProcesses top) {
        if (top == null) {
            return;
        }
        b.append("<section id=\"context\">\n<h2>Context</h2>\n<p class=\"muted\">Load, memory or swap was not OK: the busiest"
                + " processes at the time (process and PM2 app names only).</p>\n");
        if (top.error() != null) {
            b.append("<p>").append(Html.text(top.error())).append("</p>\n</section>\n");
            return;
        }
        b.append("<table id=\"top-processes\"><tr><th>By CPU</th><th>CPU %</th><th>By resident memory</th><th>MB</th></tr>\n");
        for (int i = 0; i < Math.max(top.byCpu().size(), top.byMemory().size()); i++) {
            TopProcesses.Proc c = i < top.byCpu().size() ? top.byCpu().get(i) : null;
            TopProcesses.Proc m = i < top.byMemory().size() ? top.byMemory().get(i) : null;
            b.append("<tr><td>").append(c == null ? "" : Html.text(c.label())).append("</td><td class=\"num\">")
                    .append(c == null ? "" : Html.text(Numbers.value(c.cpuPercent(), ""))).append("</td><td>")
                    .append(m == null ? "" : Html.text(m.label())).append("</td><td class=\"num\">")
                    .append(m == null ? "" : Html.text(Numbers.value(Math.round(m.rssBytes() / 104857.6) / 10.0, "")))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    private static void findings(StringBuilder b, CheckResult r) {
        b.append("<section id=\"findings\">\n<h2>All findings</h2>\n<table><tr><th>Severity</th><th>Finding</th><th>Value</th><th>Alert</th>"
                + "<th>Emergency</th><th>Message</th><th>Details</th></tr>\n");
        for (Finding f : r.getFindings()) {
            b.append("<tr><td>").append(Html.badge(f.severity())).append("</td><td>").append(Html.text(f.id()))
                    .append("</td><td class=\"num\">").append(Html.text(Numbers.value(f.value(), f.unit())))
                    .append("</td><td class=\"num\">").append(Html.text(Numbers.value(f.alert(), "")))
                    .append("</td><td class=\"num\">").append(Html.text(Numbers.value(f.emergency(), "")))
                    .append("</td><td>").append(Html.text(f.message())).append("</td><td>");
            for (Map.Entry<String, Object> d : f.details().entrySet()) {
                b.append(Html.text(d.getKey())).append(": ").append(Html.text(d.getValue())).append("<br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    private static void changes(StringBuilder b, ReportComparison cmp) {
        b.append("<section id=\"changes\">\n<h2>Severity changes since the previous report</h2>\n");
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
        b.append("</section>\n");
    }
}
