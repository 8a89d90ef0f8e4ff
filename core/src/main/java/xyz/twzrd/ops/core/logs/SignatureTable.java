package xyz.twzrd.ops.core.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Error lines of one file (or one part of it) grouped by signature, with at most {@code maxSignatures} distinct
 * signatures; lines of further signatures are counted under {@value #OTHER}. Parts merge in file order.
 */
final class SignatureTable implements StreamScanner.Sink {
    static final String OTHER = "<other signatures>";

    private final Map<String, Acc> bySignature = new HashMap<>();
    private final int maxSignatures;
    private final int maxExample;
    private final Instant scanTime;
    private long lines;

    SignatureTable(int maxSignatures, int maxExample, Instant scanTime) {
        this.maxSignatures = maxSignatures;
        this.maxExample = maxExample;
        this.scanTime = scanTime;
    }

    @Override
    public void errorLine(String head, boolean truncated) {
        lines++;
        String sig = Signatures.of(head);
        Acc a = bySignature.get(sig);
        if (a == null) {
            if (bySignature.size() >= maxSignatures) {
                sig = OTHER;
                a = bySignature.get(OTHER);
            }
            if (a == null) {
                a = new Acc(Signatures.example(truncated ? head + "…" : head, maxExample));
                bySignature.put(sig, a);
            }
        }
        Instant t = Signatures.lineTime(head);
        a.add(1, t == null ? scanTime : t, t == null ? scanTime : t);
    }

    /** Error lines seen. */
    long lines() {
        return lines;
    }

    /** Adds a later part of the same file. */
    void merge(SignatureTable later) {
        lines += later.lines;
        later.bySignature.forEach((sig, b) -> {
            Acc a = bySignature.get(sig);
            if (a == null && bySignature.size() >= maxSignatures) {
                a = bySignature.computeIfAbsent(OTHER, k -> new Acc(b.example));
            }
            if (a == null) {
                bySignature.put(sig, b);
            } else {
                a.add(b.count, b.first, b.last);
            }
        });
    }

    /** The {@code top} most frequent signatures, most frequent first (ties: earliest first). */
    List<SignatureStat> top(int top) {
        List<SignatureStat> all = new ArrayList<>();
        bySignature.forEach((sig, a) -> all.add(new SignatureStat(sig, a.count, a.first, a.last, a.example)));
        all.sort(Comparator.comparingLong(SignatureStat::count).reversed()
                .thenComparing(SignatureStat::firstSeen).thenComparing(SignatureStat::signature));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    private static final class Acc {
        final String example;
        long count;
        Instant first;
        Instant last;

        Acc(String example) {
            this.example = example;
        }

        void add(long n, Instant from, Instant to) {
            count += n;
            first = first == null || from.isBefore(first) ? from : first;
            last = last == null || to.isAfter(last) ? to : last;
        }
    }
}
