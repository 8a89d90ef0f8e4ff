package xyz.twzrd.ops.core.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.StateFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the last scan of each file stopped, kept in {@code <state-dir>/logscan-offsets-<check>.json} (one file per
 * check kind) and written atomically.
 * Entries are keyed by path ({@code host:path} for remote hosts); entries not touched for 30 days are dropped.
 */
public final class LogOffsets {
    /** The file name inside the state folder. */
    public static final String FILE = "logscan-offsets.json";
    private static final Duration KEEP = Duration.ofDays(30);

    /**
     * One file's position.
     *
     * @param dev       device of the file when it was read
     * @param ino       inode of the file when it was read
     * @param size      size when it was read
     * @param offset    the byte up to which it was scanned
     * @param updatedAt when the entry was written
     * @param headLength how many bytes at the file start {@code headCrc} covers (0: none)
     * @param headCrc   CRC-32 of those bytes: a file truncated and rewritten past the offset between two scans
     *                  (copy-and-truncate rotation) keeps its inode but not its first bytes
     */
    public record Entry(long dev, long ino, long size, long offset, Instant updatedAt, int headLength, long headCrc) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final String loadProblem;

    private LogOffsets(Path file, Map<String, Entry> entries, String loadProblem) {
        this.file = file;
        this.entries = entries;
        this.loadProblem = loadProblem;
    }

    /** Reads the offsets of a state folder; a missing file is an empty state, a damaged one is reported and replaced. */
    public static LogOffsets load(Path stateDir) {
        Path f = stateDir.resolve(FILE);
        try {
            return new LogOffsets(f, read(f), null);
        } catch (NoSuchFileException e) {
            return new LogOffsets(f, new TreeMap<>(), null);
        } catch (IOException | RuntimeException e) {
            return new LogOffsets(f, new TreeMap<>(), f + " could not be read (" + e.getMessage()
                    + "); all files are scanned from the start");
        }
    }

    /**
     * Reads the offsets of one check kind ({@code logscan-offsets-<check>.json}); on its first run it starts from
     * the shared file of older versions when there is one (read only). A damaged file is set aside in the folder
     * (an ALERT naming it) and every file is scanned from the start.
     */
    public static LogOffsets load(StateFolder state) {
        Path own = state.own(FILE);
        try {
            return new LogOffsets(own, read(own), null);
        } catch (NoSuchFileException e) {
            try {
                return new LogOffsets(own, read(state.shared(FILE)), null);
            } catch (IOException | RuntimeException old) {
                return new LogOffsets(own, new TreeMap<>(), null);
            }
        } catch (IOException | RuntimeException e) {
            if (!Files.isReadable(own)) {
                return new LogOffsets(own, new TreeMap<>(), own + " could not be read (" + e.getMessage()
                        + "); all files are scanned from the start");
            }
            Finding f = state.setAside(own, StateFolder.reason(e));
            return new LogOffsets(own, new TreeMap<>(), f.message() + "; all files are scanned from the start");
        }
    }

    private static Map<String, Entry> read(Path f) throws IOException {
        Map<String, Entry> m = Json.mapper().readValue(Files.readAllBytes(f), new TypeReference<TreeMap<String, Entry>>() {
        });
        return m == null ? new TreeMap<>() : m;
    }

    /** Why the saved offsets could not be used, or null. */
    public String loadProblem() {
        return loadProblem;
    }

    public Entry get(String key) {
        return entries.get(key);
    }

    public void put(String key, Entry e) {
        entries.put(key, e);
    }

    public void remove(String key) {
        entries.remove(key);
    }

    /** Drops stale entries and writes the file atomically. */
    public void save(Instant now) throws IOException {
        entries.values().removeIf(e -> e.updatedAt() != null && e.updatedAt().isBefore(now.minus(KEEP)));
        AtomicFiles.writeString(file, Json.pretty(entries));
    }
}
