package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.JsonStream;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crash baseline and the planned-restart log, read and written with the streaming codecs, against databind
 * ({@link Json}), which wrote these files before: the same text, and each reads the other's files.
 */
class StateJsonTest {
    static final Instant T0 = Instant.parse("2026-11-30T01:00:00.5Z");

    @Test
    void baselineAsDatabindWritesAndReadsIt() throws IOException {
        CrashAccounting.Baseline b = new CrashAccounting.Baseline(T0, Map.of("web:0", new CrashAccounting.AppCount("web", 3),
                "api \"x\":1", new CrashAccounting.AppCount("api \"x\"", 0)));
        assertThat(JsonStream.pretty(CrashAccounting.Baseline.JSON, b)).isEqualTo(Json.pretty(b));
        assertThat(JsonStream.read(CrashAccounting.Baseline.JSON, Json.pretty(b))).isEqualTo(b);
        assertThat(Json.mapper().readValue(JsonStream.pretty(CrashAccounting.Baseline.JSON, b), CrashAccounting.Baseline.class)).isEqualTo(b);
        for (String text : List.of("{}", "{\"takenAt\":\"2026-11-30T01:00:00Z\",\"apps\":{\"a:1\":{\"name\":\"a\",\"restarts\":\"4\",\"more\":[]}}}",
                "{\"apps\":null,\"v\":2}")) {
            assertThat(JsonStream.read(CrashAccounting.Baseline.JSON, text)).as(text)
                    .isEqualTo(Json.mapper().readValue(text, CrashAccounting.Baseline.class));
        }
        assertThatThrownBy(() -> JsonStream.read(CrashAccounting.Baseline.JSON, "{\"apps\":{\"a:1\":{\"restarts\":[]}}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("'restarts'");
    }

    @Test
    void plannedRestartsAsDatabindWritesAndReadsThem() throws IOException {
        PlannedRestarts.Log log = new PlannedRestarts.Log(List.of(new PlannedRestarts.Entry(T0, new TreeMap<>(Map.of("web", 2L, "api", 1L))),
                new PlannedRestarts.Entry(T0.plusSeconds(60), Map.of())));
        // the entries' maps are immutable copies with an order of their own: compare the trees
        assertThat(Json.mapper().readTree(JsonStream.pretty(PlannedRestarts.Log.JSON, log))).isEqualTo(Json.mapper().readTree(Json.pretty(log)));
        assertThat(JsonStream.read(PlannedRestarts.Log.JSON, Json.pretty(log))).isEqualTo(log);
        assertThat(Json.mapper().readValue(JsonStream.pretty(PlannedRestarts.Log.JSON, log), PlannedRestarts.Log.class)).isEqualTo(log);
        for (String text : List.of("{}", "{\"restarts\":[{\"at\":\"2026-11-30T01:00:00Z\"}],\"x\":1}", "{\"restarts\":null}")) {
            assertThat(JsonStream.read(PlannedRestarts.Log.JSON, text)).as(text)
                    .isEqualTo(Json.mapper().readValue(text, PlannedRestarts.Log.class));
        }
        assertThatThrownBy(() -> JsonStream.read(PlannedRestarts.Log.JSON, "{\"restarts\":{}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("'restarts'");
    }
}
