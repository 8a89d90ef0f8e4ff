package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.JsonStream.Codec;
import xyz.twzrd.ops.core.StateFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Small JSON state files of the PM2 checks in the state dir, written atomically, read and written without databind. */
final class StateFiles {
    private StateFiles() {
    }

    static <T> Optional<T> read(Path file, Codec<T> type) throws IOException {
        try {
            return Optional.ofNullable(JsonStream.read(type, Files.readString(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read state file " + file + ": " + StateFolder.reason(e), e);
        }
    }

    /**
     * Reads a state file; one that exists but cannot be read (torn, not JSON, not this shape) is set aside in
     * {@code folder} (reported there once) and counts as missing, so the caller rebuilds it.
     */
    static <T> Optional<T> readOrSetAside(StateFolder folder, Path file, Codec<T> type) throws IOException {
        try {
            return read(file, type);
        } catch (IOException e) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw e; // not a damaged file but one we may not read (permissions): nothing to set aside
            }
            folder.setAside(file, StateFolder.reason(e.getCause() instanceof Exception c ? c : e));
            return Optional.empty();
        }
    }

    /** As {@link #readOrSetAside(StateFolder, Path, Codec)}, outside a run's folder (the finding is not kept). */
    static <T> Optional<T> readOrSetAside(Path file, Codec<T> type, Instant now) throws IOException {
        try {
            return read(file, type);
        } catch (IOException e) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw e;
            }
            StateFolder.setAside(file, now, StateFolder.reason(e.getCause() instanceof Exception c ? c : e));
            return Optional.empty();
        }
    }

    static <T> void write(Path file, Codec<T> type, T value) throws IOException {
        AtomicFiles.writeString(file, JsonStream.pretty(type, value));
    }
}
