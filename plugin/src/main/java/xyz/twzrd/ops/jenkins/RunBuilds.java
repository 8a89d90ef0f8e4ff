package xyz.twzrd.ops.jenkins;

import hudson.model.Job;
import hudson.model.Run;
import xyz.twzrd.ops.core.run.BuildChain;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A job's builds as core's {@link BuildChain} walks them: the previous build, a build by number, and the checks and
 * pointers of each build's {@link TwzrdBuildAction}s. Only the compact values of build.xml are read, never a full
 * result file.
 */
final class RunBuilds implements BuildChain.Builds<Run<?, ?>> {
    /** How many builds a walk reads at most where pointers cannot help (builds with no twzrd-ops action). */
    static final int SCAN_LIMIT = 100;

    private final Job<?, ?> job;

    RunBuilds(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    public Run<?, ?> previous(Run<?, ?> build) {
        return build.getPreviousBuild();
    }

    @Override
    public Run<?, ?> byNumber(int number) {
        return job.getBuildByNumber(number);
    }

    @Override
    public int number(Run<?, ?> build) {
        return build.getNumber();
    }

    @Override
    public Set<String> checks(Run<?, ?> build) {
        Set<String> out = new LinkedHashSet<>();
        for (TwzrdBuildAction a : build.getActions(TwzrdBuildAction.class)) {
            out.add(a.getCheck());
        }
        return out;
    }

    @Override
    public Map<String, Integer> pointers(Run<?, ?> build) {
        TreeMap<String, Integer> merged = null;
        for (TwzrdBuildAction a : build.getActions(TwzrdBuildAction.class)) {
            Map<String, Integer> p = a.getPointers();
            if (p != null) {
                if (merged == null) {
                    merged = new TreeMap<>();
                }
                // a loop, not p.forEach(lambda): merged is assigned twice, so a lambda may not capture it
                for (Map.Entry<String, Integer> e : p.entrySet()) {
                    merged.merge(e.getKey(), e.getValue(), Math::max);
                }
            }
        }
        return merged;
    }
}
