package xyz.twzrd.ops.core.history;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.JsonStream;

/**
 * The run history: JSON Lines, one {@link HistoryRecord} per line, in {@code history.jsonl} of the state folder.
 *
 * <p>Appends take an exclusive {@link FileLock} on {@code history.lock} beside it, so two overlapping runs
 * never interleave their lines. Reading streams line by line and skips a torn or unreadable line (a run killed mid-write)
 * instead of failing. Retention rewrites the file atomically, under the same lock, keeping the newest records.
 */
public final class HistoryStore {
    public static final String FILE = "history.jsonl";
    public static final String LOCK = "history.lock";

    private final Path file;
    private final Path lock;

    public HistoryStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
        this.lock = stateDir.resolve(LOCK);
    }

    /** An action on the history file while holding the lock. */
    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T locked(Locked<T> action) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // FileLock excludes other processes; threads of this JVM (parallel Jenkins builds) queue here first
        synchronized (HistoryStore.class) {
            return lockedFile(action);
        }
    }

    private <T> T lockedFile(Locked<T> action) throws IOException {
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return action.run();
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one record as one line, under an exclusive lock. */
    public void append(HistoryRecord record) throws IOException {
        byte[] line = (JsonStream.compact(HistoryRecord.JSON, record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            locked(() -> {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    ByteBuffer buf = ByteBuffer.wrap(endsTorn(ch) ? prefixNewline(line) : line);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new IOException("cannot append to history " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when the file's last byte is not a newline: a run was killed mid-line. */
    private boolean endsTorn(FileChannel append) throws IOException {
        long size = append.size();
        if (size == 0) {
            return false;
        }
        try (FileChannel r = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            r.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] prefixNewline(byte[] line) {
        byte[] out = new byte[line.length + 1];
        out[0] = '\n';
        System.arraycopy(line, 0, out, 1, line.length);
        return out;
    }

    /**
     * Streams every readable record, oldest first, to the consumer; returns the number of lines skipped
     * because they were torn, not valid UTF-8 (a full disk can tear a multi-byte character) or not a record. A
     * missing file is an empty history. Lines are split on the newline byte and decoded one by one, so one bad line
     * never hides the others.
     */
    public int forEach(Consumer<HistoryRecord> sink) throws IOException {
        int skipped = 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); ; n = in.read(buf)) {
                int from = 0;
                for (int i = 0; i < Math.max(n, 0); i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i - from);
                        skipped += accept(line, utf8, sink);
                        from = i + 1;
                    }
                }
                if (n < 0) {
                    skipped += accept(line, utf8, sink);
                    break;
                }
                line.write(buf, from, n - from);
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return skipped;
    }

    /** Decodes and hands on one line (then empties the buffer); returns 1 when the line was skipped. */
    private static int accept(ByteArrayOutputStream line, CharsetDecoder utf8, Consumer<HistoryRecord> sink) {
        if (line.size() == 0) {
            return 0;
        }
        byte[] bytes = line.toByteArray();
        line.reset();
        if (isBlank(bytes)) {
            return 0;
        }
        if (!validUtf8(bytes, bytes.length, utf8)) {
            return 1;
        }
        HistoryRecord record = HistoryRecordParser.parse(bytes, 0, bytes.length);
        if (record == null) {
            return 1;
        }
        sink.accept(record);
        return 0;
    }

    private static boolean isBlank(byte[] b) {
        for (byte c : b) {
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code end} bytes are valid UTF-8 (checked only when a byte is not ASCII). */
    private static boolean validUtf8(byte[] b, int end, CharsetDecoder utf8) {
        for (int i = 0; i < end; i++) {
            if (b[i] < 0) {
                try {
                    utf8.reset().decode(ByteBuffer.wrap(b, 0, end));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One pass over the file as bytes, without a JSON parse: how many runs {@code check} selects (all when
     * empty), how many per severity, how many lines are not whole records (torn), and where the newest
     * {@code keepLast} selected lines are, so {@link #read} can parse just those. Each line's {@code check} and
     * {@code severity} are read where the writer puts them (the record's leading fields, {@link HistoryRecord}'s
     * property order). Memory: the positions of {@code keepLast} lines.
     */
    public Index index(java.util.Optional<String> check, int keepLast) throws IOException {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must be 0 or more, not " + keepLast);
        }
        java.util.Map<xyz.twzrd.ops.core.Severity, Integer> counts = new java.util.EnumMap<>(xyz.twzrd.ops.core.Severity.class);
        long[] starts = new long[Math.max(1, keepLast)];
        int[] lengths = new int[starts.length];
        int kept = 0;
        int runs = 0;
        int skipped = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            LineReader lines = new LineReader(in);
            for (long at = lines.next(); at >= 0; at = lines.next()) {
                byte[] b = lines.buf;
                int len = lines.len;
                int end = trimmedEnd(b, len);
                if (end == 0) {
                    continue;
                }
                xyz.twzrd.ops.core.Severity sev = b[0] == '{' && b[end - 1] == '}' ? severityOf(b, end) : null;
                String c = sev == null ? null : stringField(b, end, CHECK_KEY);
                if (sev == null || c == null) {
                    skipped++;
                    continue;
                }
                if (check.isPresent() && !c.equals(check.get())) {
                    continue;
                }
                runs++;
                counts.merge(sev, 1, Integer::sum);
                if (keepLast > 0) {
                    starts[kept % starts.length] = at;
                    lengths[kept % starts.length] = len;
                    kept++;
                }
            }
        } catch (NoSuchFileException e) {
            return new Index(0, counts, 0, new long[0], new int[0]);
        }
        int n = Math.min(kept, keepLast);
        long[] s = new long[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            int k = (kept - n + i) % starts.length;
            s[i] = starts[k];
            l[i] = lengths[k];
        }
        return new Index(runs, java.util.Collections.unmodifiableMap(counts), skipped, s, l);
    }

    /**
     * What {@link #index} found: selected runs, runs per severity, lines skipped, and the file positions and
     * lengths of the newest selected lines, oldest first.
     */
    public record Index(int runs, java.util.Map<xyz.twzrd.ops.core.Severity, Integer> bySeverity, int skipped,
                        long[] starts, int[] lengths) {
        /** How many of the newest lines {@link #read} can parse. */
        public int kept() {
            return starts.length;
        }
    }

    /**
     * Parses the newest {@code last} lines of an index (at most {@link Index#kept()}), oldest first; a line that
     * looked whole but is not a record is left out (the caller may count it as skipped: {@code kept - size}).
     */
    public List<HistoryRecord> read(Index index, int last) throws IOException {
        int n = Math.min(last, index.kept());
        List<HistoryRecord> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = index.kept() - n; i < index.kept(); i++) {
                ByteBuffer buf = ByteBuffer.allocate(index.lengths()[i]);
                while (buf.hasRemaining() && ch.read(buf, index.starts()[i] + buf.position()) > 0) {
                    // fill
                }
                HistoryRecord r = HistoryRecordParser.parse(buf.array(), 0, buf.position());
                if (r != null) { // else: looked whole, is not a record
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static final byte[] AT_KEY = "\"at\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_KEY = "\"check\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEVERITY_KEY = "\"severity\":\"".getBytes(StandardCharsets.UTF_8);

    /** The run's severity: the first {@code "severity":"X"} of the line (it precedes the findings map), or null. */
    private static xyz.twzrd.ops.core.Severity severityOf(byte[] b, int end) {
        String s = stringField(b, end, SEVERITY_KEY);
        if (s == null) {
            return null;
        }
        for (xyz.twzrd.ops.core.Severity v : xyz.twzrd.ops.core.Severity.values()) {
            if (v.name().equals(s)) {
                return v;
            }
        }
        return null;
    }

    /** The string after the first {@code key} (a {@code "name":"} prefix) up to its closing quote, unescaped; or null. */
    private static String stringField(byte[] b, int end, byte[] key) {
        int at = indexOf(b, end, key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length;
        for (int i = from; i < end; i++) {
            if (b[i] == '"') {
                return new String(b, from, i - from, StandardCharsets.UTF_8);
            }
            if (b[i] == '\\') {
                // an escaped value: let the JSON parser read it
                return HistoryRecordParser.string(b, at + key.length - 1, end - at - key.length + 1);
            }
        }
        return null;
    }

    private static int indexOf(byte[] b, int end, byte[] key) {
        outer:
        for (int i = 0, last = end - key.length; i <= last; i++) {
            for (int k = 0; k < key.length; k++) {
                if (b[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Lines of a stream as bytes (without the newline) and the file offset each starts at. */
    private static final class LineReader {
        private final java.io.InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int filled;
        byte[] buf = new byte[1024];
        int len;
        private long offset;

        LineReader(java.io.InputStream in) {
            this.in = in;
        }

        /** Reads the next line into {@code buf[0, len)}; returns its start offset, or -1 at the end. */
        long next() throws IOException {
            long start = offset;
            len = 0;
            while (true) {
                if (pos == filled) {
                    filled = in.read(chunk);
                    pos = 0;
                    if (filled <= 0) {
                        filled = 0;
                        return len > 0 ? start : -1;
                    }
                }
                int i = pos;
                while (i < filled && chunk[i] != '\n') {
                    i++;
                }
                int n = i - pos;
                if (len + n > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
                }
                System.arraycopy(chunk, pos, buf, len, n);
                len += n;
                offset += n;
                pos = i;
                if (i < filled) {
                    pos++;
                    offset++;
                    return start;
                }
            }
        }
    }

    /** All readable records, oldest first. */
    public List<HistoryRecord> readAll() throws IOException {
        List<HistoryRecord> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /**
     * Keeps the newest {@code keepRuns} records that started at or after {@code notBefore}, and drops the lines
     * that are not whole records (torn, not valid UTF-8, no {@code at}, {@code check} or {@code severity}); rewrites
     * the file atomically under the append lock when something is dropped. One pass over the bytes, without a JSON
     * parse: the lines kept are copied as they are. Returns how many lines were dropped.
     */
    public int retain(int keepRuns, Instant notBefore) throws IOException {
        if (keepRuns < 1) {
            throw new IllegalArgumentException("history retention must keep at least 1 run, got " + keepRuns);
        }
        if (!Files.exists(file)) {
            return 0;
        }
        return locked(() -> {
            String cutoff = notBefore.toString();
            List<long[]> recent = new ArrayList<>(); // {start, length} of each record new enough
            int dropped = 0;
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try (InputStream in = Files.newInputStream(file)) {
                LineReader lines = new LineReader(in);
                for (long at = lines.next(); at >= 0; at = lines.next()) {
                    int end = trimmedEnd(lines.buf, lines.len);
                    if (end == 0) {
                        dropped += lines.len > 0 ? 1 : 0; // only blanks: nothing of a record
                        continue;
                    }
                    String started = wholeRecord(lines.buf, end, utf8) ? stringField(lines.buf, end, AT_KEY) : null;
                    if (started == null || before(started, cutoff, notBefore)) {
                        dropped++;
                    } else {
                        recent.add(new long[] {at, lines.len});
                    }
                }
            } catch (NoSuchFileException e) {
                return 0;
            }
            int over = Math.max(0, recent.size() - keepRuns);
            if (dropped + over == 0) {
                return 0;
            }
            AtomicFiles.write(file, copyLines(recent.subList(over, recent.size())));
            return dropped + over;
        });
    }

    /**
     * {@link #retain} when it is due: on the first run of each UTC day (the record just appended, started at
     * {@code now}, is of another day than the one before it), so an hourly check does not read the whole history
     * on every run; until then up to a day's runs past {@code keepRuns} or {@code notBefore} may be on file.
     * Reads only the file's tail to decide. Returns how many lines were dropped.
     */
    public int retainDaily(int keepRuns, Instant notBefore, Instant now) throws IOException {
        String previous = previousRecordStart();
        if (previous != null && previous.length() >= 10 && previous.regionMatches(0, now.toString(), 0, 10)) {
            return 0;
        }
        return retain(keepRuns, notBefore);
    }

    /** The {@code at} of the record before the newest (the line before the last), or null if there is none. */
    private String previousRecordStart() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(size, 1 << 16);
            ByteBuffer tail = ByteBuffer.allocate(n);
            while (tail.hasRemaining() && ch.read(tail, size - n + tail.position()) > 0) {
                // fill
            }
            byte[] b = tail.array();
            int end = n;
            while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
                end--;
            }
            int lastStart = lastIndexOf(b, end, (byte) '\n');
            if (lastStart < 0) {
                return null;
            }
            int prevStart = lastIndexOf(b, lastStart, (byte) '\n') + 1;
            if (prevStart == 0 && size > n) {
                return null; // a line longer than the tail read: retention decides by its full pass
            }
            byte[] line = java.util.Arrays.copyOfRange(b, prevStart, lastStart);
            return stringField(line, line.length, AT_KEY);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static int lastIndexOf(byte[] b, int end, byte v) {
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int trimmedEnd(byte[] b, int len) {
        int end = len;
        while (end > 0 && (b[end - 1] == '\r' || b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /** Looks like one whole record: braces at both ends, valid UTF-8, and the check and severity a reader needs. */
    private static boolean wholeRecord(byte[] b, int end, CharsetDecoder utf8) {
        return b[0] == '{' && b[end - 1] == '}' && severityOf(b, end) != null && stringField(b, end, CHECK_KEY) != null
                && validUtf8(b, end, utf8);
    }

    /**
     * Whether a record's {@code at} is before the cutoff. Instants as written here compare as text up to the
     * second ({@code 2026-01-01T01:00:00}); within the same second, or in another shape, they are parsed.
     */
    private static boolean before(String at, String cutoff, Instant notBefore) {
        if (at.length() > 19 && cutoff.length() > 19 && at.charAt(4) == '-' && cutoff.charAt(4) == '-'
                && at.charAt(10) == 'T' && cutoff.charAt(10) == 'T') {
            int c = at.substring(0, 19).compareTo(cutoff.substring(0, 19));
            if (c != 0) {
                return c < 0;
            }
        }
        try {
            return Instant.parse(at).isBefore(notBefore);
        } catch (java.time.format.DateTimeParseException e) {
            return true; // not a time: not a record a reader can place
        }
    }

    /** The bytes of the given lines ({start, length} in the file), each ending in a newline. */
    private byte[] copyLines(List<long[]> lines) throws IOException {
        long total = 0;
        for (long[] l : lines) {
            total += l[1] + 1;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException("history file too large to rewrite: " + total + " bytes");
        }
        byte[] out = new byte[(int) total];
        int pos = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long[] l : lines) {
                ByteBuffer line = ByteBuffer.wrap(out, pos, (int) l[1]);
                while (line.hasRemaining() && ch.read(line, l[0] + (line.position() - pos)) > 0) {
                    // fill
                }
                pos += (int) l[1];
                out[pos++] = '\n';
            }
        }
        return out;
    }
}
