package xyz.twzrd.ops.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the first occurrence of any of a set of literals in a byte range, much faster than byte-by-byte.
 *
 * <p>When every literal has at least 5 bytes, the search is a sampled filter in the manner of Wu–Manber: it reads
 * eight bytes at a time and hashes the 4-byte grams at offsets 0, 2 and 4 into a 64 KiB table (one byte per
 * entry: cheaper to test than a bit, and small enough for the L2 cache) marking two consecutive grams of each
 * literal, the pair least frequent in a sample of the text to scan (without a sample: by a byte-frequency estimate
 * for log text). Every occurrence of a literal has one of its two grams at a sampled position, so unmarked entries
 * prove that no literal starts near the block; on a marked entry the few positions around the block are verified
 * exactly. Typical log text marks well under 1% of blocks, so the loop costs a few instructions per 6 bytes.
 * With a literal of fewer than 5 bytes it falls back to a first-byte table.
 */
final class LiteralFilter {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MUL = 0x9E3779B1;
    private static final int HASH_SHIFT = 16;
    private static final int FAST_MIN = 5;
    private static final int BLOCK = 8;
    private static final int STEP = 6;

    private final byte[][] literals;
    private final int minLen;
    private final int maxLen;
    private final boolean fast;
    private final byte[] table = new byte[1 << (32 - HASH_SHIFT)];
    private final boolean[] first = new boolean[256];

    /**
     * @param literals the literals (non-empty byte strings)
     * @param sample   bytes of the text to be scanned (a heap buffer, position to limit), to pick each literal's
     *                 least frequent grams; null for none
     */
    LiteralFilter(List<byte[]> literals, ByteBuffer sample) {
        this.literals = literals.toArray(new byte[0][]);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (byte[] l : this.literals) {
            min = Math.min(min, l.length);
            max = Math.max(max, l.length);
            first[l[0] & 0xFF] = true;
        }
        this.minLen = this.literals.length == 0 ? 0 : min;
        this.maxLen = max;
        this.fast = this.literals.length > 0 && min >= FAST_MIN;
        if (fast) {
            Map<Integer, Integer> seen = sample == null ? Map.of() : gramCounts(this.literals, sample);
            for (byte[] l : this.literals) {
                int j = rarestWindow(l, seen);
                set(gram(l, j));
                set(gram(l, j + 1));
            }
        }
    }

    /** Longest literal length. */
    int maxLength() {
        return maxLen;
    }

    /**
     * The first literal occurrence found in {@code [from, to)}: {@code position << 16 | literalIndex}, or -1.
     * The occurrence lies wholly inside the range. (Not strictly the leftmost when two overlap closely; callers
     * only need "some occurrence, none missed before it on another line".)
     */
    long find(byte[] b, int from, int to) {
        if (literals.length == 0 || to - from < minLen) {
            return -1;
        }
        int p = from;
        if (fast) {
            byte[] t = table;
            for (int last = to - BLOCK; p <= last; p += STEP) {
                long x = (long) LONG.get(b, p); // not through a helper: C1 inlines the view only this shallow
                int h0 = ((int) x * MUL) >>> HASH_SHIFT;
                int h1 = ((int) (x >>> 16) * MUL) >>> HASH_SHIFT;
                int h2 = ((int) (x >>> 32) * MUL) >>> HASH_SHIFT;
                if ((t[h0] | t[h1] | t[h2]) != 0) {
                    long r = verify(b, Math.max(from, p - maxLen + 4), p + 4, to);
                    if (r >= 0) {
                        return r;
                    }
                }
            }
            // grams from p on were not sampled: an occurrence may start up to maxLen - 4 bytes earlier
            p = Math.max(from, p - maxLen + 4);
        }
        return verify(b, p, to - minLen, to);
    }

    /** Exact check of start positions {@code [start, lastStart]}, each literal ending by {@code to}. */
    private long verify(byte[] b, int start, int lastStart, int to) {
        for (int c = start; c <= lastStart; c++) {
            if (!first[b[c] & 0xFF]) {
                continue;
            }
            for (int i = 0; i < literals.length; i++) {
                byte[] l = literals[i];
                if (c + l.length <= to && Bytes.regionMatches(b, c, l)) {
                    return ((long) c << 16) | i;
                }
            }
        }
        return -1;
    }

    private void set(int gram) {
        table[(gram * MUL) >>> HASH_SHIFT] = 1;
    }

    /** The little-endian int of the 4 bytes of {@code l} at {@code j}, as {@link ByteBuffer#getLong} sees them. */
    private static int gram(byte[] l, int j) {
        return ByteBuffer.wrap(l, j, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /**
     * How often each gram of the literals occurs in the sample (at any position). A byte table on the gram hash
     * keeps the per-position work to a load and a multiply (this runs before the JIT has compiled anything, so
     * it must be cheap even interpreted); only marked positions look the gram up exactly.
     */
    private static Map<Integer, Integer> gramCounts(byte[][] literals, ByteBuffer sample) {
        int n = 0;
        for (byte[] l : literals) {
            n += Math.max(0, l.length - 3);
        }
        int[] grams = new int[n];
        n = 0;
        for (byte[] l : literals) {
            for (int j = 0; j + 4 <= l.length; j++) {
                grams[n++] = gram(l, j);
            }
        }
        Arrays.sort(grams);
        int distinct = 0;
        for (int k = 0; k < grams.length; k++) {
            if (k == 0 || grams[k] != grams[k - 1]) {
                grams[distinct++] = grams[k];
            }
        }
        grams = Arrays.copyOf(grams, distinct);
        byte[] marked = new byte[1 << (32 - HASH_SHIFT)];
        for (int g : grams) {
            marked[(g * MUL) >>> HASH_SHIFT] = 1;
        }
        int[] counts = new int[grams.length];
        byte[] a = sample.array();
        int off = sample.arrayOffset();
        for (int i = off + sample.position(), last = off + sample.limit() - 4; i <= last; i++) {
            int g = Bytes.intAt(a, i);
            if (marked[(g * MUL) >>> HASH_SHIFT] != 0) {
                int k = Arrays.binarySearch(grams, g);
                if (k >= 0) {
                    counts[k]++;
                }
            }
        }
        Map<Integer, Integer> out = new HashMap<>();
        for (int k = 0; k < grams.length; k++) {
            out.put(grams[k], counts[k]);
        }
        return out;
    }

    /**
     * Offset j such that the grams at j and j + 1 are the least frequent pair: by their counts in the sample,
     * ties (and no sample) by the byte-frequency estimate.
     */
    private static int rarestWindow(byte[] l, Map<Integer, Integer> seen) {
        int best = 0;
        long bestScore = Long.MAX_VALUE;
        for (int j = 0; j + 1 + 4 <= l.length; j++) {
            int a = gramScore(l, j);
            int c = gramScore(l, j + 1);
            long observed = (long) seen.getOrDefault(gram(l, j), 0) + seen.getOrDefault(gram(l, j + 1), 0);
            long score = observed * 1_000_000 + (long) Math.max(a, c) * 1000 + a + c;
            if (score < bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    private static int gramScore(byte[] l, int j) {
        int s = 0;
        for (int k = j; k < j + 4; k++) {
            s += commonness(l[k]);
        }
        return s;
    }

    /** Rough frequency class of a byte in log text: spaces, digits and common lower-case letters are frequent. */
    private static int commonness(byte c) {
        if (c == ' ' || (c >= '0' && c <= '9') || "etaoinsrhl".indexOf(c) >= 0) {
            return 4;
        }
        if (c >= 'a' && c <= 'z' || c == ':' || c == '-' || c == '.' || c == '/') {
            return 3;
        }
        if (c >= 'A' && c <= 'Z') {
            return 1;
        }
        return 2;
    }
}
