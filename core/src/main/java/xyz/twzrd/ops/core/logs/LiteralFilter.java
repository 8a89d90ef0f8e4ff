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
 * Finds an occurrence of any of a set of literals in a byte range, much faster than byte by byte. One of two
 * searches, whichever the cost estimate below prefers for the literal set and the text:
 *
 * <p><b>Rare bytes</b> (what {@code grep -F} and ripgrep do with {@code memchr}): every literal has a byte that is
 * rare in the text to scan (by the byte frequencies of a sample of it, without a sample by a table for log text);
 * up to {@value #MAX_TARGETS} such bytes cover the whole set (two bytes that differ in one bit count as one). The
 * loop reads eight bytes at a time and tests them for all those bytes at once with a few word operations (SWAR);
 * only where one of them occurs are the literals that have it at a known offset compared exactly. For
 * {@code ERROR}, {@code FATAL}, {@code Unhandled} on PM2 logs that is one candidate every few hundred bytes, and
 * the loop costs a few instructions per 8 bytes under either JIT compiler.
 *
 * <p><b>Sampled grams</b> (in the manner of Wu–Manber), for sets that no few rare bytes cover, or whose rare bytes
 * are still frequent enough to cost more (the default patterns: {@code uncaught}), when every literal
 * has at least 5 bytes: the loop hashes the 4-byte grams at offsets 0, 2 and 4 of every 8 bytes (stepping by 6)
 * into a 64 KiB table marking two consecutive grams of each literal, the pair least frequent in the sample. Every
 * occurrence of a literal has one of its two grams at a sampled position, so unmarked entries prove that no literal
 * starts near the block; on a marked entry the positions around the block are verified exactly. With a literal of
 * fewer than 5 bytes and no rare-byte cover, a first-byte table.
 */
final class LiteralFilter {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MUL = 0x9E3779B1;
    private static final int HASH_SHIFT = 16;
    private static final int FAST_MIN = 5;
    private static final int BLOCK = 8;
    private static final int STEP = 6;
    /** Most distinct rare bytes searched at once (each costs ~5 word operations per 8 bytes). */
    static final int MAX_TARGETS = 4;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /**
     * Estimated cost per text byte, in nanoseconds beyond the 8-byte load and loop that both searches pay: of the gram
     * search, and (see {@link #cost}) of one rare-byte target, its mask, and a candidate to verify.
     */
    private static final double GRAM_COST = 0.80;
    private static final double TARGET_COST = 0.15;
    private static final double MASK_COST = 0.03;
    private static final double VERIFY_COST = 40;

    /** Which search {@link #find} runs. */
    enum Mode { NONE, RARE, GRAMS, FIRST_BYTE }

    private final byte[][] literals;
    private final int minLen;
    private final int maxLen;
    private final Mode mode;
    // grams
    private final byte[] table = new byte[1 << (32 - HASH_SHIFT)];
    private final boolean[] first = new boolean[256];
    // rare bytes: the targets (each repeated in all 8 lanes: a byte c is one when (c | mask) == target, so a target
    // with a one-bit mask is two byte values), their count, and per byte value which target it is (0: none, else
    // target + 1); per target the literals to verify and the offset of the target byte in each
    private final long[] target = new long[MAX_TARGETS];
    private final long[] targetMask = new long[MAX_TARGETS];
    private int targets;
    private final byte[] targetOf = new byte[256];
    private final int[][] verifyLit = new int[MAX_TARGETS][];
    private final int[][] verifyOff = new int[MAX_TARGETS][];

    /**
     * @param literals the literals (non-empty byte strings)
     * @param sample   bytes of the text to be scanned (a heap buffer, position to limit), to pick the rare bytes and
     *                 grams; null for none
     */
    LiteralFilter(List<byte[]> literals, ByteBuffer sample) {
        this(literals, sample, null);
    }

    /** With a preferred search (used when it can search these literals), for tests and benchmarks; null to choose. */
    LiteralFilter(List<byte[]> literals, ByteBuffer sample, Mode prefer) {
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
        if (this.literals.length == 0) {
            mode = Mode.NONE;
            return;
        }
        double[] freq = byteFrequencies(sample);
        int[] cover = rareCover(this.literals, freq);
        double rareCost = cover == null ? Double.MAX_VALUE : cost(cover, freq);
        boolean grams = min >= FAST_MIN;
        boolean rare = prefer == null ? !grams || rareCost <= GRAM_COST
                : prefer == Mode.RARE || prefer == Mode.GRAMS && !grams;
        if (cover != null && rare) {
            mode = Mode.RARE;
            useCover(cover);
        } else if (grams && prefer != Mode.FIRST_BYTE) {
            mode = Mode.GRAMS;
            Map<Integer, Integer> seen = sample == null ? Map.of() : gramCounts(this.literals, sample);
            for (byte[] l : this.literals) {
                int j = rarestWindow(l, seen);
                set(gram(l, j));
                set(gram(l, j + 1));
            }
        } else {
            mode = Mode.FIRST_BYTE;
        }
    }

    /** The search in use (for tests and benchmarks). */
    Mode mode() {
        return mode;
    }

    /** The byte values searched, in target order (empty unless {@link Mode#RARE}). */
    byte[] rareBytes() {
        byte[] out = new byte[256];
        int n = 0;
        for (int k = 1; k <= targets; k++) {
            for (int v = 0; v < 256; v++) {
                if (targetOf[v] == k) {
                    out[n++] = (byte) v;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Longest literal length. */
    int maxLength() {
        return maxLen;
    }

    /** Length of the literal of a {@link #find} result. */
    int length(long found) {
        return literals[(int) (found & 0xFFFF)].length;
    }

    /**
     * An occurrence found in {@code [from, to)}: {@code position << 16 | literalIndex}, or -1. The occurrence lies
     * wholly inside the range. Not strictly the leftmost when two overlap closely, but every occurrence that starts
     * before the one returned overlaps it (so none is missed on an earlier line, unless a literal spans a newline).
     */
    long find(byte[] b, int from, int to) {
        if (to - from < minLen) {
            return -1;
        }
        switch (mode) {
            case RARE:
                return findRare(b, from, to);
            case GRAMS:
                return findGrams(b, from, to);
            case FIRST_BYTE:
                return verify(b, from, to - minLen, to);
            default:
                return -1;
        }
    }

    // ---- rare bytes

    private long findRare(byte[] b, int from, int to) {
        int p = from;
        int last = to - BLOCK;
        // one loop per target count: no inner loop over the targets, so either compiler keeps them in registers
        switch (targets) {
            case 1: {
                long t0 = target[0];
                long m0 = targetMask[0];
                for (; p <= last; p += BLOCK) {
                    long x = (long) LONG.get(b, p);
                    long y0 = (x | m0) ^ t0;
                    long z = (y0 - ONES) & ~y0 & HIGHS;
                    if (z != 0) {
                        long r = candidates(b, p, z, from, to);
                        if (r >= 0) {
                            return r;
                        }
                    }
                }
                break;
            }
            case 2: {
                long t0 = target[0];
                long t1 = target[1];
                long m0 = targetMask[0];
                long m1 = targetMask[1];
                for (; p <= last; p += BLOCK) {
                    long x = (long) LONG.get(b, p);
                    long y0 = (x | m0) ^ t0;
                    long y1 = (x | m1) ^ t1;
                    long z = ((y0 - ONES) & ~y0 | (y1 - ONES) & ~y1) & HIGHS;
                    if (z != 0) {
                        long r = candidates(b, p, z, from, to);
                        if (r >= 0) {
                            return r;
                        }
                    }
                }
                break;
            }
            case 3: {
                long t0 = target[0];
                long t1 = target[1];
                long t2 = target[2];
                long m0 = targetMask[0];
                long m1 = targetMask[1];
                long m2 = targetMask[2];
                for (; p <= last; p += BLOCK) {
                    long x = (long) LONG.get(b, p);
                    long y0 = (x | m0) ^ t0;
                    long y1 = (x | m1) ^ t1;
                    long y2 = (x | m2) ^ t2;
                    long z = ((y0 - ONES) & ~y0 | (y1 - ONES) & ~y1 | (y2 - ONES) & ~y2) & HIGHS;
                    if (z != 0) {
                        long r = candidates(b, p, z, from, to);
                        if (r >= 0) {
                            return r;
                        }
                    }
                }
                break;
            }
            default: {
                long t0 = target[0];
                long t1 = target[1];
                long t2 = target[2];
                long t3 = target[3];
                long m0 = targetMask[0];
                long m1 = targetMask[1];
                long m2 = targetMask[2];
                long m3 = targetMask[3];
                for (; p <= last; p += BLOCK) {
                    long x = (long) LONG.get(b, p);
                    long y0 = (x | m0) ^ t0;
                    long y1 = (x | m1) ^ t1;
                    long y2 = (x | m2) ^ t2;
                    long y3 = (x | m3) ^ t3;
                    long z = ((y0 - ONES) & ~y0 | (y1 - ONES) & ~y1 | (y2 - ONES) & ~y2 | (y3 - ONES) & ~y3) & HIGHS;
                    if (z != 0) {
                        long r = candidates(b, p, z, from, to);
                        if (r >= 0) {
                            return r;
                        }
                    }
                }
                break;
            }
        }
        for (; p < to; p++) {
            int k = targetOf[b[p] & 0xFF];
            if (k != 0) {
                long r = verifyAt(b, p, k - 1, from, to);
                if (r >= 0) {
                    return r;
                }
            }
        }
        return -1;
    }

    /**
     * The flagged bytes of the word at {@code p}, lowest first. The flags are a superset of the target bytes (the
     * zero-byte test can flag a byte above a real match), so each is looked up.
     */
    private long candidates(byte[] b, int p, long z, int from, int to) {
        do {
            int i = p + (Long.numberOfTrailingZeros(z) >>> 3);
            int k = targetOf[b[i] & 0xFF];
            if (k != 0) {
                long r = verifyAt(b, i, k - 1, from, to);
                if (r >= 0) {
                    return r;
                }
            }
            z &= z - 1;
        } while (z != 0);
        return -1;
    }

    /** The literals of target {@code k}, placed so that their rare byte is at {@code i}. */
    private long verifyAt(byte[] b, int i, int k, int from, int to) {
        int[] lits = verifyLit[k];
        int[] offs = verifyOff[k];
        for (int j = 0; j < lits.length; j++) {
            int s = i - offs[j];
            byte[] l = literals[lits[j]];
            if (s < from || s + l.length > to) {
                continue;
            }
            int m = 0;
            while (m < l.length && b[s + m] == l[m]) {
                m++;
            }
            if (m == l.length) {
                return ((long) s << 16) | lits[j];
            }
        }
        return -1;
    }

    private void useCover(int[] cover) {
        targets = cover.length;
        int[] count = new int[targets];
        int[] assigned = new int[literals.length];
        int[] offset = new int[literals.length];
        for (int i = 0; i < literals.length; i++) {
            // the first target the literal contains (targets are in order of increasing frequency)
            for (int k = 0; k < targets; k++) {
                int at = indexOfCode(literals[i], cover[k]);
                if (at >= 0) {
                    assigned[i] = k;
                    offset[i] = at;
                    count[k]++;
                    break;
                }
            }
        }
        for (int k = 0; k < targets; k++) {
            int value = cover[k] & 0xFF;
            int mask = cover[k] >>> 8;
            target[k] = value * ONES;
            targetMask[k] = mask * ONES;
            for (int v = 0; v < 256; v++) {
                if ((v | mask) == value) {
                    targetOf[v] = (byte) (k + 1);
                }
            }
            verifyLit[k] = new int[count[k]];
            verifyOff[k] = new int[count[k]];
            int n = 0;
            for (int i = 0; i < literals.length; i++) {
                if (assigned[i] == k) {
                    verifyLit[k][n] = i;
                    verifyOff[k][n++] = offset[i];
                }
            }
        }
    }

    /**
     * The cheapest set of at most {@value #MAX_TARGETS} targets such that every literal contains one, in order of
     * increasing frequency; null when none exists. A target is a code {@code value | mask << 8}: the byte values
     * {@code c} with {@code (c | mask) == value}. Candidates are each literal's three rarest bytes, and every pair of
     * them that differs in one bit (as one target: one more word operation, two bytes), such as {@code E} and
     * {@code U}; targets sharing a byte value are not combined.
     */
    static int[] rareCover(byte[][] literals, double[] freq) {
        if (literals.length == 0 || literals.length > 64) {
            return null;
        }
        int[] pool = new int[0];
        for (byte[] l : literals) {
            int[] distinct = distinctBytes(l);
            Integer[] order = new Integer[distinct.length];
            for (int k = 0; k < distinct.length; k++) {
                order[k] = distinct[k];
            }
            Arrays.sort(order, (x, y) -> Double.compare(freq[x], freq[y]));
            for (int k = 0; k < Math.min(3, order.length); k++) {
                if (indexOf(pool, order[k]) < 0) {
                    pool = Arrays.copyOf(pool, pool.length + 1);
                    pool[pool.length - 1] = order[k];
                }
            }
        }
        int[] codes = Arrays.copyOf(pool, pool.length * (pool.length + 1) / 2);
        int n = pool.length;
        for (int i = 0; i < pool.length; i++) {
            for (int j = i + 1; j < pool.length; j++) {
                int d = pool[i] ^ pool[j];
                if (Integer.bitCount(d) == 1) {
                    codes[n++] = (pool[i] | pool[j]) | d << 8;
                }
            }
        }
        codes = Arrays.copyOf(codes, n);
        long[] mask = new long[n];
        double[] cost = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < literals.length; i++) {
                if (indexOfCode(literals[i], codes[k]) >= 0) {
                    mask[k] |= 1L << i;
                }
            }
            cost[k] = cost(new int[] {codes[k]}, freq);
        }
        long all = literals.length == 64 ? -1L : (1L << literals.length) - 1;
        Search search = new Search(codes, mask, cost, all);
        search.run(0, 0, 0);
        int[] best = search.best;
        if (best != null) {
            Integer[] sorted = new Integer[best.length];
            for (int k = 0; k < best.length; k++) {
                sorted[k] = best[k];
            }
            Arrays.sort(sorted, (x, y) -> Double.compare(share(x, freq), share(y, freq)));
            for (int k = 0; k < best.length; k++) {
                best[k] = sorted[k];
            }
        }
        return best;
    }

    /** Depth-first search for the cheapest cover: branch on the targets that cover the first uncovered literal. */
    private static final class Search {
        final int[] codes;
        final long[] mask;
        final double[] cost;
        final long all;
        final int[] chosen = new int[MAX_TARGETS];
        int[] best;
        double bestCost = Double.MAX_VALUE;

        Search(int[] codes, long[] mask, double[] cost, long all) {
            this.codes = codes;
            this.mask = mask;
            this.cost = cost;
            this.all = all;
        }

        void run(int depth, long covered, double c) {
            if (covered == all) {
                if (c < bestCost) {
                    bestCost = c;
                    best = new int[depth];
                    for (int k = 0; k < depth; k++) {
                        best[k] = codes[chosen[k]];
                    }
                }
                return;
            }
            if (depth == MAX_TARGETS) {
                return;
            }
            long first = Long.lowestOneBit(~covered & all);
            for (int k = 0; k < codes.length; k++) {
                if ((mask[k] & first) == 0 || c + cost[k] >= bestCost) {
                    continue;
                }
                boolean disjoint = true;
                for (int j = 0; j < depth && disjoint; j++) {
                    disjoint = !overlap(codes[chosen[j]], codes[k]);
                }
                if (disjoint) {
                    chosen[depth] = k;
                    run(depth + 1, covered | mask[k], c + cost[k]);
                }
            }
        }
    }

    /**
     * Estimated cost per text byte of searching these targets, in nanoseconds beyond the loop's own (measured under
     * C1 on PM2-style logs: ~0.15 ns per target and byte, ~0.03 more for a masked one, ~40 ns per candidate).
     */
    static double cost(int[] cover, double[] freq) {
        double c = 0;
        for (int code : cover) {
            c += TARGET_COST + ((code >>> 8) != 0 ? MASK_COST : 0) + share(code, freq) * VERIFY_COST;
        }
        return c;
    }

    /** Share of the text that the target's byte values make up. */
    private static double share(int code, double[] freq) {
        int value = code & 0xFF;
        int mask = code >>> 8;
        double f = freq[value];
        if (mask != 0) {
            f += freq[value & ~mask];
        }
        return f;
    }

    /** Whether two targets share a byte value (each is its value, and its value without the mask bit). */
    private static boolean overlap(int a, int b) {
        int a1 = a & 0xFF;
        int a2 = a1 & ~(a >>> 8);
        int b1 = b & 0xFF;
        int b2 = b1 & ~(b >>> 8);
        return a1 == b1 || a1 == b2 || a2 == b1 || a2 == b2;
    }

    /** First index in {@code l} of a byte of the target {@code code}, or -1. */
    private static int indexOfCode(byte[] l, int code) {
        int value = code & 0xFF;
        int mask = code >>> 8;
        for (int k = 0; k < l.length; k++) {
            if (((l[k] & 0xFF) | mask) == value) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Share of each byte value in the sample, mixed with a prior for log text (so a byte absent from a short sample
     * is not taken for never occurring); the prior alone without a sample.
     */
    static double[] byteFrequencies(ByteBuffer sample) {
        double[] prior = new double[256];
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            prior[v] = commonness((byte) v);
            sum += prior[v];
        }
        for (int v = 0; v < 256; v++) {
            prior[v] /= sum;
        }
        int n = sample == null ? 0 : sample.remaining();
        if (n == 0) {
            return prior;
        }
        long[] counts = new long[256];
        byte[] a = sample.array();
        for (int i = sample.arrayOffset() + sample.position(), end = i + n; i < end; i++) {
            counts[a[i] & 0xFF]++;
        }
        // the prior weighs as much as 4 KiB of sample
        double w = 4096.0;
        double[] out = new double[256];
        for (int v = 0; v < 256; v++) {
            out[v] = (counts[v] + w * prior[v]) / (n + w);
        }
        return out;
    }

    /** Rough share of a byte in log text (relative weights, normalised by the caller). */
    private static double commonness(byte c) {
        if (c == ' ') {
            return 150;
        }
        if (c >= '0' && c <= '9') {
            return 40;
        }
        if ("etaoinsrhl".indexOf(c) >= 0) {
            return 40;
        }
        if (c >= 'a' && c <= 'z' || c == ':' || c == '-' || c == '.' || c == '/' || c == '"' || c == '\n') {
            return 12;
        }
        if (c >= 'A' && c <= 'Z' || c == '_' || c == ',' || c == '=' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == '{' || c == '}' || c == '\'') {
            return 2;
        }
        if (c >= 0x20 && c < 0x7F || c == '\t') {
            return 0.5;
        }
        return 0.05;
    }

    private static int[] distinctBytes(byte[] l) {
        boolean[] seen = new boolean[256];
        int[] out = new int[l.length];
        int n = 0;
        for (byte c : l) {
            if (!seen[c & 0xFF]) {
                seen[c & 0xFF] = true;
                out[n++] = c & 0xFF;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int indexOf(int[] a, int v) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == v) {
                return k;
            }
        }
        return -1;
    }

    // ---- sampled grams

    private long findGrams(byte[] b, int from, int to) {
        int p = from;
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
            s += gramClass(l[k]);
        }
        return s;
    }

    /** Rough frequency class of a byte in log text: spaces, digits and common lower-case letters are frequent. */
    private static int gramClass(byte c) {
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
