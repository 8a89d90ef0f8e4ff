package xyz.twzrd.ops.core.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Times;

/**
 * The plain-text report: fits a terminal and a Jenkins console (fixed columns). It leads with what is wrong: the
 * first line names the worst finding, then the summary (worst first; new, still open, resolved since the previous
 * report), then the per-app table, the errors with example lines, week over week, the busiest processes when the host
 * was under pressure, and last every finding in full.
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(CheckResult r, ReportComparison cmp) {
        return render(r, cmp, ReportModel.of(r, java.util.Optional.empty()));
    }

    public static String render(CheckResult r, ReportComparison cmp, ReportModel m) {
        StringBuilder b = new StringBuilder();
        ReportModel.Summary s = m.summary();
        b.append(s.severity()).append(' ').append(r.getCheck()).append(" on ").append(r.getHost()).append(": ")
                .append(s.headline()).append('\n');
        b.append("twzrd-ops ").append(r.getCheck()).append(" report for ").append(r.getHost())
                .append(", run ").append(Times.readable(r.getStartedAt())).append(" (").append(r.getDurationMs()).append(" ms)\n\n");

        b.append("SUMMARY (worst first)\n");
        if (s.worst().isEmpty()) {
            b.append("  all findings OK\n");
        }
        for (ReportModel.Line l : s.worst()) {
            b.append(String.format(Locale.ROOT, "  %-9s %-24s %s%n", l.severity(), l.id(), cut(l.message(), 160)));
        }
        if (s.previousStartedAt() == null) {
            b.append("  no previous report to compare with\n");
        } else {
            b.append("  since the previous report (").append(s.previousStartedAt()).append("):\n");
            b.append("    new:        ").append(ids(s.newSince(), l -> l.id() + " " + l.severity())).append('\n');
            b.append("    still open: ").append(ids(s.stillOpen(), l -> l.id() + " " + l.severity())).append('\n');
            b.append("    resolved:   ").append(ids(s.resolved(), l -> l.id() + " (was " + l.severity() + ")")).append('\n');
        }

        if (!m.apps().isEmpty()) {
            b.append("\nAPPS\n");
            b.append(String.format(Locale.ROOT, "  %-20s %-10s %9s %18s %20s %7s %12s%n", "APP", "STATUS", "UPTIME",
                    "RESTARTS plan/unpl", "MEMORY MB (max)", "CPU %", "ERROR LINES"));
            for (ReportModel.AppRow a : m.apps()) {
                b.append(String.format(Locale.ROOT, "  %-20s %-10s %9s %18s %20s %7s %12s%n", cut(a.name(), 20),
                        cut(a.status(), 10), uptime(a.uptimeSeconds()), restarts(a), memory(a),
                        Numbers.value(a.cpuPercent(), ""), a.errorLines() == null ? "-" : a.errorLines()));
            }
            String since = m.apps().stream().map(ReportModel.AppRow::restartsSince).filter(x -> x != null).findFirst()
                    .orElse(null);
            b.append(since == null ? "  restarts: PM2's counters (no previous report to count from)\n"
                    : "  restarts since the previous report (" + since + "): planned (pm2-restart) / unplanned\n");
        }

        if (!m.errors().isEmpty()) {
            b.append("\nERRORS (top signatures per app, example lines with secrets redacted)\n");
            for (ReportModel.AppErrors e : m.errors()) {
                b.append("  ").append(e.app().isEmpty() ? "(other logs)" : e.app()).append(": ").append(e.errorLines())
                        .append(" new error line").append(e.errorLines() == 1 ? "" : "s").append('\n');
                for (ReportModel.Signature sig : e.signatures()) {
                    b.append(String.format(Locale.ROOT, "    %6d x %s%n", sig.count(), cut(oneLine(sig.signature()), 150)));
                    for (String ex : sig.examples()) {
                        b.append("             | ").append(cut(oneLine(ex), 160)).append('\n');
                    }
                }
            }
        }

        b.append("\nWEEK OVER WEEK (value in the previous report -> now)\n");
        if (s.previousStartedAt() == null) {
            b.append("  no previous report to compare with\n");
        } else {
            for (ReportModel.Delta d : m.weekOverWeek()) {
                b.append(String.format(Locale.ROOT, "  %-24s %12s -> %-12s %s%n", cut(d.id(), 24), Numbers.value(d.before(), ""),
                        Numbers.value(d.now(), d.unit()), change(d)));
            }
        }

        if (m.context() != null) {
            b.append("\nCONTEXT (load, memory or swap not OK: busiest processes at the time, names only)\n");
            for (String line : m.context().lines()) {
                b.append("  ").append(line).append('\n');
            }
        }

        b.append("\nALL FINDINGS\n");
        b.append(String.format(Locale.ROOT, "  %-10s %-24s %12s  %s%n", "SEVERITY", "FINDING", "VALUE", "MESSAGE"));
        for (Finding f : r.getFindings()) {
            b.append(String.format(Locale.ROOT, "  %-10s %-24s %12s  %s%n", f.severity(), f.id(), Numbers.value(f.value(), f.unit()),
                    oneLine(f.message())));
        }
        b.append('\n');
        if (cmp.previousStartedAt() == null) {
            b.append("No previous report to compare with.\n");
        } else if (cmp.changes().isEmpty()) {
            b.append("No severity change since the previous report (").append(cmp.previousStartedAt()).append(").\n");
        } else {
            b.append("Severity changes since the previous report (").append(cmp.previousStartedAt()).append("):\n");
            for (ReportComparison.Row c : cmp.changes()) {
                b.append(String.format(Locale.ROOT, "  %-8s %-24s %s -> %s%n", c.kind(), c.id(),
                        c.before() == null ? "absent" : c.before(), c.after() == null ? "absent" : c.after()));
            }
        }
        return b.toString();
    }

    /** "+563 (+4331 %)", "-2", "new", "gone". */
    static String change(ReportModel.Delta d) {
        if (d.before() == null) {
            return "new";
        }
        if (d.now() == null) {
            return "gone";
        }
        String c = (d.change() > 0 ? "+" : "") + Numbers.value(d.change(), "");
        if (d.percent() != null && d.change() != 0) {
            c += " (" + (d.percent() > 0 ? "+" : "") + Numbers.value(d.percent(), "%") + ")";
        }
        return d.change() == 0 ? "no change" : c;
    }

    static String restarts(ReportModel.AppRow a) {
        return a.planned() == null ? a.restarts() + " total" : a.restarts() + " = " + a.planned() + "/" + a.unplanned();
    }

    static String memory(ReportModel.AppRow a) {
        String m = Numbers.value(a.memoryMb(), "");
        if (a.maxMemoryMb() == null) {
            return m;
        }
        return m + " / " + Numbers.value(a.maxMemoryMb(), "") + String.format(Locale.ROOT, " (%.0f%%)", 100 * a.memoryMb() / a.maxMemoryMb());
    }

    /** "3d 4h", "2h 5m", "4m 10s", "45s"; "-" when unknown. */
    static String uptime(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long sec = seconds % 60;
        return d > 0 ? d + "d " + h + "h" : h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + sec + "s" : sec + "s";
    }

    private static String ids(List<ReportModel.Line> lines, Function<ReportModel.Line, String> f) {
        return lines.isEmpty() ? "none" : String.join(", ", lines.stream().map(f).toList());
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max - 3) + "..." : s;
    }

    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
