package xyz.twzrd.ops.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.report.Html;

/**
 * The standalone trend page: one self-contained HTML file that opens offline. ECharts (from its Maven Central webjar)
 * is inlined, and so is each chart's option JSON ({@link TrendCharts}); a severity strip per check is inline SVG.
 */
public final class TrendPage {
    private static final int W = 900;
    private static final int PAD = 30;
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private TrendPage() {
    }

    /** The page: a line of counts, the severity strips, then the charts. */
    public static String render(String title, TrendSeries hourly, TrendSeries weekly, List<TrendCharts.Chart> charts) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.text(title)).append("</h1>\n");
        int runs = hourly.labels().size() + weekly.labels().size();
        if (runs == 0 && charts.isEmpty()) {
            return Html.page(title, b.append("<p>No runs recorded yet.</p>").toString());
        }
        b.append("<p class=\"muted\" id=\"counts\">").append(hourly.labels().size()).append(" hourly runs (")
                .append(TrendCharts.HOURLY).append("), ").append(weekly.labels().size()).append(" weekly runs (")
                .append(TrendCharts.WEEKLY).append("); times in UTC. Drag or scroll a chart to zoom.</p>\n");
        strip(b, "Severity per hourly run", hourly);
        strip(b, "Severity per weekly run", weekly);
        b.append("<noscript><p>The charts need JavaScript (ECharts is inlined in this file; nothing is loaded from the network)."
                + "</p></noscript>\n");
        for (TrendCharts.Chart c : charts) {
            b.append("<div class=\"chart\" id=\"").append(Html.attr(c.id())).append("\" role=\"img\" aria-label=\"")
                    .append(Html.attr(c.title())).append("\" style=\"width:100%;max-width:1100px;height:340px\"></div>\n")
                    .append("<script type=\"application/json\" id=\"").append(Html.attr(c.id() + "-option")).append("\">")
                    .append(scriptSafe(c.optionJson())).append("</script>\n");
        }
        b.append("<script>\n").append(echarts()).append("\n</script>\n<script>\n")
                .append("document.querySelectorAll('div.chart').forEach(function (el) {\n")
                .append("  var option = JSON.parse(document.getElementById(el.id + '-option').textContent);\n")
                .append("  var chart = echarts.init(el, null, {renderer: 'canvas'});\n")
                .append("  chart.setOption(option);\n")
                .append("  window.addEventListener('resize', function () { chart.resize(); });\n")
                .append("});\n</script>\n");
        return Html.page(title, b.toString());
    }

    /** JSON placed in a script element: no {@code </script>} or HTML comment can end it early. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** ECharts' minified build from the webjar on the class path. */
    static String echarts() {
        ClassLoader cl = TrendPage.class.getClassLoader();
        try (InputStream pom = cl.getResourceAsStream(ECHARTS_POM)) {
            if (pom == null) {
                throw new IllegalStateException("the ECharts webjar (org.webjars.npm:echarts) is not on the class path");
            }
            Properties p = new Properties();
            p.load(pom);
            String path = "META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist/echarts.min.js";
            try (InputStream js = cl.getResourceAsStream(path)) {
                if (js == null) {
                    throw new IllegalStateException(path + " is missing from the ECharts webjar");
                }
                return new String(js.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ECharts webjar: " + e.getMessage(), e);
        }
    }

    private static void strip(StringBuilder b, String title, TrendSeries t) {
        int n = t.labels().size();
        if (n == 0) {
            return;
        }
        b.append("<h2>").append(Html.text(title)).append("</h2>\n");
        Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
        t.severities().forEach(s -> counts.merge(s, 1L, Long::sum));
        double w = (double) (W - 2 * PAD) / n;
        StringBuilder s = new StringBuilder("<svg role=\"img\" width=\"" + W
                + "\" height=\"40\" viewBox=\"0 0 " + W + " 40\"><title>" + Html.text(title) + "</title>");
        for (int i = 0; i < n; i++) {
            Severity sev = t.severities().get(i);
            s.append("<rect x=\"").append(fmt(PAD + i * w)).append("\" y=\"8\" width=\"").append(fmt(Math.max(w, 0.5)))
                    .append("\" height=\"24\" fill=\"").append(color(sev)).append("\"><title>")
                    .append(Html.text(t.labels().get(i) + " " + sev)).append("</title></rect>");
        }
        b.append(s.append("</svg>")).append("\n<p class=\"muted\">").append(Html.text(t.labels().get(0))).append(" to ")
                .append(Html.text(t.labels().get(n - 1)));
        counts.forEach((sev, c) -> b.append(", ").append(c).append(' ').append(sev));
        b.append("</p>\n");
    }

    private static String color(Severity s) {
        return switch (s) {
            case OK -> "#2e7d32";
            case ALERT -> "#ef6c00";
            case UNKNOWN -> "#6d6d6d";
            case EMERGENCY -> "#c62828";
        };
    }

    private static String fmt(double d) {
        return Numbers.fixed(d, 1);
    }
}
