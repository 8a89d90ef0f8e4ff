package xyz.twzrd.ops.core.logs;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** Where log files are read: this machine through NIO ({@link LocalLogFiles}) or a host's command runner ({@link RemoteLogFiles}). */
public interface LogFiles {
    /** Identity and size of a regular file, as {@code stat} reports it (symbolic links followed). */
    record FileId(long dev, long ino, long size) {
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
     * Split offsets of {@code [from, to)} at line starts into at most {@code parts} ranges:
     * {@code from, s1, ..., to}. The default does not split.
     */
    default long[] split(String path, long from, long to, int parts) throws IOException {
        return new long[] {from, to};
    }
}
