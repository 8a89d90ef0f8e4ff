package xyz.twzrd.ops.core.exec;

import java.time.Duration;

/**
 * What a finished command returned.
 *
 * @param exitCode  the process exit status
 * @param stdout    standard output (UTF-8, invalid bytes replaced), at most the command's output limit
 * @param stderr    standard error, likewise
 * @param truncated whether output beyond the limit was dropped
 * @param elapsed   wall time
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean truncated, Duration elapsed) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** First line of stderr (or stdout), for error messages. */
    public String firstErrorLine() {
        String s = stderr.isBlank() ? stdout : stderr;
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
