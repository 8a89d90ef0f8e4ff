package xyz.twzrd.ops.core.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;

/**
 * Writes the dated report set of a run into the report folder: {@code <check>-report-YYYY-MM-DD.txt},
 * {@code .json} and {@code .html} (UTC date of the run). When reports of that date already exist, the new set
 * gets a time suffix ({@code -HHmmss}, then {@code -HHmmss-2} ...) instead of overwriting them. Each file is written
 * atomically, the JSON last; a set that fails half-way is removed whole, so no lone JSON is compared with later. The
 * comparison uses the newest earlier JSON report of the same check.
 *
 * @param text the text report
 * @param json the JSON result
 * @param html the HTML page
 * @param comparison what changed since the previous report
 * @param result the result as the JSON report holds it: with the {@code report} section ({@link ReportModel})
 */
public record ReportSet(Path text, Path json, Path html, ReportComparison comparison, CheckResult result) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    public static ReportSet write(Path dir, CheckResult result) throws IOException {
        return write(dir, result, Optional.empty());
    }

    /**
     * Writes the set, compared with {@code previous} when given (Jenkins: the previous build's result of the check),
     * else with the newest earlier report of the check in {@code dir}.
     */
    public static ReportSet write(Path dir, CheckResult result, Optional<CheckResult> previous) throws IOException {
        String prefix = reportPrefix(result.getCheck());
        Optional<CheckResult> before = previous.isPresent() ? previous : previous(dir, prefix);
        ReportComparison cmp = before.map(p -> ReportComparison.compare(p, result)).orElse(ReportComparison.NONE);
        ReportModel model = ReportModel.of(result, before);
        CheckResult reported = model.attachTo(result);
        ReportSet set = claim(dir, prefix + DAY.format(result.getStartedAt()), reported, cmp);
        try {
            AtomicFiles.writeString(set.text, TextReport.render(result, cmp, model));
            AtomicFiles.writeString(set.html, HtmlReport.render(result, cmp, model));
            AtomicFiles.writeString(set.json, Json.pretty(reported)); // last: a JSON is only there for a whole set
        } catch (IOException | RuntimeException e) {
            for (Path p : set.files()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the original error matters more
                }
            }
            throw e;
        }
        return set;
    }

    /**
     * A name no other set has, even for runs within one second or at the same time in other processes: the date,
     * then {@code -HHmmss}, then {@code -HHmmss-2}, {@code -3} ... The name is claimed by creating its JSON file
     * empty (an unreadable JSON is never compared with) before anything is written.
     */
    private static ReportSet claim(Path dir, String day, CheckResult result, ReportComparison cmp) throws IOException {
        Files.createDirectories(dir);
        String time = day + "-" + TIME.format(result.getStartedAt());
        for (int n = 0; ; n++) {
            String base = n == 0 ? day : n == 1 ? time : time + "-" + n;
            ReportSet set = new ReportSet(dir.resolve(base + ".txt"), dir.resolve(base + ".json"),
                    dir.resolve(base + ".html"), cmp, result);
            if (Files.exists(set.text)) {
                continue;
            }
            try {
                Files.createFile(set.json);
                return set;
            } catch (FileAlreadyExistsException e) {
                // taken by an earlier set, or by a run at the same moment: try the next name
            }
        }
    }

    /** The file name prefix of a check's reports, e.g. {@code health-report-}. */
    static String reportPrefix(String check) {
        return (check.endsWith("-check") ? check.substring(0, check.length() - "-check".length()) : check) + "-report-";
    }

    /** The newest readable JSON report of this prefix, by its run start time. */
    static Optional<CheckResult> previous(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        CheckResult newest = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.json")) {
            for (Path p : ds) {
                try {
                    CheckResult r = Json.readResult(Files.readString(p));
                    if (newest == null || r.getStartedAt().isAfter(newest.getStartedAt())) {
                        newest = r;
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // an unreadable old report is skipped; the new one is still written
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The three files. */
    public List<Path> files() {
        return List.of(text, json, html);
    }
}
