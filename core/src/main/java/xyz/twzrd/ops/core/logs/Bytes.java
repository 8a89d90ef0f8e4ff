package xyz.twzrd.ops.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over a byte array, eight bytes at a time (SWAR). Eight-byte words are read little-endian through
 * a byte-array view {@link VarHandle}, which both JIT compilers turn into one load (C1 as well, unlike the deep
 * call chain of {@code ByteBuffer.getLong}), so the scan is fast from the start of a short run.
 */
final class Bytes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final byte NL = '\n';
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NLS = ONES * NL;

    private Bytes() {
    }

    /** First index of a newline in {@code [from, to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long x = (long) LONG.get(b, i) ^ NLS;
            long z = (x - ONES) & ~x & HIGHS;
            if (z != 0) {
                return i + (Long.numberOfTrailingZeros(z) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == NL) {
                return i;
            }
        }
        return -1;
    }

    /** Last index of a newline in {@code [from, to)}, or -1. */
    static int lastIndexOfNewline(byte[] b, int from, int to) {
        int i = to;
        for (; i - 8 >= from; i -= 8) {
            long x = (long) LONG.get(b, i - 8) ^ NLS;
            long z = (x - ONES) & ~x & HIGHS;
            if (z != 0) {
                // the lowest flagged byte is exact, higher ones may be borrow artefacts: check them one by one
                for (int j = i - 1; j >= i - 8; j--) {
                    if (b[j] == NL) {
                        return j;
                    }
                }
            }
        }
        for (int j = i - 1; j >= from; j--) {
            if (b[j] == NL) {
                return j;
            }
        }
        return -1;
    }

    /** The little-endian long at {@code i} (eight bytes must be there). */
    static long longAt(byte[] b, int i) {
        return (long) LONG.get(b, i);
    }

    /** The little-endian int at {@code i} (four bytes must be there). */
    static int intAt(byte[] b, int i) {
        return (int) INT.get(b, i);
    }

    /** Whether {@code lit} occurs at {@code at} (which the caller keeps inside the buffer's limit). */
    static boolean regionMatches(byte[] b, int at, byte[] lit) {
        for (int k = 0; k < lit.length; k++) {
            if (b[at + k] != lit[k]) {
                return false;
            }
        }
        return true;
    }
}
