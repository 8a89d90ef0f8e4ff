package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.history.HistoryStore;
import xyz.twzrd.ops.core.history.HistorySummary;
import xyz.twzrd.ops.core.history.TrendPage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The recorded runs of a state folder as the runner shows them: a text table, or a self-contained trend page. */
public final class HistoryView {
    private HistoryView() {
    }

    /** The newest {@code last} runs (of one check, when given) as a text table. */
    public static String table(Path stateDir, Optional<String> check, int last) throws IOException {
        return HistorySummary.load(new HistoryStore(stateDir), check).table(last);
    }

    /** Writes the trend page to {@code file} (atomically) and returns how many runs it shows. */
    public static int writeTrendPage(Path stateDir, Optional<String> check, Path file) throws IOException {
        HistorySummary summary = HistorySummary.load(new HistoryStore(stateDir), check);
        String title = "twzrd-ops history" + check.map(c -> " of " + c).orElse("");
        AtomicFiles.writeString(file, TrendPage.render(title, summary.trend()));
        return summary.runs();
    }
}
