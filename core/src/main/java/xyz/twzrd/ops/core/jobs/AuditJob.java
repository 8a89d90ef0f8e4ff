package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.audit.AppFacts;
import xyz.twzrd.ops.core.audit.AppSource;
import xyz.twzrd.ops.core.audit.AuditConfig;
import xyz.twzrd.ops.core.audit.AuditRules;
import xyz.twzrd.ops.core.audit.LogrotateRules;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarterly tuning audit ({@code twzrd-ops audit}, {@code twzrdTuningAudit}): swappiness, memory limits,
 * log rotation, pending updates and the environment review. It only reads: every fact comes through the
 * target's command runner (so it runs the same over SSH), and nothing on the host is changed.
 */
public final class AuditJob {
    public static final String CHECK = "audit";
    static final String LOGROTATE_DIR = "/etc/logrotate.d";

    private final AuditConfig config;
    private final Clock clock;

    /** An audit with the {@code audit:} section of the configuration. */
    public AuditJob(OpsConfig config, Clock clock) {
        this.config = config.getAudit();
        this.clock = clock;
    }

    /** Audits the target with PM2 apps already read. */
    public CheckResult run(Target target, List<AppFacts> apps) {
        return run(target, () -> apps);
    }

    /**
     * Audits the target, reading the PM2 apps from the source; when the source throws, the app findings
     * (memory-limits, log-rotation, env-review) are UNKNOWN with its message and the others still run.
     */
    public CheckResult run(Target target, AppSource appSource) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        CommandRunner r = target.runner();
        List<Finding> findings = new ArrayList<>();
        findings.add(swappiness(r));

        List<AppFacts> apps = null;
        String appsProblem = null;
        try {
            apps = appSource.apps();
        } catch (Exception e) {
            appsProblem = "PM2 apps could not be read: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Long ram = null;
        try {
            ram = target.hostProbe().snapshot().memTotalBytes();
        } catch (RuntimeException e) {
            // reported below
        }
        if (apps == null) {
            findings.add(Finding.unknown("memory-limits", appsProblem));
        } else if (ram == null) {
            findings.add(Finding.unknown("memory-limits", "the host's memory size could not be read"));
        } else {
            findings.add(AuditRules.memoryLimits(apps, ram, config.getMemoryLimitsMaxPercentOfRam()));
        }
        findings.add(logRotation(r, apps, appsProblem));
        if (config.isCheckUpdates()) {
            findings.add(updates(r));
        }
        findings.add(apps == null ? Finding.unknown("env-review", appsProblem)
                : AuditRules.envReview(apps, config.secretNamePattern()));
        return new CheckResult(CHECK, target.name(), start, Duration.ofNanos(System.nanoTime() - t0), findings);
    }

    private Finding swappiness(CommandRunner r) {
        try {
            CommandResult res = r.run(Command.of("cat", "/proc/sys/vm/swappiness"));
            if (!res.ok()) {
                return Finding.unknown("swappiness", "cannot read /proc/sys/vm/swappiness: " + res.firstErrorLine());
            }
            return AuditRules.swappiness(res.stdout(), config.getSwappiness());
        } catch (CommandException e) {
            return Finding.unknown("swappiness", "cannot read /proc/sys/vm/swappiness: " + e.getMessage());
        }
    }

    private Finding logRotation(CommandRunner r, List<AppFacts> apps, String appsProblem) {
        if (apps == null) {
            return Finding.unknown("log-rotation", appsProblem);
        }
        try {
            return AuditRules.logRotation(apps, readLogrotate(r), config.getOwnLogs());
        } catch (IOException e) {
            return Finding.unknown("log-rotation", e.getMessage());
        }
    }

    /** All rules of /etc/logrotate.conf and the files in /etc/logrotate.d (a missing file or folder is no rule). */
    static LogrotateRules readLogrotate(CommandRunner r) throws IOException {
        List<LogrotateRules.Rule> rules = new ArrayList<>();
        CommandResult main = r.run(Command.of("cat", "/etc/logrotate.conf"));
        if (main.ok()) {
            rules.addAll(LogrotateRules.parse(main.stdout(), "/etc/logrotate.conf"));
        }
        CommandResult list = r.run(Command.of("find", "-L", LOGROTATE_DIR, "-maxdepth", "1", "-type", "f"));
        if (list.ok()) {
            for (String file : list.stdout().strip().split("\n")) {
                if (file.isBlank() || !LogrotateRules.readInIncludedFolder(file.substring(file.lastIndexOf('/') + 1))) {
                    continue;
                }
                CommandResult c = r.run(Command.of("cat", file));
                if (!c.ok()) {
                    throw new IOException("cannot read logrotate rule " + file + ": " + c.firstErrorLine());
                }
                rules.addAll(LogrotateRules.parse(c.stdout(), file));
            }
        }
        return LogrotateRules.of(rules);
    }

    private Finding updates(CommandRunner r) {
        try {
            CommandResult sim = r.run(Command.of("apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade")
                    .withTimeout(Duration.ofSeconds(120)));
            if (!sim.ok()) {
                return Finding.unknown("updates", "cannot tell pending updates: apt-get -s upgrade failed: "
                        + sim.firstErrorLine());
            }
            CommandResult reboot = r.run(Command.of("test", "-e", "/var/run/reboot-required"));
            return AuditRules.updates(sim.stdout(), reboot.exitCode() == 0);
        } catch (CommandException e) {
            return Finding.unknown("updates", "cannot tell pending updates (this host has no apt-get?): " + e.getMessage());
        }
    }
}
