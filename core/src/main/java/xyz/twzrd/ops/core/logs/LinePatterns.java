package xyz.twzrd.ops.core.logs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The compiled error patterns: literals searched as bytes by one {@link LiteralFilter}, regexes run on the
 * decoded head of a candidate line. A literal pattern matches wherever it occurs in a line (however long);
 * a regex sees the first {@code maxLineCheck} bytes of the line.
 */
final class LinePatterns {
    private final LiteralFilter filter;
    /** Per filter literal: true when it is a pattern of its own, false when it is only a regex's required literal. */
    private final boolean[] plain;
    private final List<Pattern> regexes = new ArrayList<>();
    private final boolean everyLine;
    private final LiteralFilter plainOnly;

    /**
     * @param patterns the configured patterns
     * @param sample   a sample of the text to scan (see {@link LiteralFilter}), or null
     */
    LinePatterns(List<LogPattern> patterns, ByteBuffer sample) {
        List<byte[]> lits = new ArrayList<>();
        List<Boolean> isPlain = new ArrayList<>();
        List<byte[]> plainLits = new ArrayList<>();
        boolean unfiltered = false;
        for (LogPattern p : patterns) {
            if (p.getLiteral() != null) {
                byte[] l = p.getLiteral().getBytes(StandardCharsets.UTF_8);
                lits.add(l);
                isPlain.add(true);
                plainLits.add(l);
            } else {
                regexes.add(Pattern.compile(p.getRegex()));
                if (p.getRequire() == null) {
                    unfiltered = true;
                } else {
                    lits.add(p.getRequire().getBytes(StandardCharsets.UTF_8));
                    isPlain.add(false);
                }
            }
        }
        this.filter = new LiteralFilter(lits, sample);
        this.plain = new boolean[isPlain.size()];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = isPlain.get(i);
        }
        this.everyLine = unfiltered;
        this.plainOnly = new LiteralFilter(plainLits, sample);
    }

    /** True when some regex has no required literal, so every line must be decoded and checked. */
    boolean everyLine() {
        return everyLine;
    }

    /** The filter over all literals (patterns and required literals). */
    LiteralFilter filter() {
        return filter;
    }

    /** Whether the literal of a {@link LiteralFilter#find} result is a pattern of its own. */
    boolean isPlain(long found) {
        return plain[(int) (found & 0xFFFF)];
    }

    /** Whether a literal pattern occurs in {@code [from, to)}. */
    boolean plainIn(byte[] b, int from, int to) {
        return plainOnly.find(b, from, to) >= 0;
    }

    /** Whether some regex matches the decoded line head. */
    boolean regexMatches(String head) {
        for (Pattern r : regexes) {
            if (r.matcher(head).find()) {
                return true;
            }
        }
        return false;
    }
}
