package xyz.twzrd.ops.core.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;

/**
 * A history summary: how many runs (optionally of one check), how many per severity, how many lines were
 * skipped as torn, the text table of the newest runs and the trend series of all of them.
 *
 * <p>Built for a year of hourly runs and more: {@link #load} reads the file once as bytes without parsing it
 * ({@link HistoryStore#index}: the counts and where the newest {@value #TAIL_KEPT} runs are); {@link #table}
 * parses only the rows it prints; the full {@link #trend()} is parsed on first use (for a trend page, drawn
 * through {@link #displayTrend()}, at most {@value #DISPLAY_POINTS} points with every extreme kept).
 */
public final class HistorySummary {
    /** Points a trend page draws at most: a year of hourly runs is downsampled to this, extremes kept. */
    public static final int DISPLAY_POINTS = 2000;
    /** Newest runs whose place {@link #load} remembers, so a table of up to this many rows parses only them. */
    static final int TAIL_KEPT = 1000;

    private final HistoryStore store;
    private final Optional<String> check;
    private final HistoryStore.Index index;
    private final Map<Severity, Integer> bySeverity;
    private final int skipped;
    private final int runs;
    private TrendSeries trend;

    private HistorySummary(HistoryStore store, Optional<String> check, HistoryStore.Index index) {
        this.store = store;
        this.check = check;
        this.index = index;
        this.bySeverity = index.bySeverity();
        this.skipped = index.skipped();
        this.runs = index.runs();
    }

    /**
     * A summary of trend data already at hand.
     *
     * @param trend      labels, severities and series, oldest first
     * @param bySeverity runs per severity
     * @param skipped    unreadable lines
     */
    public HistorySummary(TrendSeries trend, Map<Severity, Integer> bySeverity, int skipped) {
        this.store = null;
        this.check = Optional.empty();
        this.index = null;
        this.trend = trend;
        this.bySeverity = Map.copyOf(bySeverity);
        this.skipped = skipped;
        this.runs = trend.labels().size();
    }

    /** Reads the counts and the place of the newest runs (one pass over the bytes, no JSON parse). */
    public static HistorySummary load(HistoryStore store, Optional<String> check) throws IOException {
        return new HistorySummary(store, check, store.index(check, TAIL_KEPT));
    }

    /** How many runs were selected. */
    public int runs() {
        return runs;
    }

    /** Runs per severity, in severity order. */
    public Map<Severity, Integer> bySeverity() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        m.putAll(bySeverity);
        return m;
    }

    /** Lines that were not whole records (a run killed mid-write). */
    public int skipped() {
        return skipped;
    }

    /**
     * Labels, severities and series of every selected run, oldest first; parsed from the file on first use.
     *
     * @throws UncheckedIOException when the history cannot be read any more
     */
    public synchronized TrendSeries trend() {
        if (trend == null) {
            TrendSeries.Builder b = new TrendSeries.Builder();
            try {
                store.forEach(r -> {
                    if (check.isEmpty() || check.get().equals(r.check())) {
                        b.add(r);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read history " + store.file() + ": " + e.getMessage(), e);
            }
            trend = b.build();
        }
        return trend;
    }

    /** The trend to draw: at most {@value #DISPLAY_POINTS} points, each series' extremes kept ({@link TrendSeries#downsample}). */
    public TrendSeries displayTrend() {
        return trend().downsample(DISPLAY_POINTS);
    }

    /** The newest {@code last} runs, parsing only them when {@link #load} remembered where they are. */
    private TrendSeries newest(int last) {
        if (trend == null && index != null && last <= index.kept()) {
            try {
                List<HistoryRecord> rows = store.read(index, last);
                TrendSeries.Builder b = new TrendSeries.Builder();
                rows.forEach(b::add);
                return b.build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read history " + store.file() + ": " + e.getMessage(), e);
            }
        }
        return trend();
    }

    /** A text table of the last {@code last} runs and a closing line with the counts. */
    public String table(int last) {
        TrendSeries t = newest(Math.max(0, last));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s  %-9s", "RUN (UTC)", "SEVERITY"));
        t.series().keySet().forEach(k -> out.append(String.format(Locale.ROOT, " %11s", k)));
        out.append('\n');
        int shown = t.labels().size();
        for (int i = Math.max(0, shown - last); i < shown; i++) {
            out.append(String.format(Locale.ROOT, "%-16s  %-9s", t.labels().get(i), t.severities().get(i)));
            for (var s : t.series().values()) {
                out.append(String.format(Locale.ROOT, " %11s", Numbers.value(s.get(i), "")));
            }
            out.append('\n');
        }
        out.append(runs).append(" runs");
        bySeverity().forEach((s, n) -> out.append(", ").append(n).append(' ').append(s));
        if (skipped > 0) {
            out.append(", ").append(skipped).append(" unreadable line").append(skipped == 1 ? "" : "s").append(" skipped");
        }
        return out.append('\n').toString();
    }
}
