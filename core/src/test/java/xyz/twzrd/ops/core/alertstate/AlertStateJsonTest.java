package xyz.twzrd.ops.core.alertstate;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alert state's streaming JSON against databind's ({@link Json}), which wrote every state file before: the same
 * text for the same state, and each reads what the other wrote, so state files and builds of before keep working.
 */
class AlertStateJsonTest {
    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-30T02:00:00.123456789Z");

    static AlertOutcome rich() {
        AlertChange loop = new AlertChange("crash-loop:web", AlertChange.Kind.NEW, Severity.EMERGENCY,
                "web restarted 7 times in 5 min", "emergency above 5 restarts in 5 min", T0, T1, "pm2 logs web");
        AlertChange gone = new AlertChange("swap", AlertChange.Kind.CAME_AND_WENT, Severity.ALERT, "swap 25 %");
        AlertChange quote = new AlertChange("process:<!here>&\"app\"", AlertChange.Kind.RESOLVED, Severity.OK,
                "line\nbreak \u00e9 \u2603 \\ \"", "", null, T0, "");
        return new AlertOutcome(
                Map.of("crash-loop:web", new TrackedFinding(FindingState.NEW, Severity.EMERGENCY, T0, 1, 0, Severity.EMERGENCY, 0),
                        "swap", new TrackedFinding(FindingState.CLEARING, Severity.OK, T1, 4, 2, null, 1)),
                true, List.of(loop, gone), List.of("crashes"), "1 new EMERGENCY", List.of(loop, gone, quote),
                List.of(quote), 3);
    }

    @Test
    void writesWhatDatabindWrites() {
        for (AlertOutcome s : List.of(rich(), AlertOutcome.EMPTY, rich().settle(true))) {
            assertThat(AlertStateJson.pretty(s)).isEqualTo(Json.pretty(s));
            assertThat(AlertStateJson.compact(s)).isEqualTo(Json.compact(s));
        }
    }

    @Test
    void readsWhatDatabindWroteAndBack() throws IOException {
        AlertOutcome s = rich();
        assertThat(AlertStateJson.read(Json.pretty(s))).isEqualTo(s);
        assertThat(Json.mapper().readValue(AlertStateJson.pretty(s), AlertOutcome.class)).isEqualTo(s);
        assertThat(AlertStateJson.read(AlertStateJson.compact(s))).isEqualTo(s);
    }

    @Test
    void partialAndOlderStatesReadAsDatabindReadThem() throws IOException {
        for (String text : List.of("{}", "{\"notify\":true,\"changes\":[{\"id\":\"swap\",\"kind\":\"NEW\",\"severity\":\"ALERT\"}]}",
                "{\"findings\":{\"load\":{\"state\":\"ONGOING\",\"severity\":\"ALERT\",\"consecutive\":\"3\"}},\"extra\":{\"a\":[1,{}]}}",
                "{\"message\":null,\"pending\":null,\"dropped\":-2,\"muted\":[\"crashes\"],\"findings\":{}}",
                "{\"changes\":[{\"id\":\"x\",\"kind\":\"REMINDER\",\"since\":1764464400.5,\"at\":\"2026-11-30T01:00:00Z\"}]}")) {
            assertThat(AlertStateJson.read(text)).as(text).isEqualTo(Json.mapper().readValue(text, AlertOutcome.class));
        }
    }

    @Test
    void damagedTextIsAnErrorNamingTheKeyNeverQuotingIt() {
        assertThatThrownBy(() -> AlertStateJson.read("{\"notify\":tr")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AlertStateJson.read("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AlertStateJson.read("[1]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AlertStateJson.read("{\"dropped\":{\"secret\":\"hunter2\"}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("'dropped'").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> AlertStateJson.read("{\"findings\":{\"x\":{\"state\":\"hunter2\"}}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("'state'").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> AlertStateJson.read("{\"changes\":[{\"since\":\"not a time\"}]}")).isInstanceOf(IOException.class);
    }
}
