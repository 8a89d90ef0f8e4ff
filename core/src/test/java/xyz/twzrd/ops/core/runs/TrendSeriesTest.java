package xyz.twzrd.ops.core.runs;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrendSeriesTest {
    private static RunRecord run(int n, Severity... findings) {
        Map<String, Severity> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < findings.length; i++) {
            m.put("f" + i, findings[i]);
        }
        return new RunRecord(n, Instant.EPOCH.plusSeconds(n), Severity.worst(List.of(findings)), m, null);
    }

    @Test
    void oldestFirstWithOneCountPerSeverity() {
        List<RunRecord> newestFirst = List.of(
                run(3, Severity.OK, Severity.EMERGENCY),
                run(2, Severity.ALERT, Severity.ALERT, Severity.UNKNOWN),
                run(1, Severity.OK));
        TrendSeries t = TrendSeries.of(newestFirst, 10);
        assertThat(t.labels()).containsExactly("#1", "#2", "#3");
        assertThat(t.numbers()).containsExactly(1, 2, 3);
        assertThat(t.series().keySet()).containsExactly("OK", "ALERT", "UNKNOWN", "EMERGENCY");
        assertThat(t.series().get("OK")).containsExactly(1, 0, 1);
        assertThat(t.series().get("ALERT")).containsExactly(0, 2, 0);
        assertThat(t.series().get("UNKNOWN")).containsExactly(0, 1, 0);
        assertThat(t.series().get("EMERGENCY")).containsExactly(0, 0, 1);
    }

    @Test
    void readsOnlyTheNewestRunsOfALongHistory() {
        List<Integer> visited = new ArrayList<>();
        Iterable<RunRecord> thousands = () -> new java.util.Iterator<>() {
            int n = 5000;

            @Override
            public boolean hasNext() {
                return n > 0;
            }

            @Override
            public RunRecord next() {
                visited.add(n);
                return run(n--, Severity.OK);
            }
        };
        TrendSeries t = TrendSeries.of(thousands, 50);
        assertThat(t.numbers()).hasSize(50).startsWith(4951).endsWith(5000);
        assertThat(visited).hasSize(50);
    }

    @Test
    void emptyAndColours() {
        assertThat(TrendSeries.of(List.of(), 10).isEmpty()).isTrue();
        assertThat(TrendSeries.color("EMERGENCY")).isEqualTo("#c62828");
        assertThat(TrendSeries.severityOrder()).hasSize(Severity.values().length);
    }
}
