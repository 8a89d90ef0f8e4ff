package xyz.twzrd.ops.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
     * because they were torn or not a record. A missing file is an empty history.
     */
    public int forEach(Consumer<HistoryRecord> sink) throws IOException {
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(READER.readValue(line));
                } catch (JsonProcessingException e) {
                    skipped++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return skipped;
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
