package xyz.twzrd.ops.jenkins;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.jenkins.plugins.echarts.JenkinsPalette;
import org.kohsuke.stapler.bind.JavaScriptMethod;
import xyz.twzrd.ops.core.history.TrendSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job page's twzrd-ops trend (echarts, via {@code floatingBox.jelly}) and history table for one check. Built
 * from the compact values each build's action keeps, never from the full reports.
 */
public final class TwzrdJobAction implements Action, AsyncTrendChart {
    /** How many builds the chart and table look back (a week of hourly runs). */
    static final int MAX_BUILDS = 168;

    private final Job<?, ?> job;
    private final String check;

    TwzrdJobAction(Job<?, ?> job, String check) {
        this.job = job;
        this.check = check;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getCheck() {
        return check;
    }

    /** The newest builds' actions of this check, newest first. */
    public List<TwzrdBuildAction> getHistory() {
        List<TwzrdBuildAction> out = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> r = job.getLastCompletedBuild(); r != null && seen < MAX_BUILDS; r = r.getPreviousCompletedBuild()) {
            seen++;
            for (TwzrdBuildAction a : r.getActions(TwzrdBuildAction.class)) {
                if (a.getCheck().equals(check)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        TrendSeries.Builder trend = new TrendSeries.Builder();
        List<Integer> builds = new ArrayList<>();
        List<TwzrdBuildAction> history = getHistory();
        for (int i = history.size() - 1; i >= 0; i--) {
            TwzrdBuildAction a = history.get(i);
            int number = a.getOwner().getNumber();
            builds.add(number);
            trend.add("#" + number, a.getSeverity(), a.getValues());
        }
        TrendSeries series = trend.build();
        LinesChartModel model = new LinesChartModel();
        model.setDomainAxisLabels(series.labels());
        model.setBuildNumbers(builds);
        int colour = 0;
        for (Map.Entry<String, List<Integer>> s : series.rounded().entrySet()) {
            LineSeries line = new LineSeries(s.getKey(), JenkinsPalette.chartColor(colour++).normal(),
                    LineSeries.StackedMode.SEPARATE_LINES, LineSeries.FilledMode.LINES);
            line.addAll(s.getValue());
            model.addSeries(line);
        }
        return new JacksonFacade().toJson(model);
    }

    @Override
    public boolean isTrendVisible() {
        return getHistory().size() >= 2;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "twzrd-ops " + check + " history";
    }

    @Override
    public String getUrlName() {
        return "twzrd-ops-" + check;
    }
}
