package xyz.twzrd.ops.jenkins;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import org.kohsuke.stapler.bind.JavaScriptMethod;
import xyz.twzrd.ops.core.run.BuildPage;
import xyz.twzrd.ops.core.run.BuildChain;
import xyz.twzrd.ops.core.run.CheckKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job page's twzrd-ops trend (echarts, via {@code floatingBox.jelly}) and history table for one check, made by
 * {@link TwzrdJobActionFactory}. Built from the compact values each build's action keeps, never from the full
 * reports (only the thresholds come from the newest build's full result), and reading only the builds that ran the check (through the actions' pointers, {@link BuildChain}).
 */
public final class TwzrdJobAction implements Action, AsyncTrendChart {
    /** How many results of the check the chart and table show (a week of hourly runs). */
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

    /** The newest completed builds' actions of this check, newest first, at most {@link #MAX_BUILDS}. */
    public List<TwzrdBuildAction> getHistory() {
        return history(MAX_BUILDS);
    }

    /** The newest {@code max} actions of this check from the last completed build back, newest first. */
    List<TwzrdBuildAction> history(int max) {
        Run<?, ?> last = job.getLastCompletedBuild();
        if (last == null) {
            return List.of();
        }
        List<TwzrdBuildAction> out = new ArrayList<>();
        for (Run<?, ?> r : BuildChain.results(new RunBuilds(job), last, check, max, RunBuilds.SCAN_LIMIT)) {
            TwzrdBuildAction a = TwzrdBuildAction.of(r, check);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The trend as ECharts option JSON from core ({@link BuildPage#jobTrend}): the same series and colours as the
     * standalone trend page, one point per build labelled with its number and UTC time, the % series' thresholds (as
     * the newest build's result states them) as lines, one spike clipped. It is echarts-api's trend-chart model
     * (domainAxisLabels, buildNumbers, series) and a complete ECharts option at once.
     */
    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        List<BuildPage.TrendPoint> points = new ArrayList<>();
        List<TwzrdBuildAction> history = getHistory();
        for (int i = history.size() - 1; i >= 0; i--) {
            TwzrdBuildAction a = history.get(i);
            points.add(new BuildPage.TrendPoint(a.getOwner().getNumber(), a.getStartedAt(), a.getSeverity(), a.getValues()));
        }
        return BuildPage.jobTrend(points, Optional.ofNullable(history.isEmpty() ? null : history.get(0).getResult()));
    }

    /**
     * A chart only for a check whose results carry trend values (not the restart or the audit), and only from its
     * second result on: reads the newest two results and no more (as echarts-api's AsyncTrendJobAction does).
     */
    @Override
    public boolean isTrendVisible() {
        return CheckKind.hasTrend(check) && history(2).size() == 2;
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
