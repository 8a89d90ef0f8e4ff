package xyz.twzrd.ops.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
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
import xyz.twzrd.ops.core.Json;

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

    private static final ObjectReader READER = Json.mapper().readerFor(HistoryRecord.class);

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
        byte[] line = (Json.compact(record) + "\n").getBytes(StandardCharsets.UTF_8);
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
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return 1;
        }
        if (text.isBlank()) {
            return 0;
        }
        HistoryRecord record;
        try {
            record = READER.readValue(text);
        } catch (JsonProcessingException e) {
            return 1;
        }
        if (record == null) {
            return 1;
        }
        sink.accept(record);
        return 0;
    }

    /** All readable records, oldest first. */
    public List<HistoryRecord> readAll() throws IOException {
        List<HistoryRecord> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /**
     * Keeps the newest {@code keepRuns} records that started at or after {@code notBefore};
     * rewrites the file atomically under the append lock. Returns how many records were dropped.
     */
    public int retain(int keepRuns, Instant notBefore) throws IOException {
        if (keepRuns < 1) {
            throw new IllegalArgumentException("history retention must keep at least 1 run, got " + keepRuns);
        }
        if (!Files.exists(file)) {
            return 0;
        }
        return locked(() -> {
            List<HistoryRecord> all = new ArrayList<>();
            int skipped = forEach(all::add);
            List<HistoryRecord> recent = all.stream().filter(r -> !r.at().isBefore(notBefore)).toList();
            List<HistoryRecord> kept = recent.subList(Math.max(0, recent.size() - keepRuns), recent.size());
            if (skipped == 0 && kept.size() == all.size()) {
                return 0;
            }
            StringBuilder sb = new StringBuilder();
            kept.forEach(r -> sb.append(Json.compact(r)).append('\n'));
            AtomicFiles.writeString(file, sb.toString());
            return all.size() + skipped - kept.size();
        });
    }
}
