package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.testkit.FreePort;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs at once on one state folder (cron starting the hourly alerts while a manual run is going), with the real
 * pm2 and an app that crashes every second: they take turns, so the crashes since the baseline are counted once
 * between them, never by both.
 */
class SimultaneousRunsLiveTest {
    static Pm2Sandbox pm2;

    @TempDir
    static Path state;

    @BeforeAll
    static void startCrasher() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.start("crasher.js", "crasher", Map.of());
    }

    @AfterAll
    static void killDaemon() throws Exception {
        pm2.close();
    }

    private static RunRequest alerts() {
        return RunRequest.of(CheckKind.ALERTS).stateDir(state).config(ConfigLayers.defaults()
                .set("test", "pm2.program", pm2.settings().pm2()).set("test", "pm2.home", pm2.home().toString()));
    }

    private static double crashes(RunOutcome o) {
        Finding f = o.result().finding(CrashAccounting.FINDING).orElseThrow();
        return f.value() == null ? 0 : f.value();
    }

    @Test
    void twoRunsAtOnceCountTheCrashesOnce() throws Exception {
        RunOutcome baseline = CheckRun.run(alerts());
        double before = baseline.result().finding("process:crasher").orElseThrow().value();
        pm2.await("crasher", p -> p.restarts() >= before + 6);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<RunOutcome> both = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunOutcome>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return CheckRun.run(alerts());
                }));
            }
            go.countDown();
            for (Future<RunOutcome> f : runs) {
                both.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long after = pm2.client().list().stream().filter(a -> a.name().equals("crasher")).findFirst().orElseThrow()
                .restarts();
        double counted = crashes(both.get(0)) + crashes(both.get(1));
        assertThat(counted).as("crashes counted by the two runs").isGreaterThanOrEqualTo(6.0)
                .isLessThanOrEqualTo(after - before);
        assertThat(both).allSatisfy(o -> assertThat(o.result().finding("state-lock")).isEmpty());
        // they took turns: one check ran after the other had finished
        List<RunOutcome> byStart = both.stream()
                .sorted(java.util.Comparator.comparing(o -> o.result().getStartedAt())).toList();
        java.time.Instant firstEnd = byStart.get(0).result().getStartedAt()
                .plusMillis(byStart.get(0).result().getDurationMs());
        assertThat(byStart.get(1).result().getStartedAt()).isAfterOrEqualTo(firstEnd);
    }
}
