package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.history.TrendCharts;
import xyz.twzrd.ops.core.history.TrendSeries;
import xyz.twzrd.ops.core.report.HtmlReport;
import xyz.twzrd.ops.core.report.ReportComparison;
import xyz.twzrd.ops.core.report.ReportModel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Jenkins build and job pages show of stored results, said here once so the pages only render it: the
 * summary box's lines, the report page's HTML body, and the job trend's chart. The same order and content as the
 * text and HTML reports ({@link ReportModel}), the same series and colours as the standalone trend page.
 */
public final class BuildPage {
    private static final DateTimeFormatter TREND_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** One build's compact values for the job trend. */
    public record TrendPoint(int build, long startedAtMillis, Severity severity, Map<String, Double> values) {
    }

    private BuildPage() {
    }

    /** The report a result carries (its {@code report} section), or worked out from the result and the previous one. */
    static ReportModel model(CheckResult r, Optional<CheckResult> previous) {
        return r.section(ReportModel.SECTION, ReportModel.class).orElseGet(() -> ReportModel.of(r, previous));
    }

    /**
     * The summary box, one line each, in the report's order: the worst findings first (for the verified restart
     * every app's outcome, verified or not), then what is new, still open and resolved since the previous report.
     */
    public static List<String> summaryLines(CheckResult r, Optional<CheckResult> previous) {
        ReportModel.Summary s = model(r, previous).summary();
        List<String> out = new ArrayList<>();
        if (r.getCheck().equals(CheckKind.PM2_RESTART.id())) {
            r.getFindings().forEach(f -> out.add(f.severity() + " " + f.id() + ": " + f.message()));
        } else {
            s.worst().forEach(l -> out.add(l.severity() + " " + l.id() + ": " + l.message()));
        }
        if (s.previousStartedAt() != null) {
            out.add("New since the previous report: " + ids(s.newSince()));
            out.add("Still open: " + ids(s.stillOpen()));
            out.add("Resolved: " + ids(s.resolved()));
        }
        return out;
    }

    private static String ids(List<ReportModel.Line> lines) {
        return lines.isEmpty() ? "none" : String.join(", ", lines.stream().map(l -> l.id() + " " + l.severity()).toList());
    }

    /** The report page's body: the HTML report's, every value escaped by core (OWASP encoder), with its style. */
    public static String reportHtml(CheckResult r, Optional<CheckResult> previous) {
        ReportComparison cmp = previous.map(p -> ReportComparison.compare(p, r)).orElse(ReportComparison.NONE);
        return "<style>" + HtmlReport.CSS + "</style>" + HtmlReport.fragment(r, cmp, model(r, previous));
    }

    /**
     * The job trend as ECharts option JSON (echarts-api's trend model and a complete option at once), from the builds'
     * compact values, oldest first; the % series' thresholds as {@code newest} states them, when given.
     */
    public static String jobTrend(List<TrendPoint> oldestFirst, Optional<CheckResult> newest) {
        TrendSeries.Builder trend = new TrendSeries.Builder();
        List<Integer> builds = new ArrayList<>();
        for (TrendPoint p : oldestFirst) {
            builds.add(p.build());
            trend.add(TREND_LABEL.format(Instant.ofEpochMilli(p.startedAtMillis())), p.severity(), p.values());
        }
        return TrendCharts.jobTrend(trend.build(), builds, newest.map(TrendCharts::thresholds).orElse(Map.of()));
    }
}
