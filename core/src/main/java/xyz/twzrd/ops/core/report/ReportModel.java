package xyz.twzrd.ops.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Redact;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.TopProcesses;
import xyz.twzrd.ops.core.logs.LogFileReport;
import xyz.twzrd.ops.core.logs.LogScanResult;
import xyz.twzrd.ops.core.logs.SignatureStat;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.pm2.ProcessSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a report says, worked out once from a result and the previous report's result, so the text, the HTML, the
 * JSON ({@value #SECTION} section) and the Jenkins build page say the same in the same order: the summary (worst
 * finding first; new, still open and resolved since the previous report), the per-app table, the top error
 * signatures per app with example lines, every finding's value last report and now, and the busiest processes when
 * the host was under pressure.
 *
 * @param summary     worst first, and what changed
 * @param apps        one row per PM2 app (cluster instances summed under one name)
 * @param errors      per app with error lines: the top signatures with examples
 * @param weekOverWeek per finding with a value: before, now, change
 * @param context     the busiest processes when load, memory or swap was not OK, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportModel(Summary summary, List<AppRow> apps, List<AppErrors> errors, List<Delta> weekOverWeek,
                          TopProcesses context) {
    /** The section name in a report's JSON. */
    public static final String SECTION = "report";
    /** Error signatures shown per app. */
    public static final int TOP_SIGNATURES = 5;
    /** Longest example line shown, in characters (the stored line may be longer, up to logs.max-example-length). */
    public static final int EXAMPLE_CHARS = 240;
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * The summary block.
     *
     * @param severity  the run's severity
     * @param headline  one sentence: the worst finding and its message, or that all is OK
     * @param worst     every finding that is not OK, worst first
     * @param previousStartedAt the previous report's run, or null when there is none
     * @param newSince  not OK now, OK or absent before
     * @param stillOpen not OK before and now
     * @param resolved  not OK before, OK or absent now
     */
    public record Summary(Severity severity, String headline, List<Line> worst, String previousStartedAt,
                          List<Line> newSince, List<Line> stillOpen, List<Line> resolved) {
    }

    /**
     * One finding in the summary.
     *
     * @param id       finding id
     * @param severity its severity now (for resolved: before)
     * @param message  its message now (for resolved: before), one line
     */
    public record Line(String id, Severity severity, String message) {
    }

    /**
     * One PM2 app.
     *
     * @param name          app name
     * @param status        PM2 status (the worst of its instances)
     * @param instances     processes under this name
     * @param uptimeSeconds since the current process started (oldest instance), null when not running or unknown
     * @param restartsSince start of the restart window: the previous report's run, null when there was none
     * @param restarts      restarts in the window (all of PM2's restarts when there is no window)
     * @param planned       of those, done by pm2-restart (null without a window)
     * @param unplanned     the others: crashes and other automatic restarts (null without a window)
     * @param memoryMb      resident memory, MiB
     * @param maxMemoryMb   max_memory_restart, MiB, or null when not set
     * @param cpuPercent    CPU %
     * @param errorLines    new error lines in the app's logs this scan, null when its logs were not scanned
     */
    public record AppRow(String name, String status, int instances, Long uptimeSeconds, String restartsSince,
                         long restarts, Long planned, Long unplanned, double memoryMb, Double maxMemoryMb,
                         double cpuPercent, Long errorLines) {
    }

    /**
     * The error signatures of one app (files without an app under "").
     *
     * @param app        app name
     * @param errorLines new error lines
     * @param signatures most frequent first, at most {@value #TOP_SIGNATURES}
     */
    public record AppErrors(String app, long errorLines, List<Signature> signatures) {
    }

    /**
     * @param signature normalised line, secrets redacted
     * @param count     lines with it
     * @param examples  one to three example lines: cut, control characters replaced, secrets redacted
     */
    public record Signature(String signature, long count, List<String> examples) {
    }

    /**
     * A finding's value last report and now.
     *
     * @param id        finding id
     * @param unit      its unit
     * @param before    value in the previous report, null when absent or not measured
     * @param now       value now, likewise
     * @param change    now - before, null unless both are there
     * @param percent   the change in % of before, null unless both are there and before is not 0
     * @param severityBefore severity before, null when absent
     * @param severityNow    severity now, null when absent
     */
    public record Delta(String id, String unit, Double before, Double now, Double change, Double percent,
                        Severity severityBefore, Severity severityNow) {
    }

    /** The model of {@code r} compared with {@code previous}. */
    public static ReportModel of(CheckResult r, Optional<CheckResult> previous) {
        return new ReportModel(summary(r, previous), apps(r, previous), errors(r), weekOverWeek(r, previous),
                r.section(TopProcesses.SECTION, TopProcesses.class).orElse(null));
    }

    /**
     * Worst first: EMERGENCY, UNKNOWN, ALERT; within one severity the finding furthest past its threshold first
     * ({@link #excess}), then in the result's order.
     */
    static List<Finding> worstFirst(List<Finding> findings) {
        List<Finding> bad = new ArrayList<>(findings.stream().filter(f -> f.severity() != Severity.OK).toList());
        bad.sort(Comparator.comparingInt((Finding f) -> f.severity().rank()).reversed()
                .thenComparing(Comparator.comparingDouble(ReportModel::excess).reversed()));
        return bad;
    }

    /**
     * How far a finding is past the threshold of its severity: value / threshold (a crash loop of 47 exits against 5
     * is 9.4, a load of 13 against 12 is 1.1); 1 + value when the threshold is 0 (any count alerts); 0 when unmeasured.
     */
    static double excess(Finding f) {
        Double threshold = f.severity() == Severity.EMERGENCY ? f.emergency() : f.alert();
        if (f.value() == null || threshold == null) {
            return 0;
        }
        return threshold > 0 ? f.value() / threshold : 1 + f.value();
    }

    private static Summary summary(CheckResult r, Optional<CheckResult> previous) {
        List<Line> worst = worstFirst(r.getFindings()).stream().map(ReportModel::line).toList();
        String headline = worst.isEmpty() ? "all " + r.getFindings().size() + " findings OK"
                : worst.get(0).severity() + " " + worst.get(0).id() + ": " + worst.get(0).message();
        if (previous.isEmpty()) {
            return new Summary(r.getSeverity(), headline, worst, null, List.of(), List.of(), List.of());
        }
        Map<String, Finding> before = byId(previous.get());
        Map<String, Finding> now = byId(r);
        List<Line> added = new ArrayList<>();
        List<Line> open = new ArrayList<>();
        for (Line l : worst) {
            Finding b = before.get(l.id());
            (b == null || b.severity() == Severity.OK ? added : open).add(l);
        }
        List<Line> resolved = new ArrayList<>();
        for (Finding b : worstFirst(previous.get().getFindings())) {
            Finding a = now.get(b.id());
            if (a == null || a.severity() == Severity.OK) {
                resolved.add(line(b));
            }
        }
        return new Summary(r.getSeverity(), headline, worst, previous.get().getStartedAt().toString(), added, open, resolved);
    }

    private static Line line(Finding f) {
        // messages are the checks' own sentences (never secrets, Finding's contract); log text is redacted where it is kept
        return new Line(f.id(), f.severity(), f.message().replaceAll("[\\r\\n\\t]+", " "));
    }

    private static Map<String, Finding> byId(CheckResult r) {
        Map<String, Finding> m = new LinkedHashMap<>();
        r.getFindings().forEach(f -> m.putIfAbsent(f.id(), f));
        return m;
    }

    private static List<AppRow> apps(CheckResult r, Optional<CheckResult> previous) {
        ProcessSummary[] procs = r.section(ProcessSummary.SECTION, ProcessSummary[].class).orElse(new ProcessSummary[0]);
        if (procs.length == 0) {
            return List.of();
        }
        Map<String, Long> before = new LinkedHashMap<>();
        previous.flatMap(p -> p.section(ProcessSummary.SECTION, ProcessSummary[].class)).ifPresent(ps -> {
            for (ProcessSummary p : ps) {
                before.merge(p.name(), p.restarts(), Long::sum);
            }
        });
        Instant since = previous.map(CheckResult::getStartedAt).orElse(null);
        Map<String, Long> planned = new LinkedHashMap<>();
        if (since != null) {
            for (PlannedRestarts.Entry e : r.section(PlannedRestarts.SECTION, PlannedRestarts.Entry[].class)
                    .orElse(new PlannedRestarts.Entry[0])) {
                if (e.at().isAfter(since)) {
                    e.apps().forEach((app, n) -> planned.merge(app, n, Long::sum));
                }
            }
        }
        Map<String, Long> errorLines = new LinkedHashMap<>();
        boolean scanned = r.getSections().containsKey(LogScanResult.SECTION);
        for (LogFileReport f : logs(r)) {
            errorLines.merge(f.app(), f.errorLines(), Long::sum);
        }
        Map<String, List<ProcessSummary>> byName = new LinkedHashMap<>();
        for (ProcessSummary p : procs) {
            byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }
        List<AppRow> rows = new ArrayList<>();
        byName.forEach((name, ps) -> {
            long restarts = ps.stream().mapToLong(ProcessSummary::restarts).sum();
            Long plannedN = null;
            Long unplanned = null;
            if (since != null && before.containsKey(name)) {
                long delta = restarts - before.get(name);
                restarts = delta < 0 ? restarts : delta; // a new PM2 daemon started its counters over
                plannedN = Math.min(restarts, planned.getOrDefault(name, 0L));
                unplanned = restarts - plannedN;
            }
            String status = ps.stream().map(ProcessSummary::status).filter(s -> !"online".equals(s)).findFirst()
                    .orElse(ps.get(0).status());
            Long uptime = ps.stream().filter(p -> "online".equals(p.status()) && p.uptimeSince() != null)
                    .map(p -> Duration.between(p.uptimeSince(), r.getStartedAt()).getSeconds()).map(s -> Math.max(0, s))
                    .max(Long::compare).orElse(null);
            double mem = ps.stream().mapToLong(ProcessSummary::memoryBytes).sum() / MIB;
            Double max = ps.get(0).maxMemoryRestart() == null ? null : ps.get(0).maxMemoryRestart() / MIB;
            double cpu = ps.stream().mapToDouble(ProcessSummary::cpuPercent).sum();
            Long errors = scanned ? errorLines.getOrDefault(name, 0L) : null;
            rows.add(new AppRow(name, status, ps.size(), uptime, since != null && before.containsKey(name) ? since.toString() : null,
                    restarts, plannedN, unplanned, round(mem), max == null ? null : round(max), round(cpu), errors));
        });
        return rows;
    }

    private static List<LogFileReport> logs(CheckResult r) {
        return List.of(r.section(LogScanResult.SECTION, LogFileReport[].class).orElse(new LogFileReport[0]));
    }

    private static List<AppErrors> errors(CheckResult r) {
        Map<String, Long> lines = new LinkedHashMap<>();
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> examples = new LinkedHashMap<>();
        for (LogFileReport f : logs(r)) {
            if (f.errorLines() == 0) {
                continue;
            }
            lines.merge(f.app(), f.errorLines(), Long::sum);
            for (SignatureStat s : f.signatures()) {
                String sig = Redact.secrets(s.signature());
                counts.computeIfAbsent(f.app(), k -> new LinkedHashMap<>()).computeIfAbsent(sig, k -> new long[1])[0] += s.count();
                List<String> ex = examples.computeIfAbsent(f.app(), k -> new LinkedHashMap<>()).computeIfAbsent(sig, k -> new ArrayList<>());
                for (String e : s.examples()) {
                    String shown = example(e);
                    if (ex.size() < SignatureStat.MAX_EXAMPLES && !ex.contains(shown)) {
                        ex.add(shown);
                    }
                }
            }
        }
        List<AppErrors> out = new ArrayList<>();
        lines.forEach((app, n) -> {
            List<Signature> sigs = new ArrayList<>();
            counts.getOrDefault(app, Map.of()).forEach((sig, c) -> sigs.add(new Signature(sig, c[0], examples.get(app).get(sig))));
            sigs.sort(Comparator.comparingLong(Signature::count).reversed());
            out.add(new AppErrors(app, n, List.copyOf(sigs.subList(0, Math.min(TOP_SIGNATURES, sigs.size())))));
        });
        out.sort(Comparator.comparingLong(AppErrors::errorLines).reversed());
        return out;
    }

    /** An example line as shown: secrets redacted (again: older stored results may predate it), cut. */
    static String example(String line) {
        String s = Redact.secrets(line == null ? "" : line);
        return s.length() > EXAMPLE_CHARS ? s.substring(0, EXAMPLE_CHARS - 1) + "…" : s;
    }

    private static List<Delta> weekOverWeek(CheckResult r, Optional<CheckResult> previous) {
        Map<String, Finding> before = previous.map(ReportModel::byId).orElse(Map.of());
        Map<String, Finding> now = byId(r);
        List<String> ids = new ArrayList<>(now.keySet());
        before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(ids::add);
        List<Delta> out = new ArrayList<>();
        for (String id : ids) {
            Finding b = before.get(id);
            Finding a = now.get(id);
            Double vb = b == null ? null : b.value();
            Double va = a == null ? null : a.value();
            if (vb == null && va == null) {
                continue;
            }
            Double change = vb != null && va != null ? round(va - vb) : null;
            Double pct = change != null && vb != 0 ? round(100.0 * (va - vb) / Math.abs(vb)) : null;
            out.add(new Delta(id, (a != null ? a : b).unit(), vb, va, change, pct,
                    b == null ? null : b.severity(), a == null ? null : a.severity()));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    /** A result with this model as its {@value #SECTION} section (a copy; the given result is not changed). */
    public CheckResult attachTo(CheckResult r) {
        CheckResult copy = r.withFindings(List.of());
        copy.putSection(SECTION, this);
        return copy;
    }
}
