package xyz.twzrd.ops.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Severity;

/** The text table from the tail only (the same table as parsing everything), and the trend downsampled for drawing. */
class HistoryTailTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static HistoryRecord rec(int hour, String check, String host, Severity s, double swap) {
        return new HistoryRecord(T0.plus(Duration.ofHours(hour)), check, host, s, Map.of("swap", swap, "memory", 40.0 + hour),
                Map.of("swap", s, "severity", Severity.OK));
    }

    @Test
    void theTailTableIsTheFullTableReadingOnlyTheTail() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        Random rnd = new Random(7);
        for (int i = 0; i < 300; i++) {
            Severity s = Severity.values()[rnd.nextInt(Severity.values().length)];
            String check = i % 3 == 0 ? "health-check" : "alerts";
            // a host name the writer escapes, and a finding named "severity": neither may fool the byte scan
            store.append(rec(i, check, i % 7 == 0 ? "vps \"a\\b\" \"severity\":\"OK\"" : "vps", s, i % 11));
            if (i == 150) { // a run killed mid-write: a torn line, then the next append starts a new line
                Files.writeString(store.file(), "{\"at\":\"2026-01-07T06:00:00Z\",\"check\":\"alerts\",\"sev",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        }
        Files.writeString(store.file(), "\n   \nnot json at all\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        for (Optional<String> check : List.of(Optional.<String>empty(), Optional.of("alerts"), Optional.of("audit"))) {
            HistorySummary expected = parsedWhole(store, check);
            for (int last : new int[] {0, 1, 24, 299, 1000}) {
                HistorySummary s = HistorySummary.load(store, check);
                assertThat(s.table(last)).as(check + " last " + last).isEqualTo(expected.table(last));
                assertThat(s.runs()).isEqualTo(expected.runs());
                assertThat(s.bySeverity()).isEqualTo(expected.bySeverity());
                assertThat(s.skipped()).isEqualTo(expected.skipped()).isEqualTo(2);
            }
            assertThat(HistorySummary.load(store, check).trend()).isEqualTo(expected.trend());
        }
    }

    /** The summary as it was computed before: every line parsed, the trend of all selected runs. */
    private static HistorySummary parsedWhole(HistoryStore store, Optional<String> check) throws Exception {
        TrendSeries.Builder b = new TrendSeries.Builder();
        Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
        int skipped = store.forEach(r -> {
            if (check.isEmpty() || check.get().equals(r.check())) {
                b.add(r);
                counts.merge(r.severity(), 1, Integer::sum);
            }
        });
        return new HistorySummary(b.build(), counts, skipped);
    }

    @Test
    void theIndexKeepsOnlyThePlaceOfTheNewestRuns() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        for (int i = 0; i < 50; i++) {
            store.append(rec(i, "alerts", "vps", Severity.OK, i));
        }
        HistoryStore.Index idx = store.index(Optional.empty(), 10);
        assertThat(idx.runs()).isEqualTo(50);
        assertThat(idx.kept()).isEqualTo(10);
        assertThat(store.read(idx, 3)).extracting(r -> r.values().get("swap")).containsExactly(47.0, 48.0, 49.0);
        assertThat(store.read(idx, 100)).hasSize(10);
    }

    @Test
    void aMissingHistoryIsEmptyAndANegativeTailIsRefused() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("none"));
        HistorySummary s = HistorySummary.load(store, Optional.empty());
        assertThat(s.runs()).isZero();
        assertThat(s.table(24)).endsWith("0 runs\n");
        assertThat(s.trend().labels()).isEmpty();
        assertThatThrownBy(() -> store.index(Optional.empty(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downsamplingKeepsEveryExtremeAndEveryAlertWithinThePointBudget() {
        int n = 87_600;
        Random rnd = new Random(3);
        TrendSeries.Builder b = new TrendSeries.Builder(Map.of("swap %", "swap", "load", "load"));
        List<Integer> alerts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("swap", i == 12_345 ? 99.5 : i == 70_000 ? 0.0 : 10 + rnd.nextDouble() * 20);
            if (i % 2 == 0) {
                v.put("load", rnd.nextDouble() * 4);
            }
            Severity s = Severity.OK;
            if (rnd.nextInt(5000) == 0 || i == 40_001) {
                s = Severity.ALERT;
                alerts.add(i);
            }
            b.add(String.format("run %06d", i), s, v);
        }
        TrendSeries t = b.build();
        TrendSeries d = t.downsample(HistorySummary.DISPLAY_POINTS);
        assertThat(d.labels()).hasSizeLessThanOrEqualTo(HistorySummary.DISPLAY_POINTS);
        assertThat(d.labels().get(0)).isEqualTo("run 000000");
        assertThat(d.labels().get(d.labels().size() - 1)).isEqualTo(String.format("run %06d", n - 1));
        assertThat(d.labels()).isSorted();
        for (String name : t.series().keySet()) {
            List<Double> all = t.series().get(name).stream().filter(x -> x != null).toList();
            List<Double> kept = d.series().get(name).stream().filter(x -> x != null).toList();
            assertThat(Collections.max(kept)).as(name + " max").isEqualTo(Collections.max(all));
            assertThat(Collections.min(kept)).as(name + " min").isEqualTo(Collections.min(all));
        }
        assertThat(d.series().get("swap %")).contains(99.5, 0.0);
        long alertPoints = d.severities().stream().filter(s -> s == Severity.ALERT).count();
        assertThat(alertPoints).as("every alert run still shows").isGreaterThanOrEqualTo(alerts.size());
        assertThat(t.downsample(n)).isSameAs(t);
        assertThatThrownBy(() -> t.downsample(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
