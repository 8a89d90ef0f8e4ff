package xyz.twzrd.ops.core.report;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.logs.LogFileReport;
import xyz.twzrd.ops.core.logs.SignatureStat;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.pm2.ProcessSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportModelTest {
    private static final Instant LAST_WEEK = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private static CheckResult result(Instant at, List<Finding> findings, long apiRestarts) {
        CheckResult r = new CheckResult("health-check", "vps", at, Duration.ofMillis(5), findings);
        r.putSection(ProcessSummary.SECTION, List.of(
                new ProcessSummary("api", 0, "online", apiRestarts, at.minusSeconds(7200), 300L << 20, 12.5, null, null,
                        512L << 20, 4242),
                new ProcessSummary("worker", 1, "errored", 3, null, 0, 0, null, null, null, null)));
        return r;
    }

    @Test
    void summaryWorstFirstAndWhatIsNewStillOpenResolved() {
        CheckResult before = result(LAST_WEEK, List.of(
                new Finding("swap", Severity.ALERT, 30.0, "%", 20.0, 80.0, "swap 30%"),
                new Finding("crashes", Severity.ALERT, 13.0, "count", 0.0, null, "13 unplanned restarts")), 10);
        CheckResult now = result(NOW, List.of(
                new Finding("swap", Severity.OK, 5.0, "%", 20.0, 80.0, "swap 5%"),
                new Finding("crashes", Severity.ALERT, 576.0, "count", 0.0, null, "576 unplanned restarts"),
                new Finding("logs", Severity.ALERT, 290.0, "lines", 0.0, 1000.0, "290 new error lines"),
                new Finding("crash-loop", Severity.EMERGENCY, 40.0, "exits", null, 5.0, "crash loop: api")), 600);
        now.putSection(PlannedRestarts.SECTION, List.of(new PlannedRestarts.Entry(NOW.minusSeconds(86400 * 3), Map.of("api", 1L)),
                new PlannedRestarts.Entry(LAST_WEEK.minusSeconds(86400), Map.of("api", 1L))));
        now.putSection("logs", List.of(new LogFileReport("/l/api-error.log", "api", 100, 290,
                List.of(new SignatureStat("ERROR token=<hex> bad", 290, NOW, NOW, "ERROR token=abc123 bad",
                        List.of("ERROR token=abc123 bad", "ERROR token=def456 bad"))), 0, 100, null, null)));

        ReportModel m = ReportModel.of(now, Optional.of(before));
        // of two EMERGENCYs the one further past its threshold leads: a crash loop of 40 exits (5) before a load of 13 (12)
        CheckResult busy = now.withFindings(List.of(new Finding("load", Severity.EMERGENCY, 13.0, "load", 8.0, 12.0, "load 13")));
        assertThat(ReportModel.of(busy, Optional.empty()).summary().worst()).extracting(ReportModel.Line::id)
                .startsWith("crash-loop", "load");
        assertThat(m.summary().worst()).extracting(ReportModel.Line::id).containsExactly("crash-loop", "crashes", "logs");
        assertThat(m.summary().headline()).isEqualTo("EMERGENCY crash-loop: crash loop: api");
        assertThat(m.summary().newSince()).extracting(ReportModel.Line::id).containsExactly("crash-loop", "logs");
        assertThat(m.summary().stillOpen()).extracting(ReportModel.Line::id).containsExactly("crashes");
        assertThat(m.summary().resolved()).extracting(ReportModel.Line::id).containsExactly("swap");

        ReportModel.AppRow api = m.apps().get(0);
        assertThat(api.restarts()).isEqualTo(590);
        assertThat(api.planned()).isEqualTo(1); // the planned restart before the previous report is not this week's
        assertThat(api.unplanned()).isEqualTo(589);
        assertThat(api.memoryMb()).isEqualTo(300.0);
        assertThat(api.maxMemoryMb()).isEqualTo(512.0);
        assertThat(api.uptimeSeconds()).isEqualTo(7200);
        assertThat(api.errorLines()).isEqualTo(290);
        assertThat(m.apps().get(1).uptimeSeconds()).isNull();

        assertThat(m.errors().get(0).signatures().get(0).signature()).isEqualTo("ERROR token=REDACTED bad");
        assertThat(m.errors().get(0).signatures().get(0).examples()).containsExactly("ERROR token=REDACTED bad");

        ReportModel.Delta crashes = m.weekOverWeek().stream().filter(d -> d.id().equals("crashes")).findFirst().orElseThrow();
        assertThat(crashes.before()).isEqualTo(13.0);
        assertThat(crashes.now()).isEqualTo(576.0);
        assertThat(crashes.change()).isEqualTo(563.0);
        assertThat(crashes.percent()).isEqualTo(4330.8);
        assertThat(TextReport.change(crashes)).isEqualTo("+563 (+4330.80 %)");
        // the JSON section reads back as the same model (the Jenkins build page reads it from the stored result)
        CheckResult stored = xyz.twzrd.ops.core.Json.readResult(xyz.twzrd.ops.core.Json.pretty(m.attachTo(now)));
        assertThat(stored.section(ReportModel.SECTION, ReportModel.class)).contains(m);
        ReportModel.Delta logs = m.weekOverWeek().stream().filter(d -> d.id().equals("logs")).findFirst().orElseThrow();
        assertThat(TextReport.change(logs)).isEqualTo("new");
    }
}
