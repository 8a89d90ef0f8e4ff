package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Crash accounting between runs, with the state files on disk. */
class CrashAccountingTest {
    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path state;

    static Pm2Process app(String name, int id, long restarts, Instant created) {
        return new Pm2Process(name, id, "online", restarts, 0, created, created, 1, 0, null, null, null, null, List.of(), false, null, null);
    }

    @Test
    void firstRunHasNoBaselineAndSaysSo() {
        Finding f = CrashAccounting.account(state, List.of(app("web", 0, 4, CREATED)), T0);
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.value()).isNull();
        assertThat(f.message()).startsWith("first run: no baseline yet");
        assertThat(CrashAccounting.previousRun(state)).contains(T0);
    }

    @Test
    void theMessageNamesTheBaselineTimeToTheSecond() {
        java.time.Instant precise = T0.plusNanos(123_456_789);
        CrashAccounting.account(state, List.of(app("web", 0, 4, CREATED)), precise);
        Finding f = CrashAccounting.account(state, List.of(app("web", 0, 6, CREATED)), precise.plusSeconds(3600));
        assertThat(f.message()).isEqualTo("2 unplanned restarts since 2026-11-30T01:00:00Z: web 2");
        assertThat(f.details()).as("the data keeps its precision").containsEntry("since", precise.toString());
    }

    @Test
    void restartsSinceThePreviousRunAreCrashes() {
        CrashAccounting.account(state, List.of(app("web", 0, 4, CREATED), app("worker", 1, 0, CREATED)), T0);
        Finding f = CrashAccounting.account(state, List.of(app("web", 0, 7, CREATED), app("worker", 1, 0, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.severity()).isEqualTo(Severity.ALERT);
        assertThat(f.value()).isEqualTo(3.0);
        assertThat(f.message()).isEqualTo("3 unplanned restarts since 2026-11-30T01:00:00Z: web 3");
        assertThat(f.details()).containsEntry("web", 3L).doesNotContainKey("worker");
        Finding quiet = CrashAccounting.account(state, List.of(app("web", 0, 7, CREATED)), T0.plusSeconds(7200));
        assertThat(quiet.severity()).isEqualTo(Severity.OK);
        assertThat(quiet.value()).isZero();
    }

    @Test
    void plannedRestartsAreSubtracted() throws Exception {
        CrashAccounting.account(state, List.of(app("web", 0, 4, CREATED), app("worker", 1, 2, CREATED)), T0);
        PlannedRestarts.record(state, T0.minusSeconds(60), List.of("web")); // before the baseline: not subtracted
        PlannedRestarts.record(state, T0.plusSeconds(60), List.of("web", "worker"));
        Finding f = CrashAccounting.account(state, List.of(app("web", 0, 6, CREATED), app("worker", 1, 3, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.value()).isEqualTo(1.0);
        assertThat(f.details()).containsEntry("web", 1L).doesNotContainKey("worker");
        assertThat(PlannedRestarts.last(state)).contains(T0.plusSeconds(60));
    }

    @Test
    void aCounterThatStartsOverIsNotACrash() {
        CrashAccounting.account(state, List.of(app("web", 0, 9, CREATED), app("api", 1, 5, CREATED)), T0);
        Finding f = CrashAccounting.account(state,
                List.of(app("web", 0, 1, CREATED), app("api", 3, 6, CREATED), app("new", 4, 8, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.message()).contains("1 counter(s) started over"); // api has a new pm_id: counted from the next run
    }

    @Test
    void clusterInstancesShareTheirNameAndArePlannedTogether() throws Exception {
        CrashAccounting.account(state, List.of(app("api", 0, 0, CREATED), app("api", 1, 0, CREATED)), T0);
        PlannedRestarts.record(state, T0.plusSeconds(60), List.of("api", "api"));
        Finding f = CrashAccounting.account(state, List.of(app("api", 0, 2, CREATED), app("api", 1, 1, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.value()).isEqualTo(1.0);
        assertThat(f.details()).containsEntry("api", 1L);
        List<Pm2Process> cluster = List.of(app("api", 0, 0, CREATED), app("api", 1, 0, CREATED), app("web", 2, 0, CREATED));
        assertThat(cluster).extracting(p -> p.label(cluster)).containsExactly("api:0", "api:1", "web");
    }

    @Test
    void anUnreadableBaselineIsUnknownAndNoPlannedRestartIsEmpty() throws Exception {
        assertThat(PlannedRestarts.last(state)).isEmpty();
        Files.writeString(state.resolve(CrashAccounting.FILE), "{not json");
        Finding f = CrashAccounting.account(state, List.of(app("web", 0, 1, CREATED)), T0);
        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(f.message()).contains("cannot read state file").contains(CrashAccounting.FILE);
    }
}
