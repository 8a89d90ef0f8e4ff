package xyz.twzrd.ops.core.logs;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/** Where log files are read: this machine through NIO ({@link LocalLogFiles}) or a host's command runner ({@link RemoteLogFiles}). */
public interface LogFiles {
    /** Identity, size and modification time (epoch milliseconds) of a regular file, as {@code stat} reports them (symbolic links followed). */
    record FileId(long dev, long ino, long size, long mtimeMillis) {
    }

    /** A name for the host; empty for this machine. Offsets are remembered per host and path. */
    String host();

    /** The file's identity; an IOException (naming the path) when it is missing, unreadable or not a regular file. */
    FileId stat(String path) throws IOException;

    /** The bytes {@code [from, to)} of a file (fewer when it shrank meanwhile). */
    ReadableByteChannel open(String path, long from, long to) throws IOException;

    /** Whether {@link #open} returns the bytes unchanged, so compressed files can be read. */
    boolean exactBytes();

    /**
     * Files a rotation may have moved or copied this file's older bytes to, most likely first: {@code FILE.1},
     * {@code FILE.1.gz}; where the folder can be listed also the newest pm2-logrotate copy
     * ({@code NAME__2026-11-30_00-00-00.EXT}, plain or {@code .gz}).
     */
    default List<String> rotatedNames(String path) throws IOException {
        return List.of(path + ".1", path + ".1.gz");
    }

    /**
     * Split offsets of {@code [from, to)} at line starts into at most {@code parts} ranges:
     * {@code from, s1, ..., to}. The default does not split.
     */
    default long[] split(String path, long from, long to, int parts) throws IOException {
        return new long[] {from, to};
    }
}
