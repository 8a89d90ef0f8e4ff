package xyz.twzrd.ops.core.logs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte scanner against a plain per-line reference, on random text cut into random windows. */
class StreamScannerTest {
    private static final int CAP = 256;
    private static final String[] WORDS = {"ERROR", "ERRO", "RROR", "FATAL", "FATA", "Unhandled", "Unhandle", "uncaught",
        "Error:", "TypeError:", "rror:", "error", "handled", "caught", "ok", "GET", "/api", "12:00:01", "x", " ", " ", " ",
        "2026-11-30T01:00:00: ", "\u00e9", "\t", "\r"};
    private static final List<LogPattern> PATTERNS = LogsConfig.DEFAULT_PATTERNS;

    @Test
    void randomTextMatchesTheReferenceInEveryWindowSize() {
        randomRounds(PATTERNS, 300);
    }

    @Test
    void shortLiteralsAndUnfilteredRegexesTakeTheSlowPathWithTheSameResults() {
        randomRounds(List.of(LogPattern.literal("RRO"), LogPattern.literal("\u00e9"), LogPattern.regex("^x", null)), 60);
    }

    @Test
    void aLiteralSetOnRareBytesMatchesTheReferenceInEveryWindowSize() {
        randomRounds(List.of(LogPattern.literal("ERROR"), LogPattern.literal("FATAL"), LogPattern.literal("Unhandled")), 200);
    }

    @Test
    void aLiteralWithALineBreakOrATrailingCarriageReturnMatchesNoLine() {
        List<LogPattern> patterns = List.of(LogPattern.literal("x\ny"), LogPattern.literal("ERROR\r"));
        byte[] text = "a x\ny b\nERROR\r\nERROR\rc\n".getBytes(StandardCharsets.UTF_8);
        assertThat(scan(text, CAP + 8, new Random(3), null, patterns)).containsExactly("ERROR\rc");
        assertThat(scan(text, CAP + 8, new Random(3), null, patterns)).isEqualTo(reference(text, patterns));
    }

    private static void randomRounds(List<LogPattern> patterns, int rounds) {
        Random rnd = new Random(7);
        for (int round = 0; round < rounds; round++) {
            byte[] text = randomText(rnd, round % 10 == 0 ? 4000 : 300);
            List<String> expected = reference(text, patterns);
            int window = CAP + 8 + rnd.nextInt(round % 3 == 0 ? 50 : 3000);
            ByteBuffer sample = round % 2 == 0 ? null : ByteBuffer.wrap(text, 0, Math.min(text.length, 1 + rnd.nextInt(5000)));
            assertThat(scan(text, window, rnd, sample, patterns)).as("round %d, window %d", round, window).isEqualTo(expected);
        }
    }

    @Test
    void linesLongerThanTheCapAreMatchedAnywhereButKeptAsHead() {
        String longLine = "x".repeat(5000) + "FATAL" + "y".repeat(3000);
        String regexOnlyFarAway = "y".repeat(4000) + " TypeError: far";
        String regexNear = "TypeError: near " + "z".repeat(4000);
        byte[] text = (longLine + "\nok\n" + regexOnlyFarAway + "\n" + regexNear + "\nERROR last").getBytes(StandardCharsets.UTF_8);
        List<String> got = scan(text, CAP + 10, new Random(1), null, PATTERNS);
        assertThat(got).hasSize(3);
        assertThat(got.get(0)).hasSize(CAP).startsWith("xxx");
        assertThat(got.get(1)).startsWith("TypeError: near").hasSize(CAP);
        assertThat(got.get(2)).isEqualTo("ERROR last");
    }

    @Test
    void literalSplitAcrossWindowsOfALongLineIsFound() {
        for (int shift = 0; shift < 12; shift++) {
            byte[] text = ("a".repeat(CAP * 3 + shift) + "Unhandled" + "b".repeat(CAP) + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(scan(text, CAP + 9, new Random(shift), null, PATTERNS)).as("shift %d", shift).hasSize(1);
        }
    }

    /** Random lines of words, with long lines and invalid bytes. */
    private static byte[] randomText(Random rnd, int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            int words = rnd.nextInt(10) == 0 ? 300 : rnd.nextInt(12);
            for (int w = 0; w < words; w++) {
                if (rnd.nextInt(50) == 0) {
                    out.write(0xFF);
                    out.write(0);
                }
                out.writeBytes(WORDS[rnd.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8));
            }
            if (i < lines - 1 || rnd.nextBoolean()) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Per line: a literal anywhere, or a regex on the first CAP bytes; the head is reported. */
    private static List<String> reference(byte[] text, List<LogPattern> patterns) {
        List<String> out = new ArrayList<>();
        List<Pattern> regexes = patterns.stream().filter(p -> p.getRegex() != null).map(p -> Pattern.compile(p.getRegex())).toList();
        List<byte[]> literals = patterns.stream().filter(p -> p.getLiteral() != null)
                .map(p -> p.getLiteral().getBytes(StandardCharsets.UTF_8)).toList();
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            int e = end > start && text[end - 1] == '\r' ? end - 1 : end;
            byte[] line = Arrays.copyOfRange(text, start, e);
            String head = new String(line, 0, Math.min(line.length, CAP), StandardCharsets.UTF_8);
            boolean m = literals.stream().anyMatch(l -> indexOf(line, l) >= 0) || regexes.stream().anyMatch(r -> r.matcher(head).find());
            if (m) {
                out.add(head);
            }
            start = end + 1;
        }
        return out;
    }

    private static int indexOf(byte[] h, byte[] n) {
        outer:
        for (int i = 0; i + n.length <= h.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (h[i + k] != n[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static List<String> scan(byte[] text, int window, Random rnd, ByteBuffer sample, List<LogPattern> patterns) {
        List<String> got = new ArrayList<>();
        StreamScanner s = new StreamScanner(new LinePatterns(patterns, sample), CAP, (head, truncated) -> got.add(head));
        ByteBuffer buf = ByteBuffer.allocate(Math.max(window, s.minWindow())).order(ByteOrder.LITTLE_ENDIAN);
        ReadableByteChannel in = Channels.newChannel(new ByteArrayInputStream(text) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(700)));
            }
        });
        try {
            LogScanner.drain(in, s, buf);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return got;
    }
}
