package xyz.twzrd.ops.core.jobs;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Target;
import xyz.twzrd.ops.core.audit.AppSource;
import xyz.twzrd.ops.core.config.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Config;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
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

/**
 * Runs one {@link JobRequest} from the machine it is called on and returns the result: what a Jenkins agent does
 * for a step. The check runs on this machine, or on the request's SSH target (strict host-key checking against the
 * request's known_hosts lines, the key held in memory only). It never throws for a check that cannot run: bad
 * configuration or options, an unreachable host or a check this build lacks become an UNKNOWN result naming why.
 */
public final class JobRunner {
    private static final String DEFAULT_STATE_DIR = "twzrd-ops-data/state";

    private JobRunner() {
    }

    public static CheckResult run(JobRequest request, Clock clock) {
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
        Path stateDir = Path.of(blank(request.stateDir()) ? DEFAULT_STATE_DIR : request.stateDir());
        RemoteChecks.Check body = target -> check(request.check(), target, config, pm2, stateDir(stateDir, target), clock);
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

    private static CheckResult check(String check, Target target, OpsConfig config, Pm2Settings pm2, Path stateDir,
                                     Clock clock) throws InterruptedException {
        return switch (check) {
            case AlertsJob.CHECK -> new AlertsJob(config, pm2, stateDir, clock).run(target);
            case RestartJob.CHECK -> new RestartJob(pm2, config.getPm2(), stateDir, clock).run(target);
            case AuditJob.CHECK -> new AuditJob(config, clock).run(target,
                    AppSource.pm2(new Pm2Client(target.runner(), pm2)));
            default -> new CheckResult(check, target.name(), clock.instant(), Duration.ZERO, List.of(Finding.unknown(
                    "check", "the check '" + check + "' is not available in this build of twzrd-ops")));
        };
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
     * Where a target's state lives: {@code base} for this machine, {@code base/hosts/<host>} for a remote host, so
     * baselines of different hosts never mix.
     */
    public static Path stateDir(Path base, Target target) {
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
