package xyz.twzrd.ops.core.logs;

import java.util.List;

/**
 * What the scan found in one file: one entry of the {@code logs} section of the result.
 *
 * @param path         the file
 * @param app          the app it belongs to (empty when none)
 * @param bytesScanned bytes read this time (rotated file included)
 * @param errorLines   error lines in those bytes
 * @param signatures   the most frequent error signatures
 * @param fromOffset   where reading of the current file started (0 after rotation or on a full scan)
 * @param toOffset     where it stopped: the next scan starts here
 * @param rotatedFrom  the rotated file read first (from the old offset), or null
 * @param error        why the file could not be read, or null
 */
public record LogFileReport(String path, String app, long bytesScanned, long errorLines, List<SignatureStat> signatures,
                            long fromOffset, long toOffset, String rotatedFrom, String error) {
    public LogFileReport {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }
}
