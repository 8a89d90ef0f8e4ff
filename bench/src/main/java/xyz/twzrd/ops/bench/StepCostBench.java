package xyz.twzrd.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.config.Keys;
import xyz.twzrd.ops.core.run.CheckKind;
import xyz.twzrd.ops.core.run.CheckRun;
import xyz.twzrd.ops.core.run.RunOutcome;
import xyz.twzrd.ops.core.run.RunRequest;

/**
 * Benchmark entry point for {@code bench/hourly-bench.sh}, not a test: what a {@code twzrdAlerts} step costs in
 * an agent JVM that is already running. {@code PM2 PM2_HOME WORKDIR STEPS} runs STEPS alerts checks one after the
 * other in this JVM the way the plugin's agent side does (the step's fields as a config layer, Jenkins mode: the
 * previous build's alert state and result handed in, the outcome's JSON, alert state, trend values and step summary
 * read back, a report folder per build). The script times a JVM doing 1 step and one doing 1 + N steps as whole
 * processes (children included, so each step's own {@code pm2 jlist}); the difference over N is the warm per-step
 * cost.
 */
public final class StepCostBench {
    private StepCostBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: StepCostBench PM2 PM2_HOME WORKDIR STEPS");
            System.exit(2);
        }
        Path work = Path.of(args[2]);
        int steps = Integer.parseInt(args[3]);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(Keys.PM2_PROGRAM, args[0]);
        fields.put(Keys.PM2_HOME, args[1]);
        String state = null;
        String result = null;
        RunOutcome last = null;
        for (int i = 0; i < steps; i++) {
            Path reports = Files.createDirectories(work.resolve("builds").resolve(Integer.toString(i)));
            RunRequest request = RunRequest.of(CheckKind.ALERTS)
                    .config(ConfigLayers.defaults().setAll("the step's fields", fields))
                    .stateDir(work.resolve("node-state")).reportDir(reports)
                    .callerState(state, result)
                    .callerDelivers(false);
            RunOutcome o = CheckRun.run(request);
            state = o.alertStateJson();
            result = o.json();
            if (o.trendValues().isEmpty() || o.stepSummary().isEmpty()) {
                throw new IllegalStateException("step " + i + " returned no trend values or summary");
            }
            last = o;
        }
        System.out.println("steps=" + steps + " last_severity=" + (last == null ? "-" : last.severity()));
    }
}
