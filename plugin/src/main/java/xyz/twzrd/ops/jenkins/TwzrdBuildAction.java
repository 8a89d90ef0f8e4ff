package xyz.twzrd.ops.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.run.CheckKind;

import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The result of one twzrd-ops check in a build. build.xml keeps only the compact part (severity, summary, the
 * trend values, the alert state), as strings, numbers and a JDK map: no core type is a field here, since the
 * JEP-200 class filter would refuse it in build.xml. The full result lives in {@code <build>/twzrd-ops/<check>.json}
 * and is read lazily (into a transient field) when someone opens the report page.
 */
public final class TwzrdBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    private static final Logger LOGGER = Logger.getLogger(TwzrdBuildAction.class.getName());

    private final String check;
    private final String host;
    private final String severity;
    private final String summary;
    private final long startedAt;
    private final TreeMap<String, Double> values;
    private final String alertState;
    private final boolean notify;

    private transient Run<?, ?> owner;
    private transient SoftReference<CheckResult> full;

    private TwzrdBuildAction(Run<?, ?> owner, CheckResult r, String alertState, boolean notify,
                             Map<String, Double> values) {
        this.owner = owner;
        this.check = r.getCheck();
        this.host = r.getHost();
        this.severity = r.getSeverity().name();
        this.summary = r.getSummary();
        this.startedAt = r.getStartedAt().toEpochMilli();
        this.values = new TreeMap<>(values);
        this.alertState = alertState;
        this.notify = notify;
        this.full = new SoftReference<>(r);
    }

    /** How far back {@link #previous} looks for an earlier result of the same check. */
    static final int PREVIOUS_BUILDS_SCANNED = 100;

    /**
     * Stores the full result in the build folder (atomically) and adds the action to the build, replacing an earlier
     * action of the same check in this build only: a build may run several checks (restart, then health check).
     */
    static TwzrdBuildAction attach(Run<?, ?> run, CheckResult result, String alertState, boolean notify,
                                   Map<String, Double> values) throws IOException {
        AtomicFiles.writeString(resultFile(run, result.getCheck()).toPath(), Json.pretty(result));
        TwzrdBuildAction action = new TwzrdBuildAction(run, result, alertState, notify, values);
        for (TwzrdBuildAction old : run.getActions(TwzrdBuildAction.class)) {
            if (old.check.equals(action.check)) {
                run.removeAction(old);
            }
        }
        run.addAction(action);
        return action;
    }

    /**
     * The same check's action of the nearest earlier build that has one (looking back at most
     * {@link #PREVIOUS_BUILDS_SCANNED} builds), or null.
     */
    @CheckForNull
    static TwzrdBuildAction previous(Run<?, ?> run, String check) {
        Run<?, ?> r = run.getPreviousBuild();
        for (int seen = 0; r != null && seen < PREVIOUS_BUILDS_SCANNED; seen++, r = r.getPreviousBuild()) {
            for (TwzrdBuildAction a : r.getActions(TwzrdBuildAction.class)) {
                if (a.check.equals(check)) {
                    return a;
                }
            }
        }
        return null;
    }

    private static File resultFile(Run<?, ?> run, String check) {
        return new File(new File(run.getRootDir(), "twzrd-ops"), check + ".json");
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        owner = r;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    public String getCheck() {
        return check;
    }

    public String getHost() {
        return host;
    }

    public Severity getSeverity() {
        return Severity.parse(severity);
    }

    public String getSummary() {
        return summary;
    }

    public long getStartedAt() {
        return startedAt;
    }

    /** Trend values (swap %, load, memory %, crashes, error lines) as stored compactly. */
    public Map<String, Double> getValues() {
        return values;
    }

    @CheckForNull
    public String getAlertState() {
        return alertState;
    }

    public boolean isNotify() {
        return notify;
    }

    /** The full result, read from the build folder on first use; null when it cannot be read. */
    @CheckForNull
    public CheckResult getResult() {
        CheckResult r = full == null ? null : full.get();
        if (r == null && owner != null) {
            try {
                r = Json.readResult(Files.readString(resultFile(owner, check).toPath()));
                full = new SoftReference<>(r);
            } catch (IOException | IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "cannot read the twzrd-ops result of " + owner, e);
            }
        }
        return r;
    }

    /** The full result as stored in the build folder (JSON), for the next build's report comparison; null if gone. */
    @CheckForNull
    String getResultJson() {
        if (owner == null) {
            return null;
        }
        try {
            return Files.readString(resultFile(owner, check).toPath());
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "no twzrd-ops result in " + owner, e);
            return null;
        }
    }

    /** Findings that are not OK, for the summary box. */
    public List<Finding> getProblems() {
        CheckResult r = getResult();
        return r == null ? List.of() : r.getFindings().stream().filter(f -> f.severity() != Severity.OK).toList();
    }

    /** What the summary box lists: the findings that are not OK, and for the verified restart every app's outcome. */
    public List<Finding> getShown() {
        CheckResult r = getResult();
        if (r == null || !check.equals(CheckKind.PM2_RESTART.id())) {
            return getProblems();
        }
        return r.getFindings();
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "twzrd-ops " + check;
    }

    @Override
    public String getUrlName() {
        return "twzrd-ops-" + check;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return owner == null ? List.of() : List.of(new TwzrdJobAction(owner.getParent(), check));
    }
}
