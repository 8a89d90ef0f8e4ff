package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;
import xyz.twzrd.ops.core.audit.AppSource;
import xyz.twzrd.ops.core.config.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.report.ReportSet;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs one check from a {@link JobRequest}, on this machine or on the request's SSH target, and advances the alert
 * state from the previous run (section {@code alertState}): what a Jenkins agent does for a step. Never throws
 * for a check that cannot run: that is an UNKNOWN result naming the reason.
 */
public final class JobRunner {
    private JobRunner() {
    }

    public static CheckResult run(JobRequest request, Clock clock) {
        OpsConfig config;
        Pm2Settings pm2;
        try {
            config = OpsConfig.parse(request.configYaml());
            pm2 = new Pm2Settings(blank(request.pm2()) ? "pm2" : request.pm2(),
                    blank(request.pm2Home()) ? null : Path.of(request.pm2Home()),
                    Durations.parse(blank(request.pm2Timeout()) ? "30s" : request.pm2Timeout()));
            applyRestartOptions(config.getPm2(), request);
        } catch (ConfigException | IllegalArgumentException e) {
            return unknown(request, clock, "config", "invalid configuration: " + e.getMessage());
        }
        Path stateDir = Path.of(request.stateDir());
        CheckResult result = request.remote()
                ? remote(request, clock, target -> check(request, config, pm2, stateDir, target, clock))
                : local(target -> check(request, config, pm2, stateDir, target, clock));
        return withAlertState(result, request.previousAlertState(), stateDir);
    }

    private static CheckResult local(RemoteChecks.Check body) {
        try (Target target = Target.local()) {
            return body.run(target);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Over SSH: the key and known hosts are written to files readable only by this user, removed afterwards. */
    private static CheckResult remote(JobRequest r, Clock clock, RemoteChecks.Check body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("twzrd-ssh", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), r.knownHosts() == null ? "" : r.knownHosts());
            SshSettings parsed = SshSettings.parse(r.sshTarget(), null, null, knownHosts,
                    SshSettings.DEFAULT_CONNECT_TIMEOUT, SshSettings.DEFAULT_COMMAND_TIMEOUT);
            SshSettings settings = new SshSettings(parsed.user(), parsed.host(), parsed.port(), null,
                    r.sshKey() == null ? null : r.sshKey().getBytes(StandardCharsets.UTF_8),
                    blank(r.sshPassphrase()) ? null : r.sshPassphrase().toCharArray(), knownHosts,
                    parsed.connectTimeout(), parsed.commandTimeout());
            return RemoteChecks.runOne(settings, r.check(), clock, body);
        } catch (IOException | IllegalArgumentException e) {
            return unknown(r, clock, RemoteChecks.CONNECTION, "cannot reach " + r.sshTarget() + ": " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    private static CheckResult check(JobRequest r, OpsConfig config, Pm2Settings pm2, Path stateDir, Target target,
                                     Clock clock) throws Exception {
        return switch (r.check()) {
            case AlertsJob.CHECK -> new AlertsJob(config, pm2, stateDir, clock).run(target);
            case HealthCheckJob.CHECK -> withReports(new HealthCheckJob(config, pm2, stateDir, clock)
                    .run(target, logSources(r.logs())), r.reportDir());
            case RestartJob.CHECK -> new RestartJob(pm2, config.getPm2(), stateDir, clock).run(target);
            case AuditJob.CHECK -> new AuditJob(config, clock).run(target, AppSource.pm2(new Pm2Client(target.runner(), pm2)));
            default -> throw new IllegalArgumentException("no check named '" + r.check() + "'");
        };
    }

    private static void applyRestartOptions(Pm2Config c, JobRequest r) {
        if (!blank(r.apps())) {
            c.setRestartApps(r.apps());
        }
        if (!blank(r.settle())) {
            c.setSettle(Durations.parse(r.settle()));
        }
        if (!blank(r.deadline())) {
            c.setDeadline(Durations.parse(r.deadline()));
        }
        if (!blank(r.healthUrl())) {
            c.setHealthUrl(r.healthUrl());
        }
    }

    private static List<LogSource> logSources(String lines) {
        return blank(lines) ? List.of()
                : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> new LogSource("", Path.of(l))).toList();
    }

    private static CheckResult withReports(CheckResult r, String reportDir) {
        if (blank(reportDir)) {
            return r;
        }
        try {
            ReportSet.write(Path.of(reportDir), r);
            return r;
        } catch (IOException | UncheckedIOException e) {
            return r.withFindings(List.of(Finding.unknown("report",
                    "report set could not be written to " + reportDir + ": " + e.getMessage())));
        }
    }

    /** Adds the {@code alertState} section, advanced from the previous run's state. */
    static CheckResult withAlertState(CheckResult result, String previousJson, Path stateDir) {
        AlertOutcome previous = AlertOutcome.EMPTY;
        if (!blank(previousJson)) {
            try {
                previous = Json.mapper().readValue(previousJson, AlertOutcome.class);
            } catch (IOException e) {
                previous = AlertOutcome.EMPTY; // an unreadable old state starts afresh: everything is NEW once
            }
        }
        Optional<java.time.Instant> planned = PlannedRestarts.last(stateDir);
        result.putSection(AlertOutcome.SECTION, new AlertTracker(AlertPolicy.DEFAULT).next(previous, result, planned));
        return result;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CheckResult unknown(JobRequest r, Clock clock, String id, String reason) {
        String host = r.remote() ? r.sshTarget() : new LocalCommandRunner().hostName();
        return new CheckResult(r.check(), host, clock.instant(), Duration.ZERO, List.of(Finding.unknown(id, reason)));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind holds nothing once the files above are gone
        }
    }
}
