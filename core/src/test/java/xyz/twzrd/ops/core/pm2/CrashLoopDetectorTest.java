package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.testkit.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Crash-loop evidence from a real pm2.log (pm2 7.0.4: web, a stopped worker, a crasher and an errored app). */
class CrashLoopDetectorTest {
    @Test
    void unplannedExitsPerAppFromTheRealLog() throws Exception {
        Map<String, List<Instant>> exits = CrashLoopDetector.exits(Fixtures.text("pm2-fixtures/pm2.log"), ZoneOffset.UTC);
        assertThat(exits.keySet()).containsExactly("broken", "crasher");  // worker was stopped on purpose
        assertThat(exits.get("broken")).hasSize(3);
        assertThat(exits.get("crasher")).hasSizeGreaterThanOrEqualTo(6).allMatch(t -> t.toString().startsWith("2026-11-29T01:05"));
    }

    @Test
    void theBusiestWindowCounts() throws Exception {
        String log = Fixtures.text("pm2-fixtures/pm2.log");
        List<CrashLoopDetector.Evidence> ev = CrashLoopDetector.evidence(log, ZoneOffset.UTC, Instant.EPOCH, Duration.ofMinutes(5));
        CrashLoopDetector.Evidence crasher = ev.stream().filter(e -> e.app().equals("crasher")).findFirst().orElseThrow();
        assertThat(crasher.maxInWindow()).isEqualTo(crasher.exits()).isGreaterThan(5);
        // the crasher exits about every 1.2 s: never more than 2 exits within 2 s, while broken died 3 times at once
        assertThat(CrashLoopDetector.evidence(log, ZoneOffset.UTC, Instant.EPOCH, Duration.ofSeconds(2)))
                .extracting(CrashLoopDetector.Evidence::app, CrashLoopDetector.Evidence::maxInWindow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broken", 3), org.assertj.core.groups.Tuple.tuple("crasher", 2));
        // the log is local time: read one hour east, the exits are an hour earlier in UTC
        assertThat(CrashLoopDetector.evidence(log, ZoneOffset.ofHours(1), crasher.lastExit().minusSeconds(3600), Duration.ofMinutes(5)))
                .isEmpty();
    }

    @Test
    void manualStopsAndRestartsAreNotCrashes() {
        String log = """
                2026-11-29T01:07:32: PM2 log: Stopping app:w id:0
                2026-11-29T01:07:32: PM2 log: App [w:0] exited with code [0] via signal [SIGINT]
                2026-11-29T01:07:33: PM2 log: App [w:0] exited with code [1] via signal [SIGINT]
                torn line PM2 log: App [w:0] exited
                2026-11-29T01:07:3""";
        Map<String, List<Instant>> exits = CrashLoopDetector.exits(log, ZoneOffset.UTC);
        assertThat(exits.get("w")).containsExactly(Instant.parse("2026-11-29T01:07:33Z"));
    }
}
