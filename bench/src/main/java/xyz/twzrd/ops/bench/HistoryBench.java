package xyz.twzrd.ops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.history.HistoryRecord;
import xyz.twzrd.ops.core.history.HistoryStore;
import xyz.twzrd.ops.core.history.HistorySummary;

/**
 * Benchmark entry point for {@code bench/history-bench.sh}, not a test: {@code generate DIR RUNS} writes RUNS
 * hourly records (from 2025-01-01, or up to an hour before the instant {@code generate DIR RUNS END} gives);
 * {@code table-parse-all DIR N} prints the text table of the last N runs parsing every record (as before the
 * tail read);
 * {@code DIR RUNS REPS} appends RUNS hourly
 * records (a year: 8,760) through {@link HistoryStore#append}, then REPS times loads and summarises them
 * ({@link HistorySummary#load}) and, as the baseline, counts the lines of the same file with a plain buffered read.
 * The first {@value #WARMUP} repetitions warm the JIT and are left out of the medians.
 * Prints records/s of each (medians) and {@code ratio=} (ours / baseline) last.
 */
public final class HistoryBench {
    private static final int WARMUP = 5;

    private HistoryBench() {
    }

    public static void main(String[] args) throws IOException {
        if ((args.length == 3 || args.length == 4) && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]),
                    args.length == 4 ? Instant.parse(args[3]) : null);
            return;
        }
        if (args.length == 3 && args[0].equals("table-parse-all")) {
            // the text table as it was computed before the tail read: every record parsed (for comparison)
            HistoryStore store = new HistoryStore(Path.of(args[1]));
            xyz.twzrd.ops.core.history.TrendSeries.Builder b = new xyz.twzrd.ops.core.history.TrendSeries.Builder();
            Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
            int skipped = store.forEach(r -> {
                b.add(r);
                counts.merge(r.severity(), 1, Integer::sum);
            });
            System.out.print(new HistorySummary(b.build(), counts, skipped).table(Integer.parseInt(args[2])));
            return;
        }
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        HistoryStore store = new HistoryStore(dir);
        Files.deleteIfExists(store.file());
        Random rnd = new Random(42);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        long a0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            store.append(record(t0.plus(Duration.ofHours(i)), rnd));
        }
        double appendS = (System.nanoTime() - a0) / 1e9;
        System.out.printf(Locale.ROOT, "records=%d file_bytes=%d append_records_per_s=%.0f%n", runs, Files.size(store.file()),
                runs / appendS);
        double[] ours = new double[reps];
        double[] base = new double[reps];
        for (int r = -WARMUP; r < reps; r++) {
            long s = System.nanoTime();
            HistorySummary sum = HistorySummary.load(store, Optional.empty());
            int parsed = sum.trend().labels().size(); // the whole trend, as a trend page needs it
            double o = parsed / ((System.nanoTime() - s) / 1e9);
            s = System.nanoTime();
            long lines = countLines(store.file());
            double b = lines / ((System.nanoTime() - s) / 1e9);
            if (r >= 0) {
                ours[r] = o;
                base[r] = b;
            }
            if (sum.runs() != runs || lines != runs) {
                throw new IllegalStateException("read " + sum.runs() + " records and " + lines + " lines of " + runs);
            }
        }
        double o = median(ours);
        double b = median(base);
        System.out.printf(Locale.ROOT, "load_summarise_records_per_s=%.0f (runs %s)%n", o, Arrays.toString(round(ours)));
        System.out.printf(Locale.ROOT, "baseline_line_count_lines_per_s=%.0f (runs %s)%n", b, Arrays.toString(round(base)));
        System.out.printf(Locale.ROOT, "year_of_hourly_runs_load_ms=%.1f%n", 8760 / o * 1000);
        System.out.printf(Locale.ROOT, "ratio=%.3f%n", o / b);
    }

    /**
     * Writes RUNS hourly records straight to a fresh history file (no lock: fast, for big benchmark files): from
     * 2025-01-01, or ending an hour before {@code end} when given.
     */
    private static void generate(Path dir, int runs, Instant end) throws IOException {
        HistoryStore store = new HistoryStore(dir);
        Files.createDirectories(dir);
        Random rnd = new Random(42);
        Instant t0 = end == null ? Instant.parse("2025-01-01T00:00:00Z") : end.minus(Duration.ofHours(runs));
        try (java.io.Writer w = Files.newBufferedWriter(store.file(), StandardCharsets.UTF_8)) {
            for (int i = 0; i < runs; i++) {
                w.write(xyz.twzrd.ops.core.Json.compact(record(t0.plus(Duration.ofHours(i)), rnd)));
                w.write('\n');
            }
        }
        System.out.printf(Locale.ROOT, "generated %d records, %d bytes%n", runs, Files.size(store.file()));
    }

    private static HistoryRecord record(Instant at, Random rnd) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("swap", Math.round(rnd.nextDouble() * 300) / 10.0);
        values.put("load", Math.round(rnd.nextDouble() * 80) / 10.0);
        values.put("memory", Math.round(rnd.nextDouble() * 900) / 10.0);
        values.put("disk:/", Math.round(rnd.nextDouble() * 900) / 10.0);
        values.put("crashes", (double) rnd.nextInt(3));
        values.put("logs", (double) rnd.nextInt(50));
        Map<String, Severity> findings = new LinkedHashMap<>();
        values.keySet().forEach(k -> findings.put(k, rnd.nextInt(20) == 0 ? Severity.ALERT : Severity.OK));
        return new HistoryRecord(at, "alerts", "vps", Severity.worst(findings.values()), values, findings);
    }

    private static long countLines(Path file) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }
}
