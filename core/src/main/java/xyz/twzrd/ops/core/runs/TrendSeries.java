package xyz.twzrd.ops.core.runs;

import xyz.twzrd.ops.core.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trend of a check across runs, oldest first: per run, how many findings had each severity. The Jenkins
 * trend chart and any other view draw it as stacked series, one per severity.
 *
 * @param labels  the x-axis label of each run ({@code #number})
 * @param numbers the run numbers
 * @param series  severity name to one count per run, in severity order OK, ALERT, UNKNOWN, EMERGENCY
 */
public record TrendSeries(List<String> labels, List<Integer> numbers, Map<String, List<Integer>> series) {
    public TrendSeries {
        labels = List.copyOf(labels);
        numbers = List.copyOf(numbers);
        Map<String, List<Integer>> s = new LinkedHashMap<>();
        series.forEach((k, v) -> s.put(k, List.copyOf(v)));
        series = Collections.unmodifiableMap(s);
    }

    /**
     * @param newestFirst runs as a history walks them (newest first); only the first {@code maxRuns} are read
     * @param maxRuns     how many runs at most
     */
    public static TrendSeries of(Iterable<RunRecord> newestFirst, int maxRuns) {
        List<RunRecord> runs = new ArrayList<>();
        Iterator<RunRecord> it = newestFirst.iterator();
        while (runs.size() < maxRuns && it.hasNext()) {
            runs.add(it.next());
        }
        Collections.reverse(runs);
        List<String> labels = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (Severity s : severityOrder()) {
            series.put(s.name(), new ArrayList<>());
        }
        for (RunRecord r : runs) {
            labels.add("#" + r.number());
            numbers.add(r.number());
            Map<Severity, Integer> counts = r.counts();
            for (Severity s : severityOrder()) {
                series.get(s.name()).add(counts.get(s));
            }
        }
        return new TrendSeries(labels, numbers, series);
    }

    /** Severities from best to worst. */
    public static List<Severity> severityOrder() {
        return List.of(Severity.OK, Severity.ALERT, Severity.UNKNOWN, Severity.EMERGENCY);
    }

    /** The colour a view uses for a severity (the same as the HTML report's badges). */
    public static String color(String severity) {
        return switch (Severity.parse(severity)) {
            case OK -> "#2e7d32";
            case ALERT -> "#ef6c00";
            case UNKNOWN -> "#6d6d6d";
            case EMERGENCY -> "#c62828";
        };
    }

    public boolean isEmpty() {
        return numbers.isEmpty();
    }
}
