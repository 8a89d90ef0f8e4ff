package xyz.twzrd.ops.core.logs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Both searches of the literal filter against a naive search, on constructed text and random ranges. */
class LiteralFilterTest {
    private static final String[] FRAGMENTS = {"ERROR", "ERRO", "RROR", "FATAL", "FATA", "ATAL", "Unhandled", "Unhandle",
        "uncaught", "Uncaught", "caught", "Error:", "rror:", "E", "U", "A", "R", "Q", "e", "u", "GET /api/v1", " ", " ",
        "2026-11-30T01:00:00: ", "\u00e9", "\r", "\n", "x", "0123456789", "SELECT * FROM", "\u00ff"};

    @Test
    void threeLiteralsOfLogTextUseRareBytesAndFindWhatANaiveSearchFinds() {
        List<byte[]> lits = bytes("ERROR", "FATAL", "Unhandled");
        Random rnd = new Random(1);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        while (log.size() < 200_000) {
            String line = rnd.nextInt(200) == 0 ? "ERROR failed to fetch price: timeout after 3000ms"
                    : rnd.nextInt(200) == 0 ? "UnhandledPromiseRejectionWarning: connect ECONNREFUSED"
                    : "debug: handler caught up with stream offset " + rnd.nextInt(99999) + ", lag " + rnd.nextInt(99) + "ms";
            log.writeBytes(("2026-11-30T01:00:" + rnd.nextInt(60) + ": " + line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] text = log.toByteArray();
        LiteralFilter f = new LiteralFilter(lits, ByteBuffer.wrap(text, 0, 50_000));
        assertThat(f.mode()).isEqualTo(LiteralFilter.Mode.RARE);
        assertThat(f.rareBytes().length).isBetween(1, 2 * LiteralFilter.MAX_TARGETS);
        checkRandomRanges(f, lits, text, new Random(2), 3000);
        // text unlike the sample: slower, still exact
        checkRandomRanges(f, lits, randomText(rnd, 100_000), new Random(2), 3000);
    }

    @Test
    void withoutASampleTheLogTextEstimatePicksUpperCaseBytes() {
        LiteralFilter f = new LiteralFilter(bytes("ERROR", "FATAL", "Unhandled"), null);
        assertThat(f.mode()).isEqualTo(LiteralFilter.Mode.RARE);
        for (byte c : f.rareBytes()) {
            assertThat((char) c).isBetween('A', 'Z');
        }
        checkRandomRanges(f, bytes("ERROR", "FATAL", "Unhandled"), randomText(new Random(3), 50_000), new Random(4), 1000);
    }

    @Test
    void everySetOfPatternsFindsWhatANaiveSearchFindsWhicheverSearchItUses() {
        List<List<byte[]>> sets = List.of(
                bytes("ERROR", "FATAL", "Unhandled", "uncaught", "Uncaught", "Error:"),
                bytes("ERROR", "FATAL", "Unhandled", "uncaught", "Uncaught"),
                bytes("RRO", "\u00e9"), // short literals: rare bytes instead of the first-byte table
                bytes("E"), bytes("EE", "EEE"), bytes("AAAAAAAA"), bytes("x\ny", "ERROR\r"),
                bytes("rror:", "ror", "or:", "r:", ":"),
                bytes("FATAL", "Error:"));
        Random rnd = new Random(5);
        for (List<byte[]> lits : sets) {
            byte[] text = randomText(rnd, 60_000);
            for (ByteBuffer sample : new ByteBuffer[] {null, ByteBuffer.wrap(text, 0, 20_000)}) {
                checkRandomRanges(new LiteralFilter(lits, sample), lits, text, rnd, 1000);
                // each search on its own, where it can search the set
                for (LiteralFilter.Mode m : LiteralFilter.Mode.values()) {
                    LiteralFilter f = new LiteralFilter(lits, sample, m);
                    if (f.mode() == m) {
                        checkRandomRanges(f, lits, text, rnd, 500);
                    }
                }
            }
        }
    }

    @Test
    void moreLiteralsThanRareBytesCanCoverFallBackToGrams() {
        String[] many = new String[70];
        for (int i = 0; i < many.length; i++) {
            many[i] = "w" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "zzq";
        }
        List<byte[]> lits = bytes(many);
        LiteralFilter f = new LiteralFilter(lits, null);
        assertThat(f.mode()).isEqualTo(LiteralFilter.Mode.GRAMS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random rnd = new Random(6);
        for (int i = 0; i < 5000; i++) {
            out.writeBytes((rnd.nextInt(20) == 0 ? many[rnd.nextInt(many.length)] : "w" + rnd.nextInt(99) + "zz ")
                    .getBytes(StandardCharsets.UTF_8));
        }
        checkRandomRanges(f, lits, out.toByteArray(), rnd, 500);
    }

    @Test
    void eachSearchCanBeChosenForTheDefaultPatterns() {
        List<byte[]> lits = bytes("ERROR", "FATAL", "Unhandled", "uncaught", "Uncaught", "Error:");
        for (LiteralFilter.Mode m : List.of(LiteralFilter.Mode.RARE, LiteralFilter.Mode.GRAMS, LiteralFilter.Mode.FIRST_BYTE)) {
            assertThat(new LiteralFilter(lits, null, m).mode()).isEqualTo(m);
        }
        // too short for grams: rare bytes instead
        assertThat(new LiteralFilter(bytes("RRO", "FATAL"), null, LiteralFilter.Mode.GRAMS).mode()).isEqualTo(LiteralFilter.Mode.RARE);
    }

    @Test
    void twoBytesThatDifferInOneBitAreSearchedAsOneTarget() {
        double[] freq = new double[256];
        Arrays.fill(freq, 0.05);
        freq['E'] = 0.001;
        freq['U'] = 0.001;
        int[] cover = LiteralFilter.rareCover(new byte[][] {"Eab".getBytes(StandardCharsets.US_ASCII),
            "Ucd".getBytes(StandardCharsets.US_ASCII)}, freq);
        // 'E' | 0x10 == 'U': one target with mask 0x10
        assertThat(cover).containsExactly('U' | 0x10 << 8);
        assertThat(LiteralFilter.cost(cover, freq)).isLessThan(LiteralFilter.cost(new int[] {'E', 'U'}, freq));
    }

    @Test
    void occurrencesAtTheEdgesOfTheRangeAndInTheUnalignedTail() {
        List<byte[]> lits = bytes("ERROR", "FATAL", "Unhandled");
        LiteralFilter f = new LiteralFilter(lits, null);
        byte[] b = "FATALxxxxxxxxxxxxxxxxxxxxUnhandledyyyERROR".getBytes(StandardCharsets.US_ASCII);
        assertThat(f.find(b, 0, b.length) >>> 16).isEqualTo(0);
        assertThat(f.find(b, 1, b.length) >>> 16).isEqualTo(25);
        assertThat(f.find(b, 26, b.length) >>> 16).isEqualTo(b.length - 5);
        assertThat(f.find(b, 26, b.length - 1)).isEqualTo(-1); // ERROR cut by the range's end
        assertThat(f.find(b, 1, 33)).isEqualTo(-1); // Unhandled cut
        assertThat(f.find(b, 0, 4)).isEqualTo(-1);
        assertThat(f.length(f.find(b, 1, b.length))).isEqualTo(9);
    }

    /** The find contract on random ranges: -1 only when no occurrence; else a real one, and none before it unseen. */
    private static void checkRandomRanges(LiteralFilter f, List<byte[]> lits, byte[] text, Random rnd, int queries) {
        for (int q = 0; q < queries; q++) {
            int from = rnd.nextInt(text.length);
            int to = Math.min(text.length, from + (q % 4 == 0 ? rnd.nextInt(20) : rnd.nextInt(3000)));
            long r = f.find(text, from, to);
            int first = firstOccurrence(lits, text, from, to);
            if (first < 0) {
                assertThat(r).as("range %d..%d", from, to).isEqualTo(-1);
                continue;
            }
            assertThat(r).as("range %d..%d has an occurrence at %d", from, to, first).isNotNegative();
            int at = (int) (r >>> 16);
            byte[] l = lits.get((int) (r & 0xFFFF));
            assertThat(at).isBetween(from, to - l.length);
            assertThat(Arrays.copyOfRange(text, at, at + l.length)).isEqualTo(l);
            // every occurrence that starts earlier overlaps the one returned
            for (int s = from; s < at; s++) {
                for (byte[] other : lits) {
                    if (s + other.length <= to && matches(text, s, other)) {
                        assertThat(s + other.length).as("occurrence at %d before %d", s, at).isGreaterThan(at);
                    }
                }
            }
        }
    }

    private static int firstOccurrence(List<byte[]> lits, byte[] text, int from, int to) {
        for (int s = from; s < to; s++) {
            for (byte[] l : lits) {
                if (s + l.length <= to && matches(text, s, l)) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean matches(byte[] text, int s, byte[] l) {
        for (int k = 0; k < l.length; k++) {
            if (text[s + k] != l[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] randomText(Random rnd, int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < bytes) {
            out.writeBytes(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8));
            if (rnd.nextInt(40) == 0) {
                out.write(rnd.nextInt(256));
            }
        }
        return out.toByteArray();
    }

    private static List<byte[]> bytes(String... s) {
        return Arrays.stream(s).map(x -> x.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
