package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few numbers of a result that trends follow: swap %, load, memory %, crashes and new error lines. Each comes
 * from the finding of that id when it was measured; a finding that is missing or UNKNOWN leaves its value out.
 */
public final class KeyValues {
    /** Trend series name to the finding id it is read from, in display order. */
    public static final Map<String, String> SERIES = Map.of(
            "swap %", "swap", "load", "load", "memory %", "memory", "crashes", "crashes", "errors", "logs");
    private static final String[] ORDER = {"swap %", "load", "memory %", "crashes", "errors"};

    private KeyValues() {
    }

    public static Map<String, Double> of(CheckResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : ORDER) {
            r.finding(SERIES.get(name)).map(Finding::value).ifPresent(v -> out.put(name, v));
        }
        return out;
    }
}
