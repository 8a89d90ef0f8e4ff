package xyz.twzrd.ops.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Severity;

class HistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static HistoryRecord rec(int hour, Severity s, double swap) {
        return new HistoryRecord(T0.plus(Duration.ofHours(hour)), "alerts", "vps", s, Map.of("swap", swap, "load", 1.5),
                Map.of("swap", s, "load", Severity.OK));
    }

    @Test
    void appendsAndReadsBackOneLinePerRun() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        assertThat(store.readAll()).isEmpty();
        store.append(rec(0, Severity.OK, 1));
        store.append(rec(1, Severity.ALERT, 30));
        assertThat(Files.readAllLines(store.file())).hasSize(2);
        assertThat(store.readAll()).containsExactly(rec(0, Severity.OK, 1), rec(1, Severity.ALERT, 30));
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextAppendStartsOnItsOwnLine() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        store.append(rec(0, Severity.OK, 1));
        Files.writeString(store.file(), "{\"at\":\"2026-01-01T01:00:00Z\",\"check\":\"al", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        List<HistoryRecord> seen = new ArrayList<>();
        assertThat(store.forEach(seen::add)).isEqualTo(1);
        assertThat(seen).containsExactly(rec(0, Severity.OK, 1));
        store.append(rec(2, Severity.ALERT, 40));
        assertThat(store.readAll()).containsExactly(rec(0, Severity.OK, 1), rec(2, Severity.ALERT, 40));
    }

    @Test
    void invalidUtf8AndTornJsonLinesAreSkippedAndCountedNeverFatal() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        store.append(rec(0, Severity.OK, 1));
        // a multi-byte host name torn by a full disk: 0xC3 without its second byte, then a newline
        byte[] torn = "{\"at\":\"2026-01-01T01:00:00Z\",\"check\":\"alerts\",\"host\":\"v\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(torn, torn.length - 1);
        Files.write(store.file(), bad, StandardOpenOption.APPEND);
        Files.write(store.file(), new byte[] {'\n'}, StandardOpenOption.APPEND);
        Files.writeString(store.file(), "{not json}\n", StandardOpenOption.APPEND);
        store.append(rec(2, Severity.ALERT, 40));
        List<HistoryRecord> seen = new ArrayList<>();
        assertThat(store.forEach(seen::add)).isEqualTo(2);
        assertThat(seen).containsExactly(rec(0, Severity.OK, 1), rec(2, Severity.ALERT, 40));
        // the table and the trend keep working and say how much was skipped
        HistorySummary summary = HistorySummary.load(store, Optional.empty());
        assertThat(summary.runs()).isEqualTo(2);
        assertThat(summary.table(10)).contains("2 unreadable lines skipped");
        assertThat(TrendPage.render("t", summary.trend(), summary.trend(), java.util.List.of())).isNotBlank();
        // appends and retention go on; retention drops the unreadable lines
        store.append(rec(3, Severity.OK, 2));
        assertThat(store.retain(10, T0)).isEqualTo(2);
        assertThat(store.forEach(r -> { })).isZero();
        assertThat(store.readAll()).hasSize(3);
    }

    @Test
    void overlappingAppendsNeverInterleave() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int h = i;
            fs.add(pool.submit(() -> {
                new HistoryStore(dir).append(rec(h, Severity.OK, h));
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        List<HistoryRecord> all = new ArrayList<>();
        assertThat(store.forEach(all::add)).isZero();
        assertThat(all).hasSize(200);
        assertThat(all.stream().map(r -> r.values().get("swap").intValue()).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void retentionKeepsTheNewestRunsAndDropsTheOld() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        for (int h = 0; h < 10; h++) {
            store.append(rec(h, Severity.OK, h));
        }
        assertThat(store.retain(100, T0.plus(Duration.ofHours(3)))).isEqualTo(3);
        assertThat(store.retain(4, T0)).isEqualTo(3);
        assertThat(store.readAll()).extracting(r -> r.values().get("swap")).containsExactly(6.0, 7.0, 8.0, 9.0);
        assertThat(store.retain(4, T0)).isZero();
    }

    @Test
    void retentionCopiesTheLinesItKeepsByteForByte() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        for (int h = 0; h < 5; h++) {
            store.append(rec(h, Severity.OK, h));
        }
        // a line written by an older version, with its own spacing and a host in UTF-8: kept as it was
        String old = "{\"at\":\"2026-01-01T05:30:00.250Z\", \"check\":\"alerts\",\"host\":\"v\u00e9\",\"severity\":\"ALERT\","
                + "\"values\":{},\"findings\":{}}";
        Files.writeString(store.file(), old + "\n\n", StandardOpenOption.APPEND);
        assertThat(store.retain(2, T0)).isEqualTo(4);
        List<String> lines = Files.readAllLines(store.file());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(old);
        assertThat(store.readAll()).extracting(HistoryRecord::host).containsExactly("vps", "v\u00e9");
        // the age cut-off within one second is exact
        assertThat(store.retain(10, Instant.parse("2026-01-01T05:30:00.250Z"))).isEqualTo(1);
        assertThat(Files.readAllLines(store.file())).containsExactly(old);
    }

    @Test
    void dailyRetentionTrimsOnTheFirstRunOfEachUtcDay() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        for (int h = 0; h < 24; h++) { // one day of hourly runs, each followed by the daily retention
            store.append(rec(h, Severity.OK, h));
            store.retainDaily(3, T0.minus(Duration.ofDays(400)), T0.plus(Duration.ofHours(h)));
        }
        // the first run trimmed (nothing to drop); the other 23 of the same day did not read the history
        assertThat(store.readAll()).hasSize(24);
        store.append(rec(24, Severity.OK, 24)); // the next day's first run
        assertThat(store.retainDaily(3, T0.minus(Duration.ofDays(400)), T0.plus(Duration.ofHours(24)))).isEqualTo(22);
        assertThat(store.readAll()).extracting(r -> r.values().get("swap")).containsExactly(22.0, 23.0, 24.0);
        store.append(rec(25, Severity.OK, 25));
        assertThat(store.retainDaily(3, T0, T0.plus(Duration.ofHours(25)))).isZero();
        assertThat(store.readAll()).hasSize(4);
    }

    @Test
    void summaryBuildsTrendSeriesAndTable() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        store.append(rec(0, Severity.OK, 1));
        store.append(rec(1, Severity.ALERT, 30));
        store.append(new HistoryRecord(T0, "health-check", "vps", Severity.OK, Map.of(), Map.of()));
        HistorySummary s = HistorySummary.load(store, Optional.of("alerts"));
        assertThat(s.runs()).isEqualTo(2);
        assertThat(s.trend().severities()).containsExactly(Severity.OK, Severity.ALERT);
        assertThat(s.trend().series().get("swap %")).containsExactly(1.0, 30.0);
        assertThat(s.trend().series().get("crashes")).containsExactly(null, null);
        assertThat(s.table(10)).contains("2026-01-01 01:00  ALERT").endsWith("2 runs, 1 OK, 1 ALERT\n");
    }
}
