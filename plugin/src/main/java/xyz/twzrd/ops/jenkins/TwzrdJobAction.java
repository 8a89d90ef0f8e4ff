package xyz.twzrd.ops.jenkins;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import org.kohsuke.stapler.bind.JavaScriptMethod;
import xyz.twzrd.ops.core.runs.RunRecord;
import xyz.twzrd.ops.core.runs.TrendSeries;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The job-level view of one check: the trend chart in the job page's floating box (echarts-api, model from
 * {@link TrendSeries}) and the history table. Both read only the compact records of the newest builds
 * ({@link TwzrdOpsConfiguration#getTrendBuilds()}), never the full reports.
 */
public class TwzrdJobAction implements Action, AsyncTrendChart {
    private final Job<?, ?> job;
    private final String check;
    private final String target;
    private final String urlName;

    TwzrdJobAction(Job<?, ?> job, String check, String target, String urlName) {
        this.job = job;
        this.check = check;
        this.target = target;
        this.urlName = urlName;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getCheck() {
        return check;
    }

    public String getTarget() {
        return target;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "twzrd-ops " + check + " history";
    }

    /** The same as the build action's, so a click on the chart opens that build's report. */
    @Override
    public String getUrlName() {
        return urlName;
    }

    /** The newest builds' actions for this check and target, newest first, at most the configured number. */
    public List<TwzrdRunAction> getHistory() {
        List<TwzrdRunAction> list = new ArrayList<>();
        actions().forEachRemaining(list::add);
        return list;
    }

    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        Iterable<RunRecord> records = () -> new Iterator<>() {
            private final Iterator<TwzrdRunAction> it = actions();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public RunRecord next() {
                return it.next().toRecord();
            }
        };
        TrendSeries trend = TrendSeries.of(records, TwzrdOpsConfiguration.get().getTrendBuilds());
        LinesChartModel model = new LinesChartModel(trend.labels(), trend.numbers());
        model.setDomainAxisItemName("Build");
        trend.series().forEach((severity, counts) -> {
            LineSeries line = new LineSeries(severity, TrendSeries.color(severity),
                    LineSeries.StackedMode.STACKED, LineSeries.FilledMode.FILLED);
            line.addAll(counts);
            model.addSeries(line);
        });
        return new JacksonFacade().toJson(model);
    }

    @Override
    public boolean isTrendVisible() {
        Iterator<TwzrdRunAction> it = actions();
        return it.hasNext() && it.next() != null && it.hasNext();
    }

    /** Lazily walks the newest builds (bounded) and yields this check's actions. */
    private Iterator<TwzrdRunAction> actions() {
        int max = TwzrdOpsConfiguration.get().getTrendBuilds();
        Iterator<? extends Run<?, ?>> builds = job.getBuilds().limit(max).iterator();
        return new Iterator<>() {
            private TwzrdRunAction next = advance();

            private TwzrdRunAction advance() {
                while (builds.hasNext()) {
                    TwzrdRunAction a = TwzrdRunAction.find(builds.next(), check, target);
                    if (a != null) {
                        return a;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public TwzrdRunAction next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                TwzrdRunAction a = next;
                next = advance();
                return a;
            }
        };
    }
}
