package xyz.twzrd.ops.core.history;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrendSeriesTest {
    @Test
    void compactValuesKeepOnlyThePlottedFindings() {
        CheckResult r = new CheckResult("alerts", "h", Instant.EPOCH, Duration.ZERO, List.of(
                new Finding("memory", Severity.OK, 71.0, "%", 90.0, 95.0, "m"),
                new Finding("swap", Severity.ALERT, 25.5, "%", 20.0, 80.0, "s"),
                new Finding("disk:/", Severity.OK, 40.0, "%", 85.0, 95.0, "d"),
                Finding.unknown("load", "no load")));
        assertThat(TrendSeries.values(r)).containsOnlyKeys("swap", "memory")
                .containsEntry("swap", 25.5).containsEntry("memory", 71.0);
    }

    @Test
    void roundedSeriesForIntegerCharts() {
        TrendSeries t = new TrendSeries.Builder()
                .add("#1", Severity.OK, Map.of("swap", 6.4, "load", 4.6))
                .add("#2", Severity.ALERT, Map.of("swap", 25.5))
                .build();
        assertThat(t.labels()).containsExactly("#1", "#2");
        assertThat(t.rounded().get("swap %")).containsExactly(6, 26);
        assertThat(t.rounded().get("load")).containsExactly(5, 0);
    }
}
