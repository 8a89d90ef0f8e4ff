package xyz.twzrd.ops.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.TransientActionFactory;
import xyz.twzrd.ops.core.run.BuildChain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The job page's twzrd-ops actions (history link and trend chart), one per check found in the job's recent builds,
 * whatever those builds' results. Jenkins' {@code SimpleBuildStep.LastBuildAction} would ask only the last
 * successful build, so a host in trouble (EMERGENCY or UNKNOWN marks builds FAILURE) would show neither chart nor
 * history, exactly when they are needed. Jenkins calls this on every rendering of the job: it reads the compact
 * actions of at most {@link #RECENT_BUILDS} builds.
 */
@Extension
@SuppressWarnings("rawtypes") // TransientActionFactory<Job>, as Jenkins core declares its own job action factories
public final class TwzrdJobActionFactory extends TransientActionFactory<Job> {
    /** How many of the newest completed builds are looked at for the checks a job runs. */
    static final int RECENT_BUILDS = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return TwzrdJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        Run<?, ?> last = job.getLastCompletedBuild();
        if (last == null) {
            return List.of();
        }
        List<TwzrdJobAction> actions = new ArrayList<>();
        for (String check : BuildChain.recentChecks(new RunBuilds(job), last, RECENT_BUILDS)) {
            actions.add(new TwzrdJobAction(job, check));
        }
        return actions;
    }
}
