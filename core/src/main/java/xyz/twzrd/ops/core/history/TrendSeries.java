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

    /**
     * At most {@code maxPoints} points for drawing, nothing that matters lost: the runs are cut into
     * {@code maxPoints / 2} consecutive buckets and each bucket becomes two points (one when it holds one run),
     * labelled with its first and last run; for each series they carry the bucket's minimum and maximum, in the
     * order they occurred (so every spike and dip shows: the series' overall extremes are always kept), and both
     * the worst severity of the bucket (so one ALERT among a hundred OK runs still shows). Returns this series
     * when it is short enough.
     */
    public TrendSeries downsample(int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("at least 4 points are needed to downsample, not " + maxPoints);
        }
        int n = labels.size();
        if (n <= maxPoints) {
            return this;
        }
        int buckets = maxPoints / 2;
        List<String> outLabels = new ArrayList<>(maxPoints);
        List<Severity> outSev = new ArrayList<>(maxPoints);
        Map<String, List<Double>> outSeries = new LinkedHashMap<>();
        series.keySet().forEach(k -> outSeries.put(k, new ArrayList<>(maxPoints)));
        for (int bkt = 0; bkt < buckets; bkt++) {
            int lo = (int) ((long) bkt * n / buckets);
            int hi = (int) ((long) (bkt + 1) * n / buckets); // exclusive
            Severity worst = Severity.worst(severities.subList(lo, hi));
            boolean two = hi - lo > 1;
            outLabels.add(labels.get(lo));
            outSev.add(worst);
            if (two) {
                outLabels.add(labels.get(hi - 1));
                outSev.add(worst);
            }
            for (Map.Entry<String, List<Double>> e : series.entrySet()) {
                List<Double> v = e.getValue();
                List<Double> out = outSeries.get(e.getKey());
                int min = -1;
                int max = -1;
                for (int i = lo; i < hi; i++) {
                    Double x = v.get(i);
                    if (x != null) {
                        min = min < 0 || x < v.get(min) ? i : min;
                        max = max < 0 || x > v.get(max) ? i : max;
                    }
                }
                out.add(min < 0 ? null : v.get(Math.min(min, max)));
                if (two) {
                    out.add(min < 0 ? null : v.get(Math.max(min, max)));
                }
            }
        }
        return new TrendSeries(outLabels, outSev, outSeries);
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
