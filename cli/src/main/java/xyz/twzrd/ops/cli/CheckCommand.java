package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.jobs.JobRunner;

import xyz.twzrd.ops.core.ssh.HostResults;
import xyz.twzrd.ops.core.ssh.RemoteChecks;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

    @Mixin
    TargetOptions targets;

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
        if (targets.remote()) {
            List<CheckResult> results = RemoteChecks.runAll(targets.settings(spec.commandLine()), targets.parallel,
                    spec.name(), clock, target -> check(target, config));
            if (results.size() == 1) {
                print(results.get(0));
            } else {
                printAll(HostResults.of(results));
            }
            return RemoteChecks.worst(results).exitCode();
        }
        CheckResult result;
        try (Target target = Target.local()) {
            result = check(target, config);
        }
        print(result);
        return result.getSeverity().exitCode();
    }

    /**
     * Where this target's state lives: {@code --state-dir} for this machine, {@code <state-dir>/hosts/<host>} for a
     * remote host (so baselines of different hosts never mix).
     */
    Path stateDir(Target target) {
        return perHost(data.stateDir(), target);
    }

    /** The report folder for this target: {@code --report-dir} locally, {@code <report-dir>/hosts/<host>} remotely. */
    Path reportDir(Target target) {
        return perHost(data.reportDir(), target);
    }

    private static Path perHost(Path base, Target target) {
        return JobRunner.perHost(base, target);
    }

    /** Several hosts: JSON {@code {"severity", "results": [...]}}, or each host's summary. */
    void printAll(HostResults all) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(all));
        } else {
            all.results().forEach(r -> out.println(TextSummary.render(r)));
        }
        out.flush();
    }

    void print(CheckResult result) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.pretty(result) : TextSummary.render(result));
        out.flush();
    }
}
