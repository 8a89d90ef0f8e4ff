package xyz.twzrd.ops.core.history;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;

/**
 * A history read in one pass: the trend series of the runs (optionally of one check), the count of runs per
 * severity and of lines skipped as torn.
 *
 * @param trend      labels, severities and series, oldest first
 * @param bySeverity runs per severity
 * @param skipped    unreadable lines
 */
public record HistorySummary(TrendSeries trend, Map<Severity, Integer> bySeverity, int skipped) {

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

    public int runs() {
        return trend.labels().size();
    }

    /** A text table of the last {@code last} runs and a closing line with the counts. */
    public String table(int last) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s  %-9s", "RUN (UTC)", "SEVERITY"));
        trend.series().keySet().forEach(k -> out.append(String.format(Locale.ROOT, " %11s", k)));
        out.append('\n');
        for (int i = Math.max(0, runs() - last); i < runs(); i++) {
            out.append(String.format(Locale.ROOT, "%-16s  %-9s", trend.labels().get(i), trend.severities().get(i)));
            for (var s : trend.series().values()) {
                out.append(String.format(Locale.ROOT, " %11s", Numbers.value(s.get(i), "")));
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
