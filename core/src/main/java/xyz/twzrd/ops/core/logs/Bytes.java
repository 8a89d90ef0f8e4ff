package xyz.twzrd.ops.core.logs;

import java.nio.ByteBuffer;

/** Byte searches over a buffer's absolute positions, eight bytes at a time (SWAR). Buffers are little-endian. */
final class Bytes {
    static final byte NL = '\n';
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NLS = ONES * NL;

    private Bytes() {
    }

    /** First index of a newline in {@code [from, to)}, or -1. */
    static int indexOfNewline(ByteBuffer b, int from, int to) {
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long x = b.getLong(i) ^ NLS;
            long z = (x - ONES) & ~x & HIGHS;
            if (z != 0) {
                return i + (Long.numberOfTrailingZeros(z) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b.get(i) == NL) {
                return i;
            }
        }
        return -1;
    }

    /** Last index of a newline in {@code [from, to)}, or -1. */
    static int lastIndexOfNewline(ByteBuffer b, int from, int to) {
        int i = to;
        for (; i - 8 >= from; i -= 8) {
            long x = b.getLong(i - 8) ^ NLS;
            long z = (x - ONES) & ~x & HIGHS;
            if (z != 0) {
                // the lowest flagged byte is exact, higher ones may be borrow artefacts: check them one by one
                for (int j = i - 1; j >= i - 8; j--) {
                    if (b.get(j) == NL) {
                        return j;
                    }
                }
            }
        }
        for (int j = i - 1; j >= from; j--) {
            if (b.get(j) == NL) {
                return j;
            }
        }
        return -1;
    }

    /** Whether {@code lit} occurs at {@code at} (which the caller keeps inside the buffer's limit). */
    static boolean regionMatches(ByteBuffer b, int at, byte[] lit) {
        for (int k = 0; k < lit.length; k++) {
            if (b.get(at + k) != lit[k]) {
                return false;
            }
        }
        return true;
    }
}
