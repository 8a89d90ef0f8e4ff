package xyz.twzrd.ops.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader sees either the old content or the new, never a torn file:
 * a temp file in the same folder, forced to disk, then renamed over the target.
 * On any failure (full disk, no permission) the temp file is removed, the old file is untouched,
 * and the error names the file.
 */
public final class AtomicFiles {
    /*
     * The temp file: readable by its owner only (as Files.createTempFile makes it), created new, named by this
     * process's id, the time and a counter, so no two writers share one. Not Files.createTempFile: its random names
     * start a SecureRandom, which cost an hourly run more than all of its own file writes.
     */
    private static final Set<StandardOpenOption> OWNER_ONLY_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create folder " + dir + " for " + target.getFileName() + ": " + e, e);
        }
        Path tmp = null;
        try {
            Path candidate = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Long.toHexString(System.nanoTime()) + "." + SEQUENCE.incrementAndGet() + ".tmp");
            FileChannel created = FileChannel.open(candidate, OWNER_ONLY_NEW, OWNER_ONLY);
            tmp = candidate; // ours from here on: removed if anything below fails
            try (FileChannel ch = created) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more
                }
            }
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
