package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.history.HistoryStore;
import xyz.twzrd.ops.core.history.HistorySummary;
import xyz.twzrd.ops.core.history.TrendCharts;
import xyz.twzrd.ops.core.history.TrendPage;
import xyz.twzrd.ops.core.history.TrendSeries;
import xyz.twzrd.ops.core.host.Level;
import xyz.twzrd.ops.core.host.Thresholds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recorded runs of a state folder as the runner shows them: a text table, or a self-contained trend page. */
public final class HistoryView {
    private HistoryView() {
    }

    /** The newest {@code last} runs (of one check, when given) as a text table. */
    public static String table(Path stateDir, Optional<String> check, int last) throws IOException {
        return HistorySummary.load(new HistoryStore(stateDir), check).table(last);
    }

    /** Writes the trend page with the default thresholds; see {@link #writeTrendPage(Path, Optional, Path, OpsConfig)}. */
    public static int writeTrendPage(Path stateDir, Optional<String> check, Path file) throws IOException {
        return writeTrendPage(stateDir, check, file, OpsConfig.defaults());
    }

    /**
     * Writes the trend page to {@code file} (atomically) and returns how many runs it shows: the hourly
     * ({@code alerts}) and weekly ({@code health-check}) runs as separate series (only {@code check}'s when given), the
     * thresholds of {@code config} as lines, restarts per app per day.
     */
    public static int writeTrendPage(Path stateDir, Optional<String> check, Path file, OpsConfig config) throws IOException {
        HistoryStore store = new HistoryStore(stateDir);
        TrendSeries empty = new TrendSeries.Builder().build();
        boolean hourlyToo = check.isEmpty() || check.get().equals(TrendCharts.HOURLY);
        boolean weeklyToo = check.isEmpty() || check.get().equals(TrendCharts.WEEKLY);
        // each series downsampled for display (extremes and alerts kept), so a year of hourly runs stays small
        int runs = 0;
        TrendSeries hourly = empty;
        TrendSeries weekly = empty;
        if (check.isPresent() && !hourlyToo && !weeklyToo) {
            HistorySummary other = HistorySummary.load(store, check); // pm2-restart, audit: its runs as one series
            hourly = other.displayTrend();
            runs += other.runs();
        }
        if (hourlyToo) {
            HistorySummary h = HistorySummary.load(store, Optional.of(TrendCharts.HOURLY));
            hourly = h.displayTrend();
            runs += h.runs();
        }
        if (weeklyToo) {
            HistorySummary w = HistorySummary.load(store, Optional.of(TrendCharts.WEEKLY));
            weekly = w.displayTrend();
            runs += w.runs();
        }
        TrendCharts.RestartsPerApp restarts = new TrendCharts.RestartsPerApp();
        store.forEach(r -> {
            if (check.isEmpty() || check.get().equals(r.check())) {
                restarts.add(r);
            }
        });
        List<TrendCharts.Chart> charts = TrendCharts.standalone(hourly, weekly, thresholds(config), restarts);
        String title = "twzrd-ops history" + check.map(c -> " of " + c).orElse("");
        AtomicFiles.writeString(file, TrendPage.render(title, hourly, weekly, charts));
        return runs;
    }

    /** The configured thresholds of the default trend series. */
    static Map<String, TrendCharts.Threshold> thresholds(OpsConfig config) {
        Thresholds t = config.getThresholds();
        Map<String, TrendCharts.Threshold> out = new LinkedHashMap<>();
        out.put("swap %", of(t.getSwap()));
        out.put("load", of(t.getLoad()));
        out.put("memory %", of(t.getMemory()));
        out.put("error lines", new TrendCharts.Threshold(config.getLogs().getAlert(), config.getLogs().getEmergency()));
        return out;
    }

    private static TrendCharts.Threshold of(Level l) {
        return new TrendCharts.Threshold(l.getAlert(), l.getEmergency());
    }
}
