package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;
import xyz.twzrd.ops.core.audit.AppSource;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.report.ReportSet;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs one {@link JobRequest} from the machine it is called on and returns the result: what a Jenkins agent does
 * for a step. The check runs on this machine, or on the request's SSH target (strict host-key checking against the
 * request's known_hosts lines, the key held in memory only). It never throws for a check that cannot run: bad
 * configuration or options, an unreachable host or a check this build lacks become an UNKNOWN result naming why.
 *
 * <p>The result carries the {@code alertState} section, derived from the request's previous alert state (the
 * previous build's), so the caller can tell whether to notify. With a report folder in the request, the dated
 * report set (text, JSON, HTML) of the run is written there, e.g. {@code health-report-2026-11-30.html}.
 */
public final class JobRunner {
    private static final String DEFAULT_STATE_DIR = "twzrd-ops-data/state";
    private static final AlertTracker TRACKER = new AlertTracker(AlertPolicy.DEFAULT);

    private JobRunner() {
    }

    public static CheckResult run(JobRequest request, Clock clock) {
        AlertOutcome previous = previousAlertState(request);
        CheckResult r = runCheck(request, clock, previous);
        if (AlertOutcome.of(r).isEmpty()) { // the check did not run: the state still moves on (UNKNOWN is a problem)
            r.putSection(AlertOutcome.SECTION, TRACKER.next(previous, r, Optional.empty()));
        }
        return r;
    }

    private static CheckResult runCheck(JobRequest request, Clock clock, AlertOutcome previous) {
        OpsConfig config;
        Pm2Settings pm2;
        try {
            config = OpsConfig.parse(request.configYaml());
            if (RestartJob.CHECK.equals(request.check())) {
                restartOptions(config.getPm2(), request);
                config.validate();
            }
            pm2 = new Pm2Settings(request.pm2(), blank(request.pm2Home()) ? null : Path.of(request.pm2Home()),
                    blank(request.pm2Timeout()) ? null : Durations.parse(request.pm2Timeout()));
        } catch (ConfigException | IllegalArgumentException e) {
            return unknown(request, clock, "config", "invalid configuration or options: " + e.getMessage());
        }
        Path stateBase = Path.of(blank(request.stateDir()) ? DEFAULT_STATE_DIR : request.stateDir());
        RemoteChecks.Check body = target -> {
            Path stateDir = perHost(stateBase, target);
            CheckResult r = withReports(check(request, target, config, pm2, stateDir, clock), request.reportDir());
            r.putSection(AlertOutcome.SECTION, TRACKER.next(previous, r, PlannedRestarts.last(stateDir)));
            return r;
        };
        if (request.remote()) {
            return remote(request, clock, pm2.timeout(), body);
        }
        try (Target target = Target.local()) {
            return body.run(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(request, clock, "check", "interrupted");
        } catch (Exception e) {
            return unknown(request, clock, "check", request.check() + " could not run: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static CheckResult check(JobRequest request, Target target, OpsConfig config, Pm2Settings pm2,
                                     Path stateDir, Clock clock) throws InterruptedException {
        String check = request.check();
        return switch (check) {
            case AlertsJob.CHECK -> new AlertsJob(config, pm2, stateDir, clock).run(target);
            case HealthCheckJob.CHECK -> new HealthCheckJob(config, pm2, stateDir, clock).run(target,
                    extraLogs(request.logs()));
            case RestartJob.CHECK -> new RestartJob(pm2, config.getPm2(), stateDir, clock).run(target);
            case AuditJob.CHECK -> new AuditJob(config, clock).run(target,
                    AppSource.pm2(new Pm2Client(target.runner(), pm2)));
            default -> new CheckResult(check, target.name(), clock.instant(), Duration.ZERO, List.of(Finding.unknown(
                    "check", "the check '" + check + "' is not available in this build of twzrd-ops")));
        };
    }

    /** The request's extra log paths or globs, one per line. */
    private static List<LogSource> extraLogs(String logs) {
        return blank(logs) ? List.of() : logs.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> new LogSource("", Path.of(l))).toList();
    }

    /** The previous run's alert state from the request; none (a first run) when blank or unreadable. */
    private static AlertOutcome previousAlertState(JobRequest request) {
        if (blank(request.previousAlertState())) {
            return AlertOutcome.EMPTY;
        }
        try {
            return Json.mapper().readValue(request.previousAlertState(), AlertOutcome.class);
        } catch (IOException e) {
            return AlertOutcome.EMPTY;
        }
    }

    /** Writes the dated report set into the request's report folder; a failed write is an UNKNOWN finding. */
    private static CheckResult withReports(CheckResult r, String reportDir) {
        if (blank(reportDir)) {
            return r;
        }
        try {
            ReportSet.write(Path.of(reportDir), r);
            return r;
        } catch (IOException | RuntimeException e) {
            return r.withFindings(List.of(Finding.unknown("report", "report set could not be written to " + reportDir
                    + ": " + e.getMessage())));
        }
    }

    /** The step's restart options over the configuration's {@code pm2:} section (blank keeps the configured value). */
    private static void restartOptions(Pm2Config c, JobRequest r) {
        if (!blank(r.apps())) {
            c.setRestartApps(r.apps());
        }
        if (!blank(r.settle())) {
            c.setSettle(Durations.parse(r.settle()));
        }
        if (!blank(r.healthUrl())) {
            c.setHealthUrl(r.healthUrl());
        }
        if (!blank(r.deadline())) {
            c.setDeadline(Durations.parse(r.deadline()));
        }
    }

    /** Connects with the request's key and known_hosts lines (written to a private temporary file, then removed). */
    private static CheckResult remote(JobRequest request, Clock clock, Duration commandTimeout, RemoteChecks.Check body) {
        if (blank(request.knownHosts())) {
            return unknown(request, clock, RemoteChecks.CONNECTION,
                    "no known_hosts lines for " + request.sshTarget() + ": host-key checking cannot be turned off");
        }
        Path knownHosts = null;
        try {
            knownHosts = Files.createTempFile("twzrd-known-hosts", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(knownHosts, request.knownHosts() + "\n");
            SshSettings ssh = SshSettings.parse(request.sshTarget(),
                    request.sshKey() == null ? new byte[0] : request.sshKey().getBytes(StandardCharsets.UTF_8),
                    blank(request.sshPassphrase()) ? null : request.sshPassphrase().toCharArray(), knownHosts, null,
                    commandTimeout);
            return RemoteChecks.runOne(ssh, request.check(), clock, body);
        } catch (IOException | IllegalArgumentException e) {
            return unknown(request, clock, RemoteChecks.CONNECTION, "cannot connect to " + request.sshTarget() + ": "
                    + e.getMessage());
        } finally {
            if (knownHosts != null) {
                try {
                    Files.deleteIfExists(knownHosts);
                } catch (IOException ignored) {
                    // a temporary file of public host keys; nothing secret is left behind
                }
            }
        }
    }

    /**
     * A target's own folder under {@code base} (state, reports): {@code base} for this machine,
     * {@code base/hosts/<host>} for a remote host, so baselines and reports of different hosts never mix.
     */
    public static Path perHost(Path base, Target target) {
        if (target.runner().isLocal()) {
            return base;
        }
        return base.resolve("hosts").resolve(target.name().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.", "_"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CheckResult unknown(JobRequest request, Clock clock, String id, String reason) {
        String host = request.remote() ? request.sshTarget() : new LocalCommandRunner().hostName();
        return new CheckResult(request.check(), host, clock.instant(), Duration.ZERO, List.of(Finding.unknown(id, reason)));
    }
}
