package xyz.twzrd.ops.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartsTest {
    private static final Map<String, TrendCharts.Threshold> THRESHOLDS = Map.of(
            "swap %", new TrendCharts.Threshold(20.0, 80.0), "crashes", new TrendCharts.Threshold(null, null));

    @Test
    void oneSpikeIsClippedAndMarkedOrdinaryValuesAreNot() {
        List<Double> calm = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calm.add(i % 3 == 0 ? 13.0 : 9.0);
        }
        assertThat(TrendCharts.clip(calm, null)).isNull();
        calm.set(20, 576.0);
        assertThat(TrendCharts.clip(calm, null)).isEqualTo(20.0);
        // a threshold below the spike stays in view
        assertThat(TrendCharts.clip(calm, new TrendCharts.Threshold(50.0, 100.0))).isEqualTo(200.0);
    }

    @Test
    void standaloneChartsHaveATimeAxisThresholdLinesAndSeparateHourlyAndWeeklySeries() throws Exception {
        TrendSeries.Builder hourly = new TrendSeries.Builder();
        TrendSeries.Builder weekly = new TrendSeries.Builder();
        TrendCharts.RestartsPerApp restarts = new TrendCharts.RestartsPerApp();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int h = 0; h < 48; h++) {
            HistoryRecord r = new HistoryRecord(t0.plusSeconds(3600L * h), "alerts", "vps", Severity.OK,
                    Map.of("swap", 5.0 + h % 4, "crashes", h == 30 ? 500.0 : 0.0, "process:api", 2.0 + h), Map.of());
            hourly.add(r);
            restarts.add(r);
        }
        weekly.add(new HistoryRecord(t0.plusSeconds(60), "health-check", "vps", Severity.ALERT, Map.of("swap", 6.0, "logs", 12.0), Map.of()));
        List<TrendCharts.Chart> charts = TrendCharts.standalone(hourly.build(), weekly.build(), THRESHOLDS, restarts);
        assertThat(charts).extracting(TrendCharts.Chart::title).containsExactly("swap %", "crashes", "error lines",
                "restarts per app per day");
        JsonNode swap = Json.mapper().readTree(charts.get(0).optionJson());
        assertThat(swap.path("xAxis").path("type").asText()).isEqualTo("time");
        assertThat(swap.path("useUTC").asBoolean()).isTrue();
        assertThat(swap.path("series")).extracting(s -> s.path("name").asText())
                .containsExactly("hourly (alerts)", "weekly (health-check)");
        assertThat(swap.path("series").get(0).path("data").get(0).get(0).asLong()).isEqualTo(t0.toEpochMilli());
        assertThat(swap.path("series").get(0).path("markLine").path("data")).extracting(d -> d.path("yAxis").asDouble())
                .containsExactly(20.0, 80.0);
        assertThat(swap.path("series").get(0).path("itemStyle").path("color").asText()).isEqualTo(TrendCharts.COLOURS.get("swap %"));
        JsonNode crashes = Json.mapper().readTree(charts.get(1).optionJson());
        assertThat(crashes.path("yAxis").path("max").asDouble()).isLessThan(500);
        assertThat(crashes.path("series").get(0).path("markPoint").path("data").get(0).path("value").asText()).isEqualTo("500");
        // restarts per day: the counter rose by 1 each hour, 23 rises on the first day (the first run is the base)
        assertThat(restarts.perDay().get("api").values()).containsExactly(23L, 24L);
        JsonNode r = Json.mapper().readTree(charts.get(3).optionJson());
        assertThat(r.path("yAxis").path("type").asText()).isEqualTo("log");
    }

    @Test
    void theJobTrendIsEchartsApisModelAndAnOptionWithTheSameColours() throws Exception {
        TrendSeries.Builder b = new TrendSeries.Builder();
        b.add("2026-11-29 01:00", Severity.OK, Map.of("swap", 3.0, "load", 1.0));
        b.add("2026-11-29 02:00", Severity.ALERT, Map.of("swap", 30.0, "load", 1.5));
        JsonNode o = Json.mapper().readTree(TrendCharts.jobTrend(b.build(), List.of(7, 8), THRESHOLDS));
        assertThat(o.path("domainAxisLabels")).extracting(JsonNode::asText).containsExactly("#7 2026-11-29 01:00", "#8 2026-11-29 02:00");
        assertThat(o.path("buildNumbers")).extracting(JsonNode::asInt).containsExactly(7, 8);
        assertThat(o.path("series")).extracting(s -> s.path("name").asText()).containsExactly("swap %", "load");
        assertThat(o.path("series").get(0).path("itemStyle").path("color").asText()).isEqualTo(TrendCharts.COLOURS.get("swap %"));
        assertThat(o.path("series").get(0).path("markLine").path("data")).hasSize(2);
        assertThat(o.path("xAxis").path("data")).hasSize(2);
        // echarts-api resolves "--name" as a Jenkins colour variable: the model must not contain any
        assertThat(o.toString()).doesNotContain("--");
    }
}
