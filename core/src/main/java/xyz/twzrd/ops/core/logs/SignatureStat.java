package xyz.twzrd.ops.core.logs;

import java.time.Instant;

/**
 * One error signature of a file.
 *
 * @param signature the normalised line (see {@link Signatures})
 * @param count     error lines with this signature in the scanned bytes
 * @param firstSeen earliest line time (the line's own timestamp, else the scan time)
 * @param lastSeen  latest line time, likewise
 * @param example   the first such line, control characters replaced, cut to the configured length
 */
public record SignatureStat(String signature, long count, Instant firstSeen, Instant lastSeen, String example) {
}
