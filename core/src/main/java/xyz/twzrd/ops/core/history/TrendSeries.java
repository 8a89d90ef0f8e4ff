package xyz.twzrd.ops.core.history;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

/**
 * Trend data, free of any UI: one label per run, the severity of each run, and named numeric series
 * (null where a run did not measure that value). The CLI's trend page and the Jenkins trend chart both draw this.
 *
 * @param labels     one label per run (a build number, or the run's UTC time)
 * @param severities the severity of each run, same length as labels
 * @param series     series name to values, each the same length as labels
 */
public record TrendSeries(List<String> labels, List<Severity> severities, Map<String, List<Double>> series) {
    /** The series drawn by default, with the finding id each is read from. */
    public static final Map<String, String> DEFAULT_SERIES = defaults();

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public TrendSeries {
        labels = List.copyOf(labels);
        severities = List.copyOf(severities);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            if (e.getValue().size() != labels.size()) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().size()
                        + " values for " + labels.size() + " runs");
            }
            copy.put(e.getKey(), java.util.Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        series = java.util.Collections.unmodifiableMap(copy);
        if (severities.size() != labels.size()) {
            throw new IllegalArgumentException(severities.size() + " severities for " + labels.size() + " runs");
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("swap %", "swap");
        m.put("load", "load");
        m.put("memory %", "memory");
        m.put("crashes", "crashes");
        m.put("error lines", "logs");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The values of a result that the default series plot (finding id to value), e.g. to store compactly per build. */
    public static Map<String, Double> values(CheckResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String id : DEFAULT_SERIES.values()) {
            r.finding(id).map(Finding::value).ifPresent(v -> out.put(id, v));
        }
        return out;
    }

    /** Each series rounded to whole numbers, a missing value as 0 (for charts that take integers only). */
    public Map<String, List<Integer>> rounded() {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        series.forEach((name, values) -> out.put(name,
                values.stream().map(v -> v == null ? 0 : (int) Math.round(v)).toList()));
        return out;
    }

    /** Collects labels, severities and series run by run. */
    public static final class Builder {
        private final Map<String, String> seriesToFinding;
        private final List<String> labels = new ArrayList<>();
        private final List<Severity> severities = new ArrayList<>();
        private final Map<String, List<Double>> series = new LinkedHashMap<>();

        /** @param seriesToFinding series name to the finding id whose value it plots */
        public Builder(Map<String, String> seriesToFinding) {
            this.seriesToFinding = Map.copyOf(seriesToFinding);
            seriesToFinding.keySet().forEach(k -> series.put(k, new ArrayList<>()));
        }

        public Builder() {
            this(DEFAULT_SERIES);
        }

        /** Adds one run: its label, severity and finding values (finding id to value). */
        public Builder add(String label, Severity severity, Map<String, Double> values) {
            labels.add(label);
            severities.add(severity);
            series.forEach((name, list) -> list.add(values.get(seriesToFinding.get(name))));
            return this;
        }

        /** Adds one history record, labelled with its UTC start time. */
        public Builder add(HistoryRecord r) {
            return add(LABEL.format(r.at()), r.severity(), r.values());
        }

        public TrendSeries build() {
            return new TrendSeries(labels, severities, series);
        }
    }
}
