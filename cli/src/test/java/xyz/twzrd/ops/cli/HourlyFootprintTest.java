package xyz.twzrd.ops.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.testkit.Pm2Sandbox;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hourly check loads, in a JVM of its own as cron starts it: a run with flags only (no config file, no
 * {@code --json}) against a real pm2 with an app, on a state folder a previous run left (alert state, crash
 * baseline, history), never starts Jackson databind. Its streaming parser is enough for those files and for pm2's
 * list, and databind's start in a cold JVM costs more CPU than the rest of the run's own work (docs/performance.md).
 * Class loading is what is asserted, not time.
 */
class HourlyFootprintTest {
    static Pm2Sandbox pm2;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPm2() throws Exception {
        pm2 = new Pm2Sandbox();
        pm2.start("worker.js", "web", Map.of("API_TOKEN", "s3cr3t-value"));
        pm2.await("web", p -> "online".equals(p.status()));
    }

    @AfterAll
    static void killPm2() throws Exception {
        pm2.close();
    }

    private List<String> run(boolean json) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-Xshare:off", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "alerts", "--state-dir", dir.resolve("state").toString(),
                "--report-dir", dir.resolve("reports").toString(), "--swap-alert", "100", "--swap-emergency", "100",
                "--load-alert", "100000", "--load-emergency", "100000", "--memory-alert", "100", "--memory-emergency", "100",
                "--disk-alert", "100", "--disk-emergency", "100"));
        argv.addAll(pm2.runnerOptions());
        if (json) {
            argv.add("--json");
        }
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the run finished").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())))
                .isZero();
        return lines;
    }

    private static List<String> databind(List<String> lines) {
        return lines.stream().filter(l -> l.contains("[class,load] com.fasterxml.jackson.databind.ObjectMapper ")
                || l.contains("[class,load] com.fasterxml.jackson.databind.deser.BeanDeserializer ")
                || l.contains("[class,load] com.fasterxml.jackson.databind.ser.BeanSerializer ")
                || l.contains("[class,load] com.fasterxml.jackson.dataformat.yaml.")).toList();
    }

    @Test
    void anHourlyRunOnAFolderOfEarlierRunsNeverStartsDatabind() throws Exception {
        run(false); // the first run: baseline, alert state and history are written
        List<String> second = run(false);
        assertThat(second).anyMatch(l -> l.startsWith("OK alerts on "));
        assertThat(databind(second)).as("databind classes loaded by an hourly run").isEmpty();
        assertThat(Files.readString(dir.resolve("state/history.jsonl"))).contains("\"check\":\"alerts\"").hasLineCount(2);
        assertThat(String.join("\n", second)).doesNotContain("s3cr3t-value");
        // --json prints the whole result, with databind: the files the quiet runs wrote read back there too
        List<String> json = run(true);
        assertThat(databind(json)).isNotEmpty();
        assertThat(String.join("\n", json)).contains("\"alertState\"").doesNotContain("s3cr3t-value");
        assertThat(new File(dir.resolve("state").toFile(), "alert-state-alerts.json")).exists();
    }
}
