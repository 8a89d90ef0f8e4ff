package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.host.HostPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * Scans log files for error lines, incrementally: each file is read from where the previous scan stopped
 * (remembered per device/inode in {@link LogOffsets}), after a rotation (new inode, or a file shorter than the
 * offset) the rotated {@code .1} (or {@code .1.gz}) file is read from the old offset and the new file from the start.
 * Large ranges are split at line starts and scanned on all threads; every thread reuses one window buffer, so
 * memory stays bounded whatever the file sizes and line lengths.
 */
public final class LogScanner {
    /**
     * Bytes per window buffer (one per thread), at least twice {@code maxLineCheck}. Small enough for the L2 cache:
     * the read copies the bytes into it and the scan finds them there (8 MiB windows cost ~10% more CPU).
     */
    static final int WINDOW = 256 * 1024;
    /** Smallest range worth a thread of its own. */
    static final long PART_MIN = 32L * 1024 * 1024;
    /** Clock skew allowed when telling whether a rotated copy was written after the last scan. */
    static final long FRESH_SLACK_MS = 2000;
    /** Bytes at a file's start whose checksum tells a rewritten file from a grown one. */
    static final int HEAD = 256;
    /** Bytes sampled to pick the literal filter's grams. */
    static final int SAMPLE = 1024 * 1024;

    private final LogsConfig config;
    private final LogFiles files;
    private final Clock clock;
    private final int threads;
    private final int window;
    private final long partMin;

    public LogScanner(LogsConfig config, LogFiles files, Clock clock) {
        this(config, files, clock, PART_MIN);
    }

    /** With a smaller part size, so tests split small files. */
    LogScanner(LogsConfig config, LogFiles files, Clock clock, long partMin) {
        this.partMin = partMin;
        this.config = config;
        this.files = files;
        this.clock = clock;
        this.threads = config.getThreads() > 0 ? config.getThreads() : Runtime.getRuntime().availableProcessors();
        this.window = Math.max(WINDOW, 2 * config.getMaxLineCheck() + 4096);
    }

    /**
     * Scans the sources (files or globs) and saves the new offsets in {@code stateDir}.
     *
     * @param full read every file from the start, ignoring the saved offsets
     */
    public LogScanResult scan(List<LogSource> sources, Path stateDir, boolean full) {
        return scan(sources, LogOffsets.load(stateDir), full);
    }

    /**
     * Scans the sources with the offsets of one check kind ({@code logscan-offsets-<check>.json}: a manual
     * {@code logs} run does not take the error lines from the weekly report); a damaged offsets file is set aside.
     */
    public LogScanResult scan(List<LogSource> sources, StateFolder state, boolean full) {
        return scan(sources, LogOffsets.load(state), full);
    }

    private LogScanResult scan(List<LogSource> sources, LogOffsets offsets, boolean full) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Finding> findings = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (Map.Entry<String, String> e : Sources.expand(sources, files, findings).entrySet()) {
            plans.add(plan(e.getKey(), e.getValue(), offsets, full, now));
        }
        List<LogFileReport> reports = run(plans, now);
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            LogFileReport r = reports.get(i);
            if (r.error() != null) {
                findings.add(Finding.unknown("log:" + p.path, r.error()));
            }
            if (p.next != null) {
                offsets.put(p.key, p.next);
            } else if (p.forget && r.error() == null) {
                offsets.remove(p.key);
            }
        }
        findings.add(0, summary(reports, offsets.loadProblem()));
        try {
            offsets.save(now);
        } catch (IOException e) {
            findings.add(Finding.unknown("log-offsets", "scan offsets could not be saved, the next scan reads these bytes again: "
                    + e.getMessage()));
        }
        return new LogScanResult(findings, reports);
    }

    private Finding summary(List<LogFileReport> reports, String loadProblem) {
        long lines = 0;
        long bytes = 0;
        int unreadable = 0;
        for (LogFileReport r : reports) {
            lines += r.errorLines();
            bytes += r.bytesScanned();
            unreadable += r.error() == null ? 0 : 1;
        }
        int read = reports.size() - unreadable;
        double alert = config.getAlert();
        double emergency = config.getEmergency();
        Severity sev = Finding.grade(lines, alert, emergency);
        String worst = reports.stream().filter(r -> r.errorLines() > 0)
                .sorted(Comparator.comparingLong(LogFileReport::errorLines).reversed()).limit(3)
                .map(r -> (r.app().isEmpty() ? "" : r.app() + " ") + Path.of(r.path()).getFileName() + " " + r.errorLines())
                .reduce((a, b) -> a + ", " + b).map(s -> " (most: " + s + ")").orElse("");
        String msg = String.format(Locale.ROOT, "%d new error line%s in %d log file%s%s, %s scanned%s%s", lines,
                lines == 1 ? "" : "s", read, read == 1 ? "" : "s", unreadable == 0 ? "" : " (" + unreadable + " unreadable)",
                Numbers.bytes(bytes), worst,
                switch (sev) {
                    case EMERGENCY -> " — above the emergency threshold " + Numbers.plain(emergency);
                    case ALERT -> " — above the alert threshold " + Numbers.plain(alert);
                    default -> "";
                });
        Finding f = new Finding("logs", sev, (double) lines, "lines", alert, emergency, msg)
                .withDetail("files", read).withDetail("unreadable", unreadable).withDetail("bytesScanned", bytes);
        return loadProblem == null ? f : f.withDetail("offsets", loadProblem);
    }

    /** What to read of one file, and the offset entry to save afterwards. */
    private static final class Plan {
        final String path;
        final String app;
        final String key;
        final List<Read> reads = new ArrayList<>();
        long fromOffset;
        long toOffset;
        String rotatedFrom;
        String error;
        LogOffsets.Entry next;
        boolean forget;

        Plan(String path, String app, String key) {
            this.path = path;
            this.app = app;
            this.key = key;
        }
    }

    /** Bytes {@code [from, to)} of a file, or a gzip file's content after {@code from} decompressed bytes. */
    private record Read(String path, long from, long to, boolean gzip) {
    }

    private Plan plan(String path, String app, LogOffsets offsets, boolean full, Instant now) {
        String key = files.host().isEmpty() ? path : files.host() + ":" + path;
        Plan p = new Plan(path, app, key);
        LogOffsets.Entry prev = full ? null : offsets.get(key);
        LogFiles.FileId id;
        try {
            id = files.stat(path);
        } catch (IOException e) {
            if (prev != null && rotated(p, prev, null)) {
                p.forget = true; // rotated away, not recreated yet: read the old file's rest; a new file starts at 0
                return p;
            }
            p.error = e.getMessage();
            return p;
        }
        long from = 0;
        int headLength = (int) Math.min(HEAD, id.size());
        long headCrc;
        try {
            headCrc = crc(path, headLength);
        } catch (IOException e) {
            p.error = e.getMessage();
            return p;
        }
        if (prev != null && prev.dev() == id.dev() && prev.ino() == id.ino() && id.size() >= prev.offset()
                && sameStart(path, prev, headLength, headCrc)) {
            from = prev.offset();
        } else if (prev != null) {
            rotated(p, prev, id);
        }
        p.fromOffset = from;
        p.toOffset = id.size();
        if (id.size() > from) {
            p.reads.add(new Read(path, from, id.size(), false));
        }
        p.next = new LogOffsets.Entry(id.dev(), id.ino(), id.size(), id.size(), now, headLength, headCrc);
        return p;
    }

    /** CRC-32 of the first {@code length} bytes of a file. */
    private long crc(String path, int length) throws IOException {
        CRC32 crc = new CRC32();
        if (length > 0) {
            crc.update(read(path, 0, length));
        }
        return crc.getValue();
    }

    /** Up to {@code length} bytes of a file from {@code from}, ready to read (fewer when the file is shorter). */
    private ByteBuffer read(String path, long from, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        try (ReadableByteChannel in = files.open(path, from, from + length)) {
            while (buf.hasRemaining() && in.read(buf) >= 0) {
                // fill
            }
        }
        return buf.flip();
    }

    /** Whether the file still starts with the bytes the last scan saw ({@code headCrc} covers {@code headLength}). */
    private boolean sameStart(String path, LogOffsets.Entry prev, int headLength, long headCrc) {
        if (prev.headLength() == 0 || prev.headLength() == headLength) {
            return prev.headLength() == 0 || prev.headCrc() == headCrc;
        }
        try {
            return prev.headLength() < headLength && crc(path, prev.headLength()) == prev.headCrc();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Adds the read of the rotated file that holds the bytes after {@code prev.offset}: a plain candidate
     * ({@link LogFiles#rotatedNames}) when it is the old inode (moved away) or, for copy-and-truncate rotation,
     * when the current file kept the inode and the copy is long enough and written after the last scan; else the
     * first compressed candidate written after the last scan.
     * Returns whether one was found.
     */
    private boolean rotated(Plan p, LogOffsets.Entry prev, LogFiles.FileId current) {
        if (!config.isIncludeRotated()) {
            return false;
        }
        List<String> names;
        try {
            names = files.rotatedNames(p.path);
        } catch (IOException e) {
            return false;
        }
        boolean copied = current != null && current.ino() == prev.ino() && current.dev() == prev.dev();
        for (boolean gzip : new boolean[] {false, true}) {
            if (gzip && !(config.isIncludeCompressed() && files.exactBytes())) {
                break;
            }
            for (String name : names) {
                if (name.endsWith(".gz") != gzip) {
                    continue;
                }
                try {
                    LogFiles.FileId r = files.stat(name);
                    boolean moved = r.dev() == prev.dev() && r.ino() == prev.ino();
                    boolean fresh = prev.updatedAt() == null || r.mtimeMillis() >= prev.updatedAt().toEpochMilli() - FRESH_SLACK_MS;
                    if (moved && r.size() >= prev.offset() || (gzip || copied) && fresh && r.size() >= (gzip ? 0 : prev.offset())) {
                        p.reads.add(new Read(name, prev.offset(), r.size(), gzip));
                        p.rotatedFrom = name;
                        return true;
                    }
                } catch (IOException e) {
                    // not there: the next candidate
                }
            }
        }
        return false;
    }

    /** Bytes to scan: up to {@value #SAMPLE} bytes of the first local range, to tune the literal filter; or null. */
    private ByteBuffer sample(List<Plan> plans) {
        if (!files.exactBytes()) {
            return null;
        }
        for (Plan p : plans) {
            for (Read r : p.reads) {
                if (r.gzip()) {
                    continue;
                }
                try {
                    return read(r.path(), r.from(), (int) Math.min(SAMPLE, r.to() - r.from()));
                } catch (IOException e) {
                    return null; // the scan itself reports the problem
                }
            }
        }
        return null;
    }

    private List<LogFileReport> run(List<Plan> plans, Instant now) {
        LinePatterns patterns = new LinePatterns(config.getPatterns(), sample(plans));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "logscan");
            t.setDaemon(true);
            return t;
        });
        // heap windows: the scanner reads them as byte arrays (fast under either JIT compiler)
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(window));
        try {
            Map<Plan, List<Future<Part>>> futures = new LinkedHashMap<>();
            for (Plan p : plans) {
                List<Future<Part>> fs = new ArrayList<>();
                for (Read r : p.reads) {
                    for (Read part : parts(r)) {
                        fs.add(pool.submit(() -> scanPart(part, patterns, buffers.get(), now)));
                    }
                }
                futures.put(p, fs);
            }
            List<LogFileReport> out = new ArrayList<>();
            for (Map.Entry<Plan, List<Future<Part>>> e : futures.entrySet()) {
                out.add(report(e.getKey(), e.getValue(), now));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Read> parts(Read r) {
        long len = r.to() - r.from();
        int n = (int) Math.min(threads * 16L, len / partMin);
        if (r.gzip() || threads == 1 || n <= 1) {
            return List.of(r);
        }
        try {
            long[] cuts = files.split(r.path(), r.from(), r.to(), n);
            List<Read> out = new ArrayList<>();
            for (int i = 0; i + 1 < cuts.length; i++) {
                out.add(new Read(r.path(), cuts[i], cuts[i + 1], false));
            }
            return out;
        } catch (IOException e) {
            return List.of(r); // the single read reports the problem
        }
    }

    /** One scanned range of a file: its signatures, bytes read, and the error that stopped it (or null). */
    private record Part(String path, SignatureTable table, long bytes, String error) {
    }

    private Part scanPart(Read r, LinePatterns patterns, ByteBuffer buf, Instant now) {
        SignatureTable table = new SignatureTable(config.getMaxSignatures(), config.getMaxExampleLength(), now);
        StreamScanner scanner = new StreamScanner(patterns, config.getMaxLineCheck(), table);
        try (ReadableByteChannel in = r.gzip() ? gunzip(r) : files.open(r.path(), r.from(), r.to())) {
            return new Part(r.path(), table, drain(in, scanner, buf), null);
        } catch (IOException | RuntimeException e) {
            return new Part(r.path(), table, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private ReadableByteChannel gunzip(Read r) throws IOException {
        InputStream in = new GZIPInputStream(Channels.newInputStream(files.open(r.path(), 0, r.to())), 65536);
        try {
            long skipped = in.skip(r.from());
            while (skipped < r.from() && in.read() >= 0) {
                skipped++;
            }
        } catch (IOException e) {
            in.close();
            throw new IOException(r.path() + ": " + e.getMessage(), e);
        }
        return Channels.newChannel(in);
    }

    /** Streams a channel through the scanner window by window; returns the bytes read. */
    static long drain(ReadableByteChannel in, StreamScanner scanner, ByteBuffer buf) throws IOException {
        if (buf.capacity() < scanner.minWindow()) {
            throw new IllegalArgumentException("window of " + buf.capacity() + " bytes is below " + scanner.minWindow());
        }
        buf.clear();
        int n = 0;
        long total = 0;
        while (true) {
            buf.limit(buf.capacity()).position(n);
            boolean eof = false;
            while (buf.hasRemaining()) {
                if (in.read(buf) < 0) {
                    eof = true;
                    break;
                }
            }
            total += buf.position() - n;
            n = buf.position();
            buf.limit(n);
            int keep = scanner.scan(buf, n, eof);
            if (eof) {
                return total;
            }
            buf.position(keep);
            buf.compact();
            n = buf.position();
        }
    }

    private LogFileReport report(Plan p, List<Future<Part>> parts, Instant now) {
        SignatureTable all = new SignatureTable(config.getMaxSignatures(), config.getMaxExampleLength(), now);
        long bytes = 0;
        String error = p.error;
        for (Future<Part> f : parts) {
            Part part;
            try {
                part = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                part = new Part(p.path, null, 0, "scan interrupted");
            } catch (ExecutionException e) {
                part = new Part(p.path, null, 0, String.valueOf(e.getCause()));
            }
            if (part.table() != null) {
                all.merge(part.table());
            }
            bytes += part.bytes();
            if (part.error() != null) {
                error = error == null ? part.error() : error;
                if (part.path().equals(p.path)) {
                    p.next = null; // the current file failed: keep the old offset so nothing is lost
                }
            }
        }
        return new LogFileReport(p.path, p.app, bytes, all.lines(), all.top(config.getTopSignatures()),
                p.fromOffset, p.toOffset, p.rotatedFrom, error);
    }
}
