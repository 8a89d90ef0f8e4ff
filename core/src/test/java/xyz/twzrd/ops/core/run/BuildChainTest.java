package xyz.twzrd.ops.core.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking a job's builds the way the Jenkins plugin does, over a job kept here as plain data (build number to the
 * checks it recorded and the pointers its records carry), counting every build the walk reads.
 */
class BuildChainTest {
    private static final int SCAN = 100;

    /** A job: each build records some checks, pointers made as the plugin makes them when it attaches a record. */
    static final class Job implements BuildChain.Builds<Integer> {
        final TreeMap<Integer, Set<String>> checks = new TreeMap<>();
        final TreeMap<Integer, TreeMap<String, Integer>> pointers = new TreeMap<>();
        final List<Integer> read = new ArrayList<>();

        /** Adds the next build with these checks; returns the previous result the new build compared with, per check. */
        Map<String, Integer> build(String... recorded) {
            int n = checks.isEmpty() ? 1 : checks.lastKey() + 1;
            Map<String, Integer> previous = new TreeMap<>();
            TreeMap<String, Integer> made = null;
            for (String c : recorded) {
                BuildChain.Earlier<Integer> e = BuildChain.earlier(this, n == 1 ? null : n - 1, c, SCAN);
                previous.put(c, e.build() == null ? 0 : e.build());
                made = e.pointers();
            }
            checks.put(n, new java.util.LinkedHashSet<>(List.of(recorded))); // in the order given: Set.of's order changes from JVM to JVM
            if (made != null) {
                pointers.put(n, made);
            }
            return previous;
        }

        /** A build from before pointers existed. */
        void legacyBuild(String... recorded) {
            int n = checks.isEmpty() ? 1 : checks.lastKey() + 1;
            checks.put(n, new java.util.LinkedHashSet<>(List.of(recorded))); // in the order given: Set.of's order changes from JVM to JVM
        }

        int last() {
            return checks.lastKey();
        }

        @Override
        public Integer previous(Integer build) {
            Integer p = checks.lowerKey(build);
            if (p != null) {
                read.add(p);
            }
            return p;
        }

        @Override
        public Integer byNumber(int number) {
            if (checks.containsKey(number)) {
                read.add(number);
                return number;
            }
            return null;
        }

        @Override
        public int number(Integer build) {
            return build;
        }

        @Override
        public Set<String> checks(Integer build) {
            return checks.getOrDefault(build, Set.of());
        }

        @Override
        public Map<String, Integer> pointers(Integer build) {
            return checks(build).isEmpty() ? null : pointers.get(build);
        }
    }

    @Test
    void thePreviousResultIsTheBuildBeforeOrOneHopAway() {
        Job job = new Job();
        assertThat(job.build("health-check")).containsEntry("health-check", 0);
        for (int i = 0; i < 150; i++) {
            job.build("alerts");
        }
        job.read.clear();
        // 150 builds back, found through the pointer the build before carries: two builds read, not 150
        assertThat(job.build("health-check")).containsEntry("health-check", 1);
        assertThat(job.read).hasSizeLessThanOrEqualTo(2);
        job.read.clear();
        // the build before ran the health check only: one hop to the alerts before it
        assertThat(job.build("alerts")).containsEntry("alerts", 151);
        assertThat(job.read).containsExactly(151);
    }

    @Test
    void aCheckNeverRunBeforeHasNoPreviousWithoutAScan() {
        Job job = new Job();
        for (int i = 0; i < 150; i++) {
            job.build("alerts");
        }
        job.read.clear();
        assertThat(job.build("audit")).containsEntry("audit", 0);
        assertThat(job.read).isEmpty();
    }

    @Test
    void buildsWithoutRecordsAreSkippedWithinTheLimit() {
        Job job = new Job();
        job.build("alerts");
        for (int i = 0; i < 5; i++) {
            job.legacyBuild();   // a build that failed before the step ran
        }
        assertThat(job.build("alerts")).containsEntry("alerts", 1);
        for (int i = 0; i < SCAN + 1; i++) {
            job.legacyBuild();
        }
        assertThat(job.build("alerts")).as("beyond the scan limit").containsEntry("alerts", 0);
    }

    @Test
    void aBuildWithSeveralChecksPointsAtItselfForEach() {
        Job job = new Job();
        job.build("pm2-restart", "health-check");
        job.build("alerts");
        job.build("alerts");
        assertThat(job.build("pm2-restart", "health-check")).containsEntry("pm2-restart", 1).containsEntry("health-check", 1);
        assertThat(job.pointers.get(job.last())).containsEntry("alerts", 3).containsEntry("health-check", 1)
                .containsEntry("pm2-restart", 1);
    }

    @Test
    void recordsFromBeforePointersAreScannedOnceThenFollowed() {
        Job job = new Job();
        job.legacyBuild("health-check");
        for (int i = 0; i < 20; i++) {
            job.legacyBuild("alerts");
        }
        assertThat(job.build("alerts")).containsEntry("alerts", 21);
        assertThat(job.pointers.get(job.last())).as("filled in by one scan").containsEntry("health-check", 1)
                .containsEntry("alerts", 21);
        job.read.clear();
        assertThat(job.build("health-check")).containsEntry("health-check", 1);
        assertThat(job.read).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aDeletedBuildFallsBackToAScan() {
        Job job = new Job();
        job.build("health-check");
        job.build("health-check");
        job.build("alerts");
        job.checks.remove(2);
        assertThat(job.build("health-check")).containsEntry("health-check", 1);
    }

    @Test
    void resultsReadAboutAsManyBuildsAsResults() {
        Job job = new Job();
        for (int week = 0; week < 10; week++) {
            job.build("health-check");
            for (int h = 0; h < 167; h++) {
                job.build("alerts");
            }
        }
        job.read.clear();
        List<Integer> weekly = BuildChain.results(job, job.last(), "health-check", 5, SCAN);
        assertThat(weekly).containsExactly(1513, 1345, 1177, 1009, 841);
        assertThat(job.read).hasSizeLessThanOrEqualTo(6);
        job.read.clear();
        List<Integer> two = BuildChain.results(job, job.last(), "alerts", 2, SCAN);
        assertThat(two).containsExactly(job.last(), job.last() - 1);
        assertThat(job.read).hasSize(1);
        assertThat(BuildChain.results(job, job.last(), "audit", 2, SCAN)).isEmpty();
        assertThat(BuildChain.results(job, null, "alerts", 2, SCAN)).isEmpty();
    }

    @Test
    void recentChecksLookAtTheNewestBuildsWhateverTheirResult() {
        Job job = new Job();
        job.build("audit");
        job.build("alerts");
        job.legacyBuild();
        job.build("pm2-restart", "health-check");
        assertThat(BuildChain.recentChecks(job, job.last(), 10)).containsExactly("pm2-restart", "health-check",
                "alerts", "audit").hasSize(4);
        assertThat(BuildChain.recentChecks(job, job.last(), 3)).doesNotContain("audit");
        assertThat(BuildChain.recentChecks(job, null, 10)).isEmpty();
    }
}
