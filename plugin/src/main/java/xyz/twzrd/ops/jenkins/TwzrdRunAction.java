package xyz.twzrd.ops.jenkins;

import hudson.model.Action;
import hudson.model.Run;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.runs.AlertDecision;
import xyz.twzrd.ops.core.runs.RunRecord;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The result of one twzrd-ops check in one build: a summary box on the build page and a full report page.
 *
 * <p>build.xml keeps only the compact record (severity, per-finding severities, alert state, when the last
 * notification went out), which is what the next builds, the job trend and the history table read. The full
 * result is a JSON file in the build folder ({@code twzrd-ops/<urlName>.json}), read only when the report page
 * is shown and then held softly. Only strings, numbers and string maps are stored, so nothing here depends on
 * how XStream treats records.
 */
public class TwzrdRunAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    private static final Logger LOGGER = Logger.getLogger(TwzrdRunAction.class.getName());
    static final String REPORT_FOLDER = "twzrd-ops";

    private final String check;
    private final String target;
    private final String urlName;
    private final String host;
    private final long startedAt;
    private final long durationMs;
    private final String severity;
    private final String summary;
    private final LinkedHashMap<String, String> findings;
    private final boolean notified;
    private final long notifiedAt;
    private final String reason;
    private final LinkedHashMap<String, String> states;

    private transient Run<?, ?> owner;
    private transient volatile SoftReference<CheckResult> report;

    TwzrdRunAction(String check, String target, String urlName, CheckResult result, AlertDecision decision) {
        this.check = check;
        this.target = target;
        this.urlName = urlName;
        this.host = result.getHost();
        this.startedAt = result.getStartedAt().toEpochMilli();
        this.durationMs = result.getDurationMs();
        this.severity = result.getSeverity().name();
        this.summary = result.getSummary();
        this.findings = new LinkedHashMap<>();
        RunRecord.of(0, result, null).findings().forEach((id, s) -> findings.put(id, s.name()));
        this.notified = decision.shouldNotify();
        this.notifiedAt = decision.notifiedAt() == null ? 0 : decision.notifiedAt().toEpochMilli();
        this.reason = decision.reason();
        this.states = new LinkedHashMap<>();
        decision.states().forEach((id, s) -> states.put(id, s.name()));
        this.report = new SoftReference<>(result);
    }

    /** Stores the full result in the build folder and adds the action (a second run of a check gets its own page). */
    static TwzrdRunAction attach(Run<?, ?> run, String check, String target, CheckResult result, AlertDecision decision)
            throws IOException {
        String base = "twzrd-" + check;
        String urlName = base;
        for (int n = 2; urlNameTaken(run, urlName); n++) {
            urlName = base + "-" + n;
        }
        TwzrdRunAction action = new TwzrdRunAction(check, target, urlName, result, decision);
        AtomicFiles.writeString(action.reportFile(run).toPath(), Json.pretty(result) + "\n");
        run.addAction(action);
        return action;
    }

    private static boolean urlNameTaken(Run<?, ?> run, String urlName) {
        return run.getActions(TwzrdRunAction.class).stream().anyMatch(a -> a.urlName.equals(urlName));
    }

    /** The last action of {@code run} for this check and target, or null. */
    static TwzrdRunAction find(Run<?, ?> run, String check, String target) {
        TwzrdRunAction found = null;
        for (TwzrdRunAction a : run.getActions(TwzrdRunAction.class)) {
            if (a.check.equals(check) && a.target.equals(target)) {
                found = a;
            }
        }
        return found;
    }

    private File reportFile(Run<?, ?> run) {
        return new File(new File(run.getRootDir(), REPORT_FOLDER), urlName + ".json");
    }

    /** The compact record that alert state and trends read. */
    public RunRecord toRecord() {
        Map<String, Severity> f = new LinkedHashMap<>();
        findings.forEach((id, s) -> f.put(id, Severity.parse(s)));
        return new RunRecord(owner == null ? 0 : owner.getNumber(), Instant.ofEpochMilli(startedAt),
                Severity.parse(severity), f, notifiedAt == 0 ? null : Instant.ofEpochMilli(notifiedAt));
    }

    /** The full result, read from the build folder on first use; null when the file is gone or unreadable. */
    public CheckResult getReport() {
        SoftReference<CheckResult> ref = report;
        CheckResult r = ref == null ? null : ref.get();
        if (r == null && owner != null) {
            try {
                r = Json.readResult(Files.readString(reportFile(owner).toPath()));
                report = new SoftReference<>(r);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "cannot read twzrd-ops report of " + owner, e);
                return null;
            }
        }
        return r;
    }

    /** Findings of the full report (empty when it cannot be read). */
    public List<Finding> getReportFindings() {
        CheckResult r = getReport();
        return r == null ? List.of() : r.getFindings();
    }

    /** The result's extension sections as pretty JSON, by name (empty when the report cannot be read). */
    public Map<String, String> getReportSections() {
        CheckResult r = getReport();
        Map<String, String> m = new LinkedHashMap<>();
        if (r != null) {
            r.getSections().forEach((name, value) -> m.put(name, Json.pretty(value)));
        }
        return m;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.owner = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.owner = r;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return owner == null ? List.of() : List.of(new TwzrdJobAction(owner.getParent(), check, target, urlName));
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "twzrd-ops " + check + ": " + severity;
    }

    @Override
    public String getUrlName() {
        return urlName;
    }

    public String getCheck() {
        return check;
    }

    public String getTarget() {
        return target;
    }

    public String getHost() {
        return host;
    }

    public Instant getStartedAt() {
        return Instant.ofEpochMilli(startedAt);
    }

    public long getDurationMs() {
        return durationMs;
    }

    public String getSeverity() {
        return severity;
    }

    public String getSummary() {
        return summary;
    }

    public boolean isNotified() {
        return notified;
    }

    public String getReason() {
        return reason;
    }

    /** Finding id to NEW / ONGOING / RESOLVED. */
    public Map<String, String> getStates() {
        return states;
    }

    /** Findings that are not OK, with their severity (from the compact record). */
    public Map<String, String> getProblems() {
        Map<String, String> m = new LinkedHashMap<>();
        findings.forEach((id, s) -> {
            if (!Severity.OK.name().equals(s)) {
                m.put(id, s);
            }
        });
        return m;
    }
}
