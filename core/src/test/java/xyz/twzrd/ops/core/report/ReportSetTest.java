package xyz.twzrd.ops.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;

class ReportSetTest {
    @TempDir
    Path dir;

    static CheckResult week(String start, Finding... f) {
        return new CheckResult("health-check", "vps", Instant.parse(start), Duration.ofMillis(40), List.of(f));
    }

    static Finding f(String id, Severity s, double v, String msg) {
        return new Finding(id, s, v, "%", 20.0, 80.0, msg);
    }

    @Test
    void writesTheDatedSetAndComparesWithThePreviousWeek() throws Exception {
        ReportSet first = ReportSet.write(dir, week("2026-11-16T00:00:05Z",
                f("swap", Severity.ALERT, 30, "swap 30%"), f("memory", Severity.OK, 50, "memory 50%"),
                f("disk:/", Severity.ALERT, 85, "disk 85%")));
        assertThat(first.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("health-report-2026-11-16.txt", "health-report-2026-11-16.json", "health-report-2026-11-16.html");
        assertThat(first.comparison()).isEqualTo(ReportComparison.NONE);

        ReportSet second = ReportSet.write(dir, week("2026-11-23T00:00:05Z",
                f("swap", Severity.EMERGENCY, 90, "swap 90%"), f("memory", Severity.ALERT, 95, "memory 95%"),
                f("disk:/", Severity.OK, 60, "disk 60%")));
        assertThat(second.comparison().previousStartedAt()).isEqualTo("2026-11-16T00:00:05Z");
        assertThat(second.comparison().changes()).extracting(ReportComparison.Row::id, ReportComparison.Row::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("disk:/", ReportComparison.Kind.RESOLVED),
                        org.assertj.core.groups.Tuple.tuple("memory", ReportComparison.Kind.NEW),
                        org.assertj.core.groups.Tuple.tuple("swap", ReportComparison.Kind.WORSE));
        String text = Files.readString(second.text());
        assertThat(text).startsWith("EMERGENCY health-check on vps: EMERGENCY swap: swap 90%\n")
                .contains("WORSE    swap", "ALERT -> EMERGENCY", "RESOLVED disk:/")
                .contains("    new:        memory ALERT\n", "    still open: swap EMERGENCY\n", "    resolved:   disk:/ (was ALERT)\n")
                .contains("  swap                               30 -> 90 %         +60 (+200 %)")
                .matches("\\p{ASCII}*");
        // the summary comes before the details
        assertThat(text.indexOf("SUMMARY")).isLessThan(text.indexOf("WEEK OVER WEEK")).isLessThan(text.indexOf("ALL FINDINGS"));
        assertThat(Json.readResult(Files.readString(second.json())).getSeverity()).isEqualTo(Severity.EMERGENCY);
        assertThat(Files.readString(second.html())).contains("<table>", "NEW", "memory 95%");
    }

    @Test
    void everyValueInTheHtmlIsEscaped() throws Exception {
        ReportSet set = ReportSet.write(dir, week("2026-11-23T00:00:05Z",
                f("logs", Severity.ALERT, 3, "error line: <script>alert(1)</script>")
                        .withDetail("top\"<img src=x>", "<script>alert(2)</script>")));
        String html = Files.readString(set.html());
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<img", "href=", "http://", "https://");
    }

    @Test
    void aSecondReportOnTheSameDayGetsATimeSuffixAndOverwritesNothing() throws Exception {
        ReportSet a = ReportSet.write(dir, week("2026-11-23T00:00:05Z", f("swap", Severity.OK, 1, "a")));
        ReportSet b = ReportSet.write(dir, week("2026-11-23T13:45:10Z", f("swap", Severity.ALERT, 30, "b")));
        assertThat(b.json().getFileName().toString()).isEqualTo("health-report-2026-11-23-134510.json");
        assertThat(Files.readString(a.json())).contains("\"a\"");
        assertThat(b.comparison().changes()).extracting(ReportComparison.Row::kind).containsExactly(ReportComparison.Kind.NEW);
    }

    @Test
    void aFailedWriteIsAClearErrorAndKeepsTheEarlierReport() throws Exception {
        ReportSet a = ReportSet.write(dir, week("2026-11-16T00:00:05Z", f("swap", Severity.OK, 1, "kept")));
        // the next report's HTML path is taken by a folder: the write must fail, naming the file
        Files.createDirectories(dir.resolve("health-report-2026-11-23.html").resolve("x"));
        assertThatThrownBy(() -> ReportSet.write(dir, week("2026-11-23T00:00:05Z", f("swap", Severity.OK, 2, "new"))))
                .hasMessageContaining("health-report-2026-11-23.html");
        assertThat(Files.readString(a.json())).contains("kept");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        // the failed set is removed whole: no lone text or JSON that a later run would compare with
        assertThat(dir.resolve("health-report-2026-11-23.json")).doesNotExist();
        assertThat(dir.resolve("health-report-2026-11-23.txt")).doesNotExist();
        ReportSet later = ReportSet.write(dir, week("2026-11-30T00:00:05Z", f("swap", Severity.ALERT, 30, "later")));
        assertThat(later.comparison().changes()).extracting(ReportComparison.Row::kind)
                .containsExactly(ReportComparison.Kind.NEW);
    }

    @Test
    void setsWithinOneSecondGetUniqueNamesEvenFromParallelRuns() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<ReportSet>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String tag = "run" + i;
                all.add(pool.submit(() -> ReportSet.write(dir, week("2026-11-23T00:00:05Z",
                        f("swap", Severity.OK, 1, tag)))));
            }
            java.util.Set<String> names = new java.util.TreeSet<>();
            java.util.Set<String> tags = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<ReportSet> s : all) {
                ReportSet set = s.get();
                names.add(set.json().getFileName().toString());
                String json = Files.readString(set.json());
                tags.add(json.replaceAll("(?s).*\"(run\\d)\".*", "$1"));
                assertThat(set.files()).allSatisfy(p -> assertThat(p).exists());
            }
            assertThat(names).hasSize(6).contains("health-report-2026-11-23.json",
                    "health-report-2026-11-23-000005.json", "health-report-2026-11-23-000005-2.json");
            assertThat(tags).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
    }
}
