package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.config.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** Shared shape of a check command: resolve config, run on the target, print, exit with the severity. */
abstract class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ThresholdOptions thresholds;

    @Mixin
    DataOptions data;

    @Mixin
    Pm2Options pm2;

    @Option(names = "--json", description = "Print the machine-readable result (JSON, schema 1) instead of the summary.")
    boolean json;

    Clock clock = Clock.systemUTC();

    /** Runs the check on one target. */
    abstract CheckResult check(Target target, OpsConfig config) throws Exception;

    @Override
    public Integer call() throws Exception {
        OpsConfig config;
        try {
            config = thresholds.resolve();
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid configuration: " + e.getMessage());
        }
        CheckResult result;
        try (Target target = Target.local()) {
            result = check(target, config);
        }
        print(result);
        return result.getSeverity().exitCode();
    }

    void print(CheckResult result) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.pretty(result) : TextSummary.render(result));
        out.flush();
    }
}
