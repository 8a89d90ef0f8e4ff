package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.StateFolder;

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

    private StateFolder alerts() {
        return new StateFolder(state, "alerts", T0);
    }

    static Pm2Process app(String name, int id, long restarts, Instant created) {
        return new Pm2Process(name, id, "online", restarts, 0, created, created, 1, 0, null, null, null, null, List.of(), false, null, null);
    }

    @Test
    void firstRunHasNoBaselineAndSaysSo() {
        Finding f = CrashAccounting.account(alerts(), List.of(app("web", 0, 4, CREATED)), T0);
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.value()).isNull();
        assertThat(f.message()).startsWith("first run: no baseline yet");
        assertThat(CrashAccounting.previousRun(alerts())).contains(T0);
    }

    @Test
    void theMessageNamesTheBaselineTimeToTheSecond() {
        java.time.Instant precise = T0.plusNanos(123_456_789);
        CrashAccounting.account(new StateFolder(state, "alerts", precise), List.of(app("web", 0, 4, CREATED)), precise);
        Finding f = CrashAccounting.account(new StateFolder(state, "alerts", precise), List.of(app("web", 0, 6, CREATED)),
                precise.plusSeconds(3600));
        assertThat(f.message()).isEqualTo("2 unplanned restarts since 2026-11-30T01:00:00Z: web 2");
        assertThat(f.details()).as("the data keeps its precision").containsEntry("since", precise.toString());
    }

    @Test
    void restartsSinceThePreviousRunAreCrashes() {
        CrashAccounting.account(alerts(), List.of(app("web", 0, 4, CREATED), app("worker", 1, 0, CREATED)), T0);
        Finding f = CrashAccounting.account(alerts(), List.of(app("web", 0, 7, CREATED), app("worker", 1, 0, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.severity()).isEqualTo(Severity.ALERT);
        assertThat(f.value()).isEqualTo(3.0);
        assertThat(f.message()).isEqualTo("3 unplanned restarts since 2026-11-30T01:00:00Z: web 3");
        assertThat(f.details()).containsEntry("web", 3L).doesNotContainKey("worker");
        Finding quiet = CrashAccounting.account(alerts(), List.of(app("web", 0, 7, CREATED)), T0.plusSeconds(7200));
        assertThat(quiet.severity()).isEqualTo(Severity.OK);
        assertThat(quiet.value()).isZero();
    }

    @Test
    void plannedRestartsAreSubtracted() throws Exception {
        CrashAccounting.account(alerts(), List.of(app("web", 0, 4, CREATED), app("worker", 1, 2, CREATED)), T0);
        PlannedRestarts.record(state, T0.minusSeconds(60), List.of("web")); // before the baseline: not subtracted
        PlannedRestarts.record(state, T0.plusSeconds(60), List.of("web", "worker"));
        Finding f = CrashAccounting.account(alerts(), List.of(app("web", 0, 6, CREATED), app("worker", 1, 3, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.value()).isEqualTo(1.0);
        assertThat(f.details()).containsEntry("web", 1L).doesNotContainKey("worker");
        assertThat(PlannedRestarts.last(state)).contains(T0.plusSeconds(60));
    }

    @Test
    void aCounterThatStartsOverIsNotACrash() {
        CrashAccounting.account(alerts(), List.of(app("web", 0, 9, CREATED), app("api", 1, 5, CREATED)), T0);
        Finding f = CrashAccounting.account(alerts(),
                List.of(app("web", 0, 1, CREATED), app("api", 3, 6, CREATED), app("new", 4, 8, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.message()).contains("1 counter(s) started over"); // api has a new pm_id: counted from the next run
    }

    @Test
    void clusterInstancesShareTheirNameAndArePlannedTogether() throws Exception {
        CrashAccounting.account(alerts(), List.of(app("api", 0, 0, CREATED), app("api", 1, 0, CREATED)), T0);
        PlannedRestarts.record(state, T0.plusSeconds(60), List.of("api", "api"));
        Finding f = CrashAccounting.account(alerts(), List.of(app("api", 0, 2, CREATED), app("api", 1, 1, CREATED)),
                T0.plusSeconds(3600));
        assertThat(f.value()).isEqualTo(1.0);
        assertThat(f.details()).containsEntry("api", 1L);
        List<Pm2Process> cluster = List.of(app("api", 0, 0, CREATED), app("api", 1, 0, CREATED), app("web", 2, 0, CREATED));
        assertThat(cluster).extracting(p -> p.label(cluster)).containsExactly("api:0", "api:1", "web");
    }

    @Test
    void aDamagedBaselineIsSetAsideReportedOnceAndRebuilt() throws Exception {
        assertThat(PlannedRestarts.last(state)).isEmpty();
        Path own = state.resolve("pm2-baseline-alerts.json");
        Files.writeString(own, "{\"takenAt\": \"2026-11-30T00:00:00Z\", \"apps\": {\"web:0\": {\"na");
        StateFolder folder = alerts();
        Finding f = CrashAccounting.account(folder, List.of(app("web", 0, 1, CREATED)), T0);
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.message()).startsWith("first run");
        assertThat(folder.damaged()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("state:pm2-baseline-alerts.json");
            assertThat(d.severity()).isEqualTo(Severity.ALERT);
            assertThat(d.message()).contains(own.toString()).contains("kept as pm2-baseline-alerts.json.damaged-20261130T010000.000Z");
        });
        assertThat(state.resolve("pm2-baseline-alerts.json.damaged-20261130T010000.000Z")).hasContent(
                "{\"takenAt\": \"2026-11-30T00:00:00Z\", \"apps\": {\"web:0\": {\"na");
        // rebuilt: the next run counts again and reports nothing more
        StateFolder next = new StateFolder(state, "alerts", T0.plusSeconds(3600));
        Finding again = CrashAccounting.account(next, List.of(app("web", 0, 3, CREATED)), T0.plusSeconds(3600));
        assertThat(again.value()).isEqualTo(2.0);
        assertThat(next.damaged()).isEmpty();
    }

    @Test
    void aDamagedPlannedRestartFileIsSetAsideAndRebuilt() throws Exception {
        CrashAccounting.account(alerts(), List.of(app("web", 0, 1, CREATED)), T0);
        Files.write(state.resolve(PlannedRestarts.FILE), new byte[] {'{', '"', (byte) 0xC3});
        StateFolder folder = new StateFolder(state, "alerts", T0.plusSeconds(60));
        Finding f = CrashAccounting.account(folder, List.of(app("web", 0, 2, CREATED)), T0.plusSeconds(60));
        assertThat(f.value()).isEqualTo(1.0);
        assertThat(folder.damaged()).extracting(Finding::id).containsExactly("state:" + PlannedRestarts.FILE);
        PlannedRestarts.record(state, T0.plusSeconds(120), List.of("web"));
        assertThat(PlannedRestarts.last(state)).contains(T0.plusSeconds(120));
    }

    @Test
    void eachCheckKindCountsSinceItsOwnLastRunAndAllSeeThePlannedRestarts() throws Exception {
        StateFolder weekly = new StateFolder(state, "health-check", T0);
        CrashAccounting.account(weekly, List.of(app("web", 0, 0, CREATED)), T0);
        long restarts = 0;
        for (int hour = 1; hour <= 3; hour++) {
            restarts += 4;
            Instant at = T0.plusSeconds(3600L * hour);
            Finding hourly = CrashAccounting.account(new StateFolder(state, "alerts", at),
                    List.of(app("web", 0, restarts, CREATED)), at);
            if (hour > 1) { // the first hourly run only saves its baseline
                assertThat(hourly.value()).isEqualTo(4.0);
            }
        }
        // a planned restart between: every kind subtracts it
        PlannedRestarts.record(state, T0.plusSeconds(4 * 3600), List.of("web"));
        Instant monday = T0.plusSeconds(5 * 3600);
        Finding week = CrashAccounting.account(new StateFolder(state, "health-check", monday),
                List.of(app("web", 0, restarts + 1, CREATED)), monday);
        assertThat(week.value()).as(week.message()).isEqualTo(12.0);
        assertThat(week.details()).containsEntry("since", T0.toString());
        Finding hour = CrashAccounting.account(new StateFolder(state, "alerts", monday),
                List.of(app("web", 0, restarts + 1, CREATED)), monday);
        assertThat(hour.value()).isEqualTo(0.0);
        assertThat(state.resolve("pm2-baseline-health-check.json")).exists();
        assertThat(state.resolve("pm2-baseline-alerts.json")).exists();
    }

    @Test
    void theFirstRunAfterAnUpgradeStartsFromTheOldSharedBaseline() throws Exception {
        CrashAccounting.account(new StateFolder(state.resolve("old"), "x", T0), List.of(app("web", 0, 2, CREATED)), T0);
        Files.move(state.resolve("old/pm2-baseline-x.json"), state.resolve(CrashAccounting.FILE));
        Finding f = CrashAccounting.account(alerts(), List.of(app("web", 0, 5, CREATED)), T0.plusSeconds(60));
        assertThat(f.value()).isEqualTo(3.0);
    }
}
