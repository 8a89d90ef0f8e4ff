package xyz.twzrd.ops.core.history;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.report.Html;

/** The trend page: a severity strip and one line chart per series, as inline SVG; readable without JavaScript. */
public final class TrendPage {
    private static final int W = 900;
    private static final int H = 160;
    private static final int PAD = 30;

    private TrendPage() {
    }

    public static String render(String title, TrendSeries t) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.text(title)).append("</h1>\n");
        int n = t.labels().size();
        if (n == 0) {
            return Html.page(title, b.append("<p>No runs recorded yet.</p>").toString());
        }
        b.append("<p class=\"muted\">").append(n).append(" runs, ").append(Html.text(t.labels().get(0)))
                .append(" to ").append(Html.text(t.labels().get(n - 1))).append(" (UTC)</p>\n");
        b.append("<h2>Severity per run</h2>\n").append(severityStrip(t)).append('\n');
        for (Map.Entry<String, List<Double>> e : t.series().entrySet()) {
            if (e.getValue().stream().allMatch(Objects::isNull)) {
                continue;
            }
            b.append("<h2>").append(Html.text(e.getKey())).append("</h2>\n").append(chart(e.getKey(), e.getValue())).append('\n');
        }
        return Html.page(title, b.toString());
    }

    private static String severityStrip(TrendSeries t) {
        int n = t.labels().size();
        double w = (double) (W - 2 * PAD) / n;
        StringBuilder s = new StringBuilder("<svg role=\"img\" width=\"" + W
                + "\" height=\"40\" viewBox=\"0 0 " + W + " 40\"><title>severity per run</title>");
        for (int i = 0; i < n; i++) {
            Severity sev = t.severities().get(i);
            s.append("<rect x=\"").append(fmt(PAD + i * w)).append("\" y=\"8\" width=\"").append(fmt(Math.max(w, 0.5)))
                    .append("\" height=\"24\" fill=\"").append(color(sev)).append("\"><title>")
                    .append(Html.text(t.labels().get(i) + " " + sev)).append("</title></rect>");
        }
        return s.append("</svg>").toString();
    }

    private static String chart(String name, List<Double> values) {
        double max = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = max <= 0 ? 1 : max;
        int n = values.size();
        double step = n > 1 ? (double) (W - 2 * PAD) / (n - 1) : 0;
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v != null) {
                pts.append(fmt(PAD + i * step)).append(',').append(fmt(H - PAD - (H - 2 * PAD) * v / top)).append(' ');
            }
        }
        return "<svg role=\"img\" width=\"" + W + "\" height=\"" + H
                + "\" viewBox=\"0 0 " + W + " " + H + "\"><title>" + Html.text(name) + "</title>"
                + "<line x1=\"" + PAD + "\" y1=\"" + (H - PAD) + "\" x2=\"" + (W - PAD) + "\" y2=\"" + (H - PAD) + "\" stroke=\"#999\"/>"
                + "<text x=\"2\" y=\"" + (PAD - 8) + "\" font-size=\"11\">max " + Html.text(fmt(max)) + "</text>"
                + "<text x=\"2\" y=\"" + (H - PAD + 14) + "\" font-size=\"11\">0</text>"
                + "<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"" + pts.toString().trim() + "\"/></svg>";
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
