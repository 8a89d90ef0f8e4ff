package xyz.twzrd.ops.core.report;

import java.util.Locale;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;

/** The plain-text report: fits a terminal and a Jenkins console (ASCII only, fixed columns). */
public final class TextReport {
    private TextReport() {
    }

    public static String render(CheckResult r, ReportComparison cmp) {
        StringBuilder b = new StringBuilder();
        b.append("twzrd-ops ").append(r.getCheck()).append(" report for ").append(r.getHost())
                .append(", run ").append(r.getStartedAt()).append(" (").append(r.getDurationMs()).append(" ms)\n");
        b.append("Severity: ").append(r.getSeverity()).append("\n\n");
        b.append(String.format(Locale.ROOT, "%-10s %-24s %12s  %s%n", "SEVERITY", "FINDING", "VALUE", "MESSAGE"));
        for (Finding f : r.getFindings()) {
            b.append(String.format(Locale.ROOT, "%-10s %-24s %12s  %s%n", f.severity(), f.id(), Numbers.value(f.value(), f.unit()),
                    oneLine(f.message())));
        }
        b.append('\n');
        if (cmp.previousStartedAt() == null) {
            b.append("No previous report to compare with.\n");
        } else if (cmp.changes().isEmpty()) {
            b.append("No change since the previous report (").append(cmp.previousStartedAt()).append(").\n");
        } else {
            b.append("Changes since the previous report (").append(cmp.previousStartedAt()).append("):\n");
            for (ReportComparison.Row c : cmp.changes()) {
                b.append(String.format(Locale.ROOT, "  %-8s %-24s %s -> %s%n", c.kind(), c.id(),
                        c.before() == null ? "absent" : c.before(), c.after() == null ? "absent" : c.after()));
            }
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
