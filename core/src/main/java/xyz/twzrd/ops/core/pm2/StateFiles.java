package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Small JSON state files of the PM2 checks in the state dir, written atomically. */
final class StateFiles {
    private StateFiles() {
    }

    static <T> Optional<T> read(Path file, Class<T> type) throws IOException {
        try {
            return Optional.ofNullable(Json.mapper().readValue(Files.readString(file), type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, Json.pretty(value));
    }
}
