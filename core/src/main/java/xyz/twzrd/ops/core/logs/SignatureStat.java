package xyz.twzrd.ops.core.logs;

import java.time.Instant;
import java.util.List;

/**
 * One error signature of a file.
 *
 * @param signature the normalised line (see {@link Signatures}), secrets redacted
 * @param count     error lines with this signature in the scanned bytes
 * @param firstSeen earliest line time (the line's own timestamp, else the scan time)
 * @param lastSeen  latest line time, likewise
 * @param example   the first such line, control characters replaced, secrets redacted, cut to the configured length
 * @param examples  up to {@value #MAX_EXAMPLES} different such lines (the first is {@code example}), made safe alike
 */
public record SignatureStat(String signature, long count, Instant firstSeen, Instant lastSeen, String example,
                            List<String> examples) {
    /** Most example lines kept per signature. */
    public static final int MAX_EXAMPLES = 3;

    public SignatureStat {
        examples = examples == null || examples.isEmpty() ? (example == null ? List.of() : List.of(example))
                : List.copyOf(examples.subList(0, Math.min(MAX_EXAMPLES, examples.size())));
    }

    public SignatureStat(String signature, long count, Instant firstSeen, Instant lastSeen, String example) {
        this(signature, count, firstSeen, lastSeen, example, null);
    }
}
