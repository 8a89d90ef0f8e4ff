package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.Redact;

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
    /** Lines of one signature looked at for different examples: the rest of its lines cost only the count. */
    static final int EXAMPLE_TRIES = 8;

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
                a = new Acc();
                bySignature.put(sig, a);
            }
        }
        if (a.examples.size() < SignatureStat.MAX_EXAMPLES && a.tries++ < EXAMPLE_TRIES) {
            a.example(Signatures.example(truncated ? head + "…" : head, maxExample));
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
                a = bySignature.computeIfAbsent(OTHER, k -> new Acc());
            }
            if (a == null) {
                bySignature.put(sig, b);
            } else {
                a.add(b.count, b.first, b.last);
                b.examples.forEach(a::example);
            }
        });
    }

    /**
     * The {@code top} most frequent signatures, most frequent first (ties: earliest first); signatures that differ
     * only in a secret are one once the secret is redacted.
     */
    List<SignatureStat> top(int top) {
        Map<String, Acc> redacted = new HashMap<>();
        bySignature.forEach((sig, a) -> {
            Acc r = redacted.computeIfAbsent(Redact.secrets(sig), k -> new Acc());
            r.add(a.count, a.first, a.last);
            a.examples.forEach(r::example);
        });
        List<SignatureStat> all = new ArrayList<>();
        redacted.forEach((sig, a) -> all.add(new SignatureStat(sig, a.count, a.first, a.last,
                a.examples.isEmpty() ? "" : a.examples.get(0), a.examples)));
        all.sort(Comparator.comparingLong(SignatureStat::count).reversed()
                .thenComparing(SignatureStat::firstSeen).thenComparing(SignatureStat::signature));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    private static final class Acc {
        final List<String> examples = new ArrayList<>(SignatureStat.MAX_EXAMPLES);
        int tries;
        long count;
        Instant first;
        Instant last;

        /** Keeps a line (secrets redacted, before it is stored anywhere) when it is new and there is room. */
        void example(String line) {
            if (examples.size() < SignatureStat.MAX_EXAMPLES) {
                String safe = Redact.secrets(line);
                if (!examples.contains(safe)) {
                    examples.add(safe);
                }
            }
        }

        void add(long n, Instant from, Instant to) {
            count += n;
            first = first == null || from.isBefore(first) ? from : first;
            last = last == null || to.isAfter(last) ? to : last;
        }
    }
}
