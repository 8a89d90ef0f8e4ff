package xyz.twzrd.ops.core.logs;

import java.nio.file.Path;

/**
 * A log file (or a glob such as {@code /var/log/app/*.log}) to scan, and the app it belongs to
 * ({@code null} or empty when it is not an app's log).
 */
public record LogSource(String app, Path path) {
    public LogSource {
        java.util.Objects.requireNonNull(path, "path");
        app = app == null ? "" : app;
    }
}
