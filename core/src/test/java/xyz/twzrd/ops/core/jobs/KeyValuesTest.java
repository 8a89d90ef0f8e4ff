package xyz.twzrd.ops.core.jobs;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyValuesTest {
    @Test
    void measuredValuesInDisplayOrder() {
        CheckResult r = new CheckResult("alerts", "h", Instant.EPOCH, Duration.ZERO, List.of(
                new Finding("memory", Severity.OK, 71.0, "%", 90.0, 95.0, "m"),
                new Finding("swap", Severity.ALERT, 25.5, "%", 20.0, 80.0, "s"),
                Finding.unknown("load", "no load"),
                new Finding("crashes", Severity.OK, 0.0, "count", 0.0, null, "c")));
        assertThat(KeyValues.of(r)).containsExactly(
                java.util.Map.entry("swap %", 25.5), java.util.Map.entry("memory %", 71.0), java.util.Map.entry("crashes", 0.0));
    }
}
