package xyz.twzrd.ops.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import xyz.twzrd.ops.core.logs.LocalLogFiles;
import xyz.twzrd.ops.core.logs.LogOffsets;
import xyz.twzrd.ops.core.logs.LogPattern;
import xyz.twzrd.ops.core.logs.LogScanResult;
import xyz.twzrd.ops.core.logs.LogScanner;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.logs.LogsConfig;

/**
 * Benchmark entry point for {@code bench/logscan-bench.sh}, not a test:
 * {@code generate FILE MIB} writes a PM2-style log ({@code --time} prefixes, about 0.5% error lines, stack traces);
 * {@code scan FILE REPS [THREADS [LITERAL...]]} runs full scans of it in one JVM (the default patterns, or the
 * given literals) and prints each run's MB/s, then the best and the median of the runs after the first (which
 * warms the JIT).
 */
public final class LogScanBench {
    private static final String[] INFO = {
        "GET /api/v1/users/%d 200 %d.%03d ms - %d",
        "POST /api/v1/orders 201 %d.%03d ms - %d",
        "{\"level\":\"info\",\"msg\":\"request handled\",\"reqId\":\"%s\",\"durationMs\":%d}",
        "[worker] processed job %s in %dms, queue depth %d",
        "info: cache hit for key user:%d (ttl %ds)",
        "Connecting to database at 10.0.%d.%d:5432 (pool size %d)",
        "debug: handler caught up with stream offset %d, lag %dms",
        "price feed updated: SOL/USDC %d.%04d from source %s",
        "websocket client %s connected from 172.16.%d.%d",
        "warn: slow query took %dms: SELECT * FROM events WHERE id = %d",
    };
    private static final String[] ERRORS = {
        "ERROR failed to fetch price for token %s: timeout after %dms",
        "TypeError: Cannot read properties of undefined (reading 'id') at request %s",
        "UnhandledPromiseRejectionWarning: Error: connect ECONNREFUSED 127.0.0.1:%d",
        "FATAL lost connection to database after %d retries",
        "Error: ETIMEDOUT while calling https://api.example.com/v2/quote?id=%d",
        "uncaughtException: RangeError: Maximum call stack size exceeded (depth %d)",
    };

    private static final DateTimeFormatter PM2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private LogScanBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Long.parseLong(args[2]) * 1024 * 1024);
        } else if (args.length >= 3 && args[0].equals("scan")) {
            List<LogPattern> patterns = args.length > 4
                    ? Arrays.stream(args, 4, args.length).map(LogPattern::literal).toList() : LogsConfig.DEFAULT_PATTERNS;
            scan(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0, patterns);
        } else {
            System.err.println("usage: LogScanBench generate FILE MIB | scan FILE REPS [THREADS [LITERAL...]]");
            System.exit(2);
        }
    }

    static void generate(Path file, long bytes) throws IOException {
        Random rnd = new Random(42);
        LocalDateTime t = LocalDateTime.of(2026, 11, 23, 0, 0, 0);
        long written = 0;
        long errors = 0;
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            while (written < bytes) {
                t = t.plusNanos(rnd.nextInt(50_000_000));
                String prefix = PM2_TIME.format(t) + ": ";
                String line;
                if (rnd.nextInt(1000) < 5) {
                    errors++;
                    line = prefix + fill(ERRORS[rnd.nextInt(ERRORS.length)], rnd) + "\n"
                            + "    at processTicksAndRejections (node:internal/process/task_queues:95:5)\n"
                            + "    at async Router.handle (/srv/app/dist/server.js:" + rnd.nextInt(9000) + ":17)\n";
                } else {
                    line = prefix + fill(INFO[rnd.nextInt(INFO.length)], rnd) + "\n";
                }
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                out.write(b);
                written += b.length;
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "generated %s: %d bytes, %d error lines%n", file, written, errors);
    }

    private static String fill(String format, Random rnd) {
        Object[] args = new Object[4];
        int k = 0;
        for (int i = format.indexOf('%'); i >= 0 && k < args.length; i = format.indexOf('%', i + 1)) {
            char c = format.charAt(i + 1 + (Character.isDigit(format.charAt(i + 1)) ? 3 : 0));
            args[k++] = c == 's' ? (rnd.nextBoolean() ? new UUID(rnd.nextLong(), rnd.nextLong()).toString()
                    : Long.toHexString(rnd.nextLong())) : (Object) rnd.nextInt(100_000);
        }
        return String.format(Locale.ROOT, format, Arrays.copyOf(args, k));
    }

    /** CPU time of this whole process (every thread, the JIT compilers' included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void scan(Path file, int reps, int threads, List<LogPattern> patterns) throws IOException {
        LogsConfig cfg = new LogsConfig().setThreads(threads).setPatterns(patterns);
        long size = Files.size(file);
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            Path state = Files.createTempDirectory("logscan-bench");
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            LogScanResult r = new LogScanner(cfg, new LocalLogFiles(), Clock.systemUTC())
                    .scan(List.of(new LogSource("bench", file)), state, true);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            double mbs = size / 1e6 / secs;
            rates.add(mbs);
            System.out.printf(Locale.ROOT, "ours run %d: %.3f s, %.0f MB/s, cpu %.3f s (%.0f MB per cpu-s), %d error lines%n",
                    i + 1, secs, mbs, cpu, size / 1e6 / cpu, r.files().get(0).errorLines());
            Files.deleteIfExists(state.resolve(LogOffsets.FILE));
            Files.deleteIfExists(state);
        }
        // the first run warms the JIT; the median of the others is the figure
        List<Double> warm = new ArrayList<>(rates.subList(rates.size() > 1 ? 1 : 0, rates.size()));
        warm.sort(null);
        System.out.printf(Locale.ROOT, "ours_best_mbs=%.0f%n", warm.get(warm.size() - 1));
        System.out.printf(Locale.ROOT, "ours_median_mbs=%.0f%n", warm.get(warm.size() / 2));
    }
}
