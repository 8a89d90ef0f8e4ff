package xyz.twzrd.ops.core.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;

/**
 * Turns trend data into ECharts option JSON, for the standalone trend page and the Jenkins job trend alike, so both
 * draw the same series in the same colours. Standalone: one chart per metric on a time axis, hourly ({@code alerts})
 * and weekly ({@code health-check}) runs as separate series, the alert and emergency thresholds as lines, and a
 * y-axis clipped above the ordinary values when one spike would flatten the rest (the spikes marked with their real
 * value); restarts per app per day as bars on a log scale. Jenkins: one chart over the job's builds in the shape
 * echarts-api's trend chart reads ({@code domainAxisLabels}, {@code buildNumbers}, {@code series}), which is also a
 * complete ECharts option.
 */
public final class TrendCharts {
    /** The check whose runs are the hourly series. */
    public static final String HOURLY = "alerts";
    /** The check whose runs are the weekly series. */
    public static final String WEEKLY = "health-check";
    /** Colour of each default series (TrendSeries.DEFAULT_SERIES names), the same on every face. */
    public static final Map<String, String> COLOURS = Map.of(
            "swap %", "#6a1b9a", "load", "#1565c0", "memory %", "#00838f", "crashes", "#c62828", "error lines", "#ef6c00");
    static final String ALERT_COLOUR = "#ef6c00";
    static final String EMERGENCY_COLOUR = "#c62828";
    /** A series is clipped when its largest value is more than this many times its ordinary top (95th percentile). */
    static final double SPIKE_FACTOR = 3.0;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TrendCharts() {
    }

    /**
     * A metric's thresholds (null when it has none).
     *
     * @param alert     value above which it alerts
     * @param emergency value above which it is an emergency
     */
    public record Threshold(Double alert, Double emergency) {
    }

    /** One chart of the page: a title, the element id and its ECharts option as JSON. */
    public record Chart(String id, String title, String optionJson) {
    }

    /** The thresholds of the default series as a result states them (each finding's alert and emergency). */
    public static Map<String, Threshold> thresholds(CheckResult r) {
        Map<String, Threshold> out = new LinkedHashMap<>();
        TrendSeries.DEFAULT_SERIES.forEach((name, id) -> r.finding(id).map(TrendCharts::threshold)
                .ifPresent(t -> out.put(name, t)));
        return out;
    }

    private static Threshold threshold(Finding f) {
        return new Threshold(f.alert(), f.emergency());
    }

    /** The run time of a trend label ({@code yyyy-MM-dd HH:mm}, UTC), or null when it is not one. */
    static Long time(String label) {
        try {
            return LocalDateTime.parse(label, LABEL).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The standalone page's charts: for each default series, the hourly and the weekly runs on a time axis; then the
     * restarts per app per day.
     */
    public static List<Chart> standalone(TrendSeries hourly, TrendSeries weekly, Map<String, Threshold> thresholds,
                                         RestartsPerApp restarts) {
        List<Chart> out = new ArrayList<>();
        int n = 0;
        for (String name : TrendSeries.DEFAULT_SERIES.keySet()) {
            List<double[]> h = points(hourly, name);
            List<double[]> w = points(weekly, name);
            if (h.isEmpty() && w.isEmpty()) {
                continue;
            }
            out.add(new Chart("chart-" + n++, name, Json.compact(metricOption(name, h, w,
                    thresholds.getOrDefault(name, new Threshold(null, null))))));
        }
        if (restarts != null && !restarts.perDay().isEmpty()) {
            out.add(new Chart("chart-" + n, "restarts per app per day", Json.compact(restartsOption(restarts))));
        }
        return out;
    }

    private static List<double[]> points(TrendSeries t, String name) {
        List<double[]> out = new ArrayList<>();
        if (t == null || !t.series().containsKey(name)) {
            return out;
        }
        List<Double> values = t.series().get(name);
        for (int i = 0; i < values.size(); i++) {
            Long at = time(t.labels().get(i));
            if (at != null && values.get(i) != null) {
                out.add(new double[] {at, values.get(i)});
            }
        }
        return out;
    }

    /** Where the y-axis stops: null when no spike needs clipping, else the clip value. */
    static Double clip(List<Double> values, Threshold t) {
        List<Double> v = values.stream().filter(Objects::nonNull).sorted().toList();
        if (v.size() < 5) {
            return null;
        }
        double max = v.get(v.size() - 1);
        double p95 = v.get((int) Math.floor(0.95 * (v.size() - 1)));
        double ordinary = Math.max(p95, 1.0); // counts that are mostly 0: a spike is judged against 1
        if (t != null && t.emergency() != null && t.emergency() < max) {
            ordinary = Math.max(ordinary, t.emergency());
        } else if (t != null && t.alert() != null && t.alert() < max) {
            ordinary = Math.max(ordinary, t.alert());
        }
        if (max <= SPIKE_FACTOR * ordinary) {
            return null;
        }
        return niceCeil(ordinary * 1.5);
    }

    static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * mag >= v) {
                return step * mag;
            }
        }
        return 10 * mag;
    }

    private static Map<String, Object> metricOption(String name, List<double[]> hourly, List<double[]> weekly, Threshold t) {
        String colour = COLOURS.getOrDefault(name, "#455a64");
        List<Double> all = new ArrayList<>();
        hourly.forEach(p -> all.add(p[1]));
        weekly.forEach(p -> all.add(p[1]));
        Double top = clip(all, t);
        List<Object> series = new ArrayList<>();
        if (!hourly.isEmpty()) {
            series.add(line("hourly (" + HOURLY + ")", colour, hourly, top, false, thresholdLines(t)));
        }
        if (!weekly.isEmpty()) {
            series.add(line("weekly (" + WEEKLY + ")", darker(colour), weekly, top, true, hourly.isEmpty() ? thresholdLines(t) : null));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("animation", false);
        o.put("title", Map.of("text", name, "subtext", top == null ? "" : "y-axis clipped at " + fmt(top)
                + ": higher values are marked with their real value", "left", "center", "textStyle", Map.of("fontSize", 14)));
        o.put("color", List.of(colour, darker(colour)));
        o.put("legend", Map.of("top", top == null ? 28 : 44, "left", "center"));
        o.put("grid", Map.of("left", 60, "right", 60, "top", top == null ? 64 : 80, "bottom", 60));
        // drawn on the canvas, never as HTML: app names cannot inject markup
        o.put("tooltip", Map.of("trigger", "axis", "renderMode", "richText"));
        o.put("useUTC", true);
        o.put("xAxis", timeAxis());
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("type", "value");
        y.put("min", 0);
        double highest = all.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double withThresholds = Math.max(highest, t == null || t.emergency() == null ? 0
                : t.emergency() <= Math.max(highest, 1) * 4 ? t.emergency() : 0);
        y.put("max", top != null ? top : niceCeil(Math.max(withThresholds * 1.05, highest == 0 ? 1 : highest * 1.1)));
        o.put("yAxis", y);
        o.put("dataZoom", List.of(Map.of("type", "inside", "xAxisIndex", 0), Map.of("type", "slider", "xAxisIndex", 0,
                "height", 18, "bottom", 8)));
        o.put("series", series);
        return o;
    }

    private static Map<String, Object> line(String name, String colour, List<double[]> points, Double top, boolean weekly,
                                            Map<String, Object> markLine) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("showSymbol", weekly || points.size() < 60);
        s.put("symbolSize", weekly ? 7 : 4);
        s.put("lineStyle", weekly ? Map.of("width", 2, "type", "dashed", "color", colour) : Map.of("width", 1.5, "color", colour));
        s.put("itemStyle", Map.of("color", colour));
        s.put("data", points.stream().map(p -> List.of((long) p[0], p[1])).toList());
        if (top != null) {
            List<Object> spikes = new ArrayList<>();
            for (double[] p : points) {
                if (p[1] > top) {
                    spikes.add(Map.of("coord", List.of((long) p[0], top), "value", fmt(p[1])));
                }
            }
            if (!spikes.isEmpty()) {
                s.put("markPoint", Map.of("symbol", "pin", "symbolSize", 40, "data", spikes,
                        "itemStyle", Map.of("color", EMERGENCY_COLOUR), "label", Map.of("fontSize", 10)));
            }
        }
        if (markLine != null) {
            s.put("markLine", markLine);
        }
        return s;
    }

    private static Map<String, Object> thresholdLines(Threshold t) {
        if (t == null || t.alert() == null && t.emergency() == null) {
            return null;
        }
        List<Object> data = new ArrayList<>();
        if (t.alert() != null) {
            data.add(Map.of("name", "alert", "yAxis", t.alert(), "lineStyle", Map.of("color", ALERT_COLOUR, "type", "dashed"),
                    "label", Map.of("formatter", "alert {c}", "color", ALERT_COLOUR)));
        }
        if (t.emergency() != null) {
            data.add(Map.of("name", "emergency", "yAxis", t.emergency(), "lineStyle", Map.of("color", EMERGENCY_COLOUR, "type", "solid"),
                    "label", Map.of("formatter", "emergency {c}", "color", EMERGENCY_COLOUR)));
        }
        return Map.of("symbol", "none", "silent", true, "data", data, "label", Map.of("position", "insideEndTop"));
    }

    private static Map<String, Object> restartsOption(RestartsPerApp r) {
        Map<String, Object> o = new LinkedHashMap<>();
        List<Object> series = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, TreeMap<Long, Long>> e : r.perDay().entrySet()) {
            List<Object> data = new ArrayList<>();
            e.getValue().forEach((day, n) -> {
                if (n > 0) {
                    data.add(List.of(day, n));
                }
            });
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.getKey());
            s.put("type", "bar");
            s.put("barMaxWidth", 18);
            s.put("itemStyle", Map.of("color", APP_COLOURS.get(i++ % APP_COLOURS.size())));
            s.put("data", data);
            series.add(s);
        }
        o.put("animation", false);
        o.put("title", Map.of("text", "restarts per app per day", "subtext", "log scale: one crash loop does not hide the rest",
                "left", "center", "textStyle", Map.of("fontSize", 14)));
        o.put("legend", Map.of("top", 44, "left", "center", "type", "scroll"));
        o.put("grid", Map.of("left", 60, "right", 60, "top", 80, "bottom", 60));
        // drawn on the canvas, never as HTML: app names cannot inject markup
        o.put("tooltip", Map.of("trigger", "axis", "renderMode", "richText"));
        o.put("useUTC", true);
        Map<String, Object> x = timeAxis();
        x.put("minInterval", 86_400_000L);
        o.put("xAxis", x);
        o.put("yAxis", Map.of("type", "log", "logBase", 10, "min", 1, "name", "restarts"));
        o.put("dataZoom", List.of(Map.of("type", "inside", "xAxisIndex", 0), Map.of("type", "slider", "xAxisIndex", 0,
                "height", 18, "bottom", 8)));
        o.put("series", series);
        return o;
    }

    /** A time axis in UTC whose labels carry the date ("Nov 29"), and the time when zoomed in to hours. */
    private static Map<String, Object> timeAxis() {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", "time");
        x.put("name", "UTC");
        x.put("axisLabel", Map.of("hideOverlap", true, "formatter", Map.of("year", "{yyyy}", "month", "{MMM} {yyyy}",
                "day", "{MMM} {d}", "hour", "{MMM} {d} {HH}:{mm}", "minute", "{HH}:{mm}", "second", "{HH}:{mm}:{ss}")));
        return x;
    }

    /** Colours of the apps in the restarts chart, in turn. */
    static final List<String> APP_COLOURS = List.of("#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f",
            "#8d6e63", "#ad1457", "#9e9d24", "#455a64");

    /**
     * The Jenkins job trend over builds: echarts-api's trend-chart model ({@code domainAxisLabels}, {@code buildNumbers},
     * {@code series}, {@code rangeMax}) and a complete ECharts option in one JSON object; labels carry the build
     * number and the run's date. The series and colours are those of the standalone page; thresholds of the % series
     * are lines; one spike is clipped like there.
     *
     * @param trend  one entry per build, oldest first (labels: the run's UTC time, {@code yyyy-MM-dd HH:mm})
     * @param builds the build number of each entry
     */
    public static String jobTrend(TrendSeries trend, List<Integer> builds, Map<String, Threshold> thresholds) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < trend.labels().size(); i++) {
            labels.add("#" + builds.get(i) + " " + trend.labels().get(i));
        }
        List<Double> all = new ArrayList<>();
        trend.series().values().forEach(all::addAll);
        Double top = clip(all, null);
        List<Object> series = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : trend.series().entrySet()) {
            if (e.getValue().stream().allMatch(Objects::isNull)) {
                continue;
            }
            String colour = COLOURS.getOrDefault(e.getKey(), "#455a64");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.getKey());
            s.put("type", "line");
            s.put("symbol", "circle");
            s.put("showSymbol", e.getValue().size() < 60);
            s.put("connectNulls", true);
            s.put("itemStyle", Map.of("color", colour));
            s.put("lineStyle", Map.of("color", colour, "width", 1.5));
            s.put("data", e.getValue());
            Threshold t = thresholds.get(e.getKey());
            if (e.getKey().endsWith("%")) {
                Map<String, Object> lines = thresholdLines(t);
                if (lines != null) {
                    s.put("markLine", lines);
                }
            }
            series.add(s);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("domainAxisLabels", labels);
        o.put("buildNumbers", builds);
        o.put("series", series);
        o.put("zeroBasedYAxis", true);
        o.put("integerRangeAxis", false);
        if (top != null) {
            o.put("rangeMax", top);
        }
        o.put("legend", Map.of("top", 0, "type", "scroll"));
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("xAxis", Map.of("type", "category", "boundaryGap", false, "data", labels));
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("type", "value");
        y.put("min", 0);
        if (top != null) {
            y.put("max", top);
        }
        o.put("yAxis", y);
        return Json.compact(o);
    }

    private static String darker(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        int r = (v >> 16 & 0xff) * 6 / 10;
        int g = (v >> 8 & 0xff) * 6 / 10;
        int b = (v & 0xff) * 6 / 10;
        return String.format("#%02x%02x%02x", r, g, b);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    /**
     * Restarts per app per UTC day, from the PM2 restart counters ({@code process:<app>} values) of consecutive hourly
     * runs: each rise counts; a counter that went down (a new PM2 daemon) counts its new value. Memory stays one number
     * per app and day whatever the history's length. Feed it records oldest first.
     */
    public static final class RestartsPerApp {
        private final Map<String, TreeMap<Long, Long>> perDay = new TreeMap<>();
        private final Map<String, Double> last = new LinkedHashMap<>();

        /** Adds one run (records of other checks than {@link #HOURLY} and {@link #WEEKLY} are ignored). */
        public void add(HistoryRecord r) {
            if (!HOURLY.equals(r.check()) && !WEEKLY.equals(r.check())) {
                return;
            }
            long day = r.at().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
            r.values().forEach((id, v) -> {
                if (!id.startsWith("process:") || v == null) {
                    return;
                }
                String app = id.substring("process:".length());
                Double before = last.put(app, v);
                long n = before == null ? 0 : v >= before ? Math.round(v - before) : Math.round(v);
                perDay.computeIfAbsent(app, k -> new TreeMap<>()).merge(day, n, Long::sum);
            });
        }

        /** App to day (UTC midnight, epoch ms) to restarts. */
        public Map<String, TreeMap<Long, Long>> perDay() {
            return perDay;
        }

        /** Days covered, for tests. */
        static Instant day(long ms) {
            return Instant.ofEpochMilli(ms);
        }
    }
}
