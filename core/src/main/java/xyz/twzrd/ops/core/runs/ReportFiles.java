package xyz.twzrd.ops.core.runs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.TextSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report files of one run, by file name: {@code twzrd-<check>.json} (the result contract) and
 * {@code twzrd-<check>.txt}. The Jenkins steps archive these as build artifacts.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static Map<String, String> render(CheckResult result) {
        String base = "twzrd-" + result.getCheck();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(base + ".json", Json.pretty(result) + "\n");
        files.put(base + ".txt", TextSummary.render(result) + "\n");
        return files;
    }
}
