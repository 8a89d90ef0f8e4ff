package xyz.twzrd.ops.core.run;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Times;
import xyz.twzrd.ops.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Jenkins report page and summary box print, from a result as the checks make it: values and thresholds
 * through {@link Numbers}, times through {@link Times} (the reports' formatters), the summary through PageText.
 */
class PageTextTest {
    private static String value(Finding f) {
        return Numbers.value(f.value(), f.unit());
    }

    private static String threshold(Double t) {
        return t == null ? "-" : Numbers.plain(t);
    }

    @Test
    void countsPrintWithoutDecimalsAndFractionsWithTwo() {
        assertThat(value(new Finding("process:web", Severity.OK, 1191.0, "restarts", null, null, "")))
                .isEqualTo("1191 restarts");
        assertThat(value(new Finding("crashes", Severity.ALERT, 5.0, "count", 0.0, null, "")))
                .isEqualTo("5 count");
        assertThat(value(new Finding("memory", Severity.OK, 61.3, "%", 80.0, 95.0, ""))).isEqualTo("61.30 %");
        assertThat(value(Finding.unknown("pm2", "pm2 not found"))).isEqualTo("-");
        assertThat(value(new Finding("load", Severity.OK, 0.5, "", null, null, ""))).isEqualTo("0.50");
    }

    @Test
    void thresholdsPrintAsGiven() {
        assertThat(threshold(80.0)).isEqualTo("80");
        assertThat(threshold(0.7)).isEqualTo("0.7");
        assertThat(threshold(null)).isEqualTo("-");
    }

    @Test
    void theStartTimeIsReadableUtcToTheSecond() {
        Instant t = Instant.parse("2026-12-01T09:40:18.123456789Z");
        assertThat(Times.readable(t)).isEqualTo("2026-12-01 09:40:18 UTC");
        assertThat(Times.readable(Instant.ofEpochMilli(t.toEpochMilli()))).isEqualTo("2026-12-01 09:40:18 UTC");
    }

    @Test
    void theSummaryAfterItsSeverityDoesNotRepeatIt() {
        CheckResult r = new CheckResult("alerts", "vps1", Instant.EPOCH, Duration.ZERO,
                List.of(new Finding("memory", Severity.EMERGENCY, 97.0, "%", 80.0, 95.0, "memory 97%")));
        assertThat(r.getSummary()).isEqualTo("EMERGENCY alerts on vps1: memory EMERGENCY");
        assertThat(PageText.afterSeverity(r.getSeverity().name(), r.getSummary()))
                .isEqualTo("alerts on vps1: memory EMERGENCY");
        assertThat(PageText.afterSeverity("OK", "something else")).isEqualTo("something else");
        assertThat(PageText.afterSeverity(null, "x")).isEqualTo("x");
        assertThat(PageText.afterSeverity("OK", null)).isEmpty();
    }
}
