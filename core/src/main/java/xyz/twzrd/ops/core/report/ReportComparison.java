package xyz.twzrd.ops.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

/**
 * What changed since the previous report: findings that got worse or better (by severity), and findings
 * that are new (not OK now, absent or OK before) or resolved (not OK before, OK or absent now).
 *
 * @param previousStartedAt when the previous report's run started, null when there was none
 * @param changes           one row per changed finding, ordered by id
 */
public record ReportComparison(String previousStartedAt, List<Row> changes) {
    /** How a finding changed. */
    public enum Kind { NEW, WORSE, BETTER, RESOLVED }

    /**
     * @param id     finding id
     * @param kind   how it changed
     * @param before severity before (null when absent)
     * @param after  severity now (null when absent)
     * @param valueBefore value before, null when none
     * @param valueAfter  value now, null when none
     */
    public record Row(String id, Kind kind, Severity before, Severity after, Double valueBefore, Double valueAfter) {
    }

    public static final ReportComparison NONE = new ReportComparison(null, List.of());

    public ReportComparison {
        changes = List.copyOf(changes);
    }

    public static ReportComparison compare(CheckResult previous, CheckResult current) {
        Map<String, Finding> before = byId(previous);
        Map<String, Finding> after = byId(current);
        java.util.SortedSet<String> ids = new java.util.TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            Finding b = before.get(id);
            Finding a = after.get(id);
            Severity sb = b == null ? Severity.OK : b.severity();
            Severity sa = a == null ? Severity.OK : a.severity();
            Kind kind = null;
            if (sb == Severity.OK && sa != Severity.OK) {
                kind = Kind.NEW;
            } else if (sb != Severity.OK && sa == Severity.OK) {
                kind = Kind.RESOLVED;
            } else if (sa.isWorseThan(sb)) {
                kind = Kind.WORSE;
            } else if (sb.isWorseThan(sa)) {
                kind = Kind.BETTER;
            }
            if (kind != null) {
                rows.add(new Row(id, kind, b == null ? null : sb, a == null ? null : sa,
                        b == null ? null : b.value(), a == null ? null : a.value()));
            }
        }
        return new ReportComparison(previous.getStartedAt().toString(), rows);
    }

    private static Map<String, Finding> byId(CheckResult r) {
        Map<String, Finding> m = new LinkedHashMap<>();
        r.getFindings().forEach(f -> m.putIfAbsent(f.id(), f));
        return m;
    }
}
