package xyz.twzrd.ops.core.logs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the error lines of one byte stream that arrives in windows (a file part, a rotated file, remote bytes).
 *
 * <p>The caller fills a heap buffer, calls {@link #scan}, keeps the bytes from the returned index on (moving them to the
 * front) and appends the next bytes behind them. A window always starts at a line start, except while a line
 * longer than {@code maxLineCheck} is open: then only that line's head is kept (as a copy) and the rest of
 * it streams through, still searched for literals, so memory stays bounded by the window and the head.
 * Matched lines go to the {@link Sink} as their decoded head (invalid UTF-8 replaced).
 */
final class StreamScanner {
    /** Receives each error line. */
    interface Sink {
        void errorLine(String head, boolean truncated);
    }

    private final LinePatterns patterns;
    private final LiteralFilter filter;
    private final Sink sink;
    private final int cap;
    private final int keep;

    private boolean inLong;
    private final byte[] head;
    private boolean longPlain;

    StreamScanner(LinePatterns patterns, int maxLineCheck, Sink sink) {
        this.patterns = patterns;
        this.filter = patterns.filter();
        this.sink = sink;
        this.cap = maxLineCheck;
        this.keep = Math.max(0, filter.maxLength() - 1);
        this.head = new byte[maxLineCheck];
    }

    /** Smallest window size this scanner accepts. */
    int minWindow() {
        return cap + keep + 1;
    }

    /**
     * Scans {@code b[0, n)} ({@code n <= b.limit()}); {@code eof} when no bytes follow. Returns the index from which
     * the bytes must be kept for the next window ({@code n} at the end of the stream).
     */
    int scan(ByteBuffer buf, int n, boolean eof) {
        if (!buf.hasArray() || buf.arrayOffset() != 0) {
            throw new IllegalArgumentException("the window must be a heap buffer at offset 0");
        }
        byte[] b = buf.array();
        int pos = 0;
        if (inLong) {
            int nl = Bytes.indexOfNewline(b, 0, n);
            int segEnd = nl < 0 ? n : nl;
            if (!longPlain) {
                longPlain = patterns.plainIn(b, 0, segEnd);
            }
            if (nl < 0 && !eof) {
                return Math.max(0, n - keep);
            }
            finishLong();
            if (nl < 0) {
                return n;
            }
            pos = nl + 1;
        }
        while (pos < n) {
            if (patterns.everyLine()) {
                int le = Bytes.indexOfNewline(b, pos, n);
                if (le < 0) {
                    break;
                }
                line(b, pos, le, false);
                pos = le + 1;
                continue;
            }
            long found = filter.find(b, pos, n);
            if (found < 0) {
                int nl = Bytes.lastIndexOfNewline(b, pos, n);
                pos = nl < 0 ? pos : nl + 1;
                break;
            }
            int c = (int) (found >>> 16);
            int nlBefore = Bytes.lastIndexOfNewline(b, pos, c);
            int ls = nlBefore < 0 ? pos : nlBefore + 1;
            int le = Bytes.indexOfNewline(b, c, n);
            if (le < 0) {
                pos = ls;
                break;
            }
            // the literal found proves the line only when it ends inside it (a literal with a line break or a
            // trailing CR cannot be in a line)
            int end = le > ls && b[le - 1] == '\r' ? le - 1 : le;
            line(b, ls, le, patterns.isPlain(found) && c + filter.length(found) <= end);
            pos = le + 1;
        }
        if (pos >= n) {
            return n;
        }
        if (eof) {
            line(b, pos, n, false);
            return n;
        }
        if (n - pos <= cap) {
            return pos;
        }
        startLong(b, pos, n);
        return n - keep;
    }

    /** Evaluates the complete line {@code [ls, le)}; {@code plainKnown} when a literal pattern was already seen. */
    private void line(byte[] b, int ls, int le, boolean plainKnown) {
        int end = le > ls && b[le - 1] == '\r' ? le - 1 : le;
        int headEnd = Math.min(end, ls + cap);
        boolean matched = plainKnown || patterns.plainIn(b, ls, end);
        String text = null;
        if (!matched) {
            text = decode(b, ls, headEnd);
            matched = patterns.regexMatches(text);
        }
        if (matched) {
            sink.errorLine(text != null ? text : decode(b, ls, headEnd), headEnd < end);
        }
    }

    private void startLong(byte[] b, int from, int n) {
        inLong = true;
        System.arraycopy(b, from, head, 0, cap);
        longPlain = patterns.plainIn(b, from, n);
    }

    private void finishLong() {
        inLong = false;
        String text = new String(head, StandardCharsets.UTF_8);
        if (longPlain || patterns.regexMatches(text)) {
            sink.errorLine(text, true);
        }
    }

    private static String decode(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
