package xyz.twzrd.ops.core.run;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jenkins pages' content, decided in core: summary lines, the report body, the job trend. */
class BuildPageTest {
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private static CheckResult result(String check, Instant at, Finding... findings) {
        return new CheckResult(check, "vps1", at, Duration.ofMillis(5), List.of(findings));
    }

    @Test
    void theSummaryLeadsWithTheWorstAndSaysWhatChanged() {
        CheckResult before = result("alerts", T0, new Finding("swap", Severity.OK, 3.0, "%", 20.0, 80.0, "swap 3%"));
        CheckResult now = result("alerts", T0.plusSeconds(3600),
                new Finding("swap", Severity.ALERT, 31.0, "%", 20.0, 80.0, "swap 31% (alert above 20%)"),
                Finding.unknown("pm2", "pm2 did not answer"),
                new Finding("load", Severity.OK, 0.4, "", 8.0, 12.0, "load 0.40"));
        List<String> lines = BuildPage.summaryLines(now, Optional.of(before));
        assertThat(lines.get(0)).startsWith("UNKNOWN pm2: ");
        assertThat(lines).contains("ALERT swap: swap 31% (alert above 20%)").noneMatch(l -> l.startsWith("OK load"));
        assertThat(lines).anyMatch(l -> l.startsWith("New since the previous report: ") && l.contains("swap"));
        assertThat(BuildPage.summaryLines(now, Optional.empty())).noneMatch(l -> l.startsWith("New since"));
    }

    @Test
    void aRestartsSummaryNamesEveryApp() {
        CheckResult r = result("pm2-restart", T0, new Finding("restart:web", Severity.OK, null, "", null, null, "web verified"),
                new Finding("restart:api", Severity.EMERGENCY, null, "", null, null, "api not back online"));
        assertThat(BuildPage.summaryLines(r, Optional.empty()))
                .contains("OK restart:web: web verified", "EMERGENCY restart:api: api not back online");
    }

    @Test
    void theReportBodyIsEscapedAndTheTrendIsChartJson() throws Exception {
        CheckResult r = result("alerts", T0, new Finding("process:<!here>", Severity.ALERT, 1.0, "", 0.0, null, "<script>x</script>"));
        assertThat(BuildPage.reportHtml(r, Optional.empty())).contains("&lt;script&gt;").doesNotContain("<script>x");
        String trend = BuildPage.jobTrend(List.of(
                new BuildPage.TrendPoint(1, T0.toEpochMilli(), Severity.OK, Map.of("swap", 3.0)),
                new BuildPage.TrendPoint(2, T0.plusSeconds(3600).toEpochMilli(), Severity.ALERT, Map.of("swap", 31.0))),
                Optional.of(r));
        var json = Json.mapper().readTree(trend);
        assertThat(json.get("buildNumbers").findValuesAsText("")).isNotNull();
        assertThat(trend).contains("2026-11-30 01:00");
        assertThat(json.has("series")).isTrue();
    }
}
