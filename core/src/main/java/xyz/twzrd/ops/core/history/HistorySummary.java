package xyz.twzrd.ops.core.history;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.report.TextReport;

/**
 * A history read in one pass: the trend series of the runs (optionally of one check), the count of runs per
 * severity and of lines skipped as torn. {@link #load} reads every run into the trend (for a trend page, drawn
 * through {@link #displayTrend()}); {@link #tail} reads only the runs a text table shows.
 *
 * @param trend      labels, severities and series, oldest first (all runs, or only the tail: see {@link #tail})
 * @param bySeverity runs per severity (all selected runs)
 * @param skipped    unreadable lines
 * @param runs       how many runs were selected (may exceed the trend's length after {@link #tail})
 */
public record HistorySummary(TrendSeries trend, Map<Severity, Integer> bySeverity, int skipped, int runs) {
    /** Points a trend page draws at most: a year of hourly runs is downsampled to this, extremes kept. */
    public static final int DISPLAY_POINTS = 2000;

    /** A summary whose trend holds every run. */
    public HistorySummary(TrendSeries trend, Map<Severity, Integer> bySeverity, int skipped) {
        this(trend, bySeverity, skipped, trend.labels().size());
    }

    /**
     * The newest {@code last} runs as the trend and the counts over all selected runs, parsing only those runs
     * ({@link HistoryStore#tail}): what {@link #table} prints, at a cost that hardly grows with the history.
     */
    public static HistorySummary tail(HistoryStore store, Optional<String> check, int last) throws IOException {
        HistoryStore.Tail t = store.tail(check, last);
        TrendSeries.Builder b = new TrendSeries.Builder();
        t.records().forEach(b::add);
        return new HistorySummary(b.build(), t.bySeverity(), t.skipped(), t.runs());
    }

    /** The trend to draw: at most {@value #DISPLAY_POINTS} points, each series' extremes kept ({@link TrendSeries#downsample}). */
    public TrendSeries displayTrend() {
        return trend.downsample(DISPLAY_POINTS);
    }

    /** Streams the store once. */
    public static HistorySummary load(HistoryStore store, Optional<String> check) throws IOException {
        TrendSeries.Builder b = new TrendSeries.Builder();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int skipped = store.forEach(r -> {
            if (check.isEmpty() || check.get().equals(r.check())) {
                b.add(r);
                counts.merge(r.severity(), 1, Integer::sum);
            }
        });
        return new HistorySummary(b.build(), counts, skipped);
    }

    /** A text table of the last {@code last} runs and a closing line with the counts. */
    public String table(int last) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s  %-9s", "RUN (UTC)", "SEVERITY"));
        trend.series().keySet().forEach(k -> out.append(String.format(Locale.ROOT, " %11s", k)));
        out.append('\n');
        int shown = trend.labels().size();
        for (int i = Math.max(0, shown - last); i < shown; i++) {
            out.append(String.format(Locale.ROOT, "%-16s  %-9s", trend.labels().get(i), trend.severities().get(i)));
            for (var s : trend.series().values()) {
                out.append(String.format(Locale.ROOT, " %11s", TextReport.value(s.get(i), "")));
            }
            out.append('\n');
        }
        out.append(runs()).append(" runs");
        bySeverity.forEach((s, n) -> out.append(", ").append(n).append(' ').append(s));
        if (skipped > 0) {
            out.append(", ").append(skipped).append(" unreadable line").append(skipped == 1 ? "" : "s").append(" skipped");
        }
        return out.append('\n').toString();
    }
}
