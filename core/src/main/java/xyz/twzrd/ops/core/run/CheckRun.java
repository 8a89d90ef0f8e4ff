package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.StateFolder;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.audit.AppSource;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.jobs.AlertsJob;
import xyz.twzrd.ops.core.jobs.AuditJob;
import xyz.twzrd.ops.core.jobs.HealthCheckJob;
import xyz.twzrd.ops.core.jobs.RestartJob;
import xyz.twzrd.ops.core.logs.LogsJob;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.notify.SlackWebhookClient;
import xyz.twzrd.ops.core.notify.Webhooks;
import xyz.twzrd.ops.core.pm2.PlannedRestarts;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.report.ReportComparison;
import xyz.twzrd.ops.core.report.ReportSet;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point of a run, for the runner and the Jenkins plugin alike: resolve the configuration layers, run
 * the check on each target (this machine or SSH hosts), then for each host's result the steps after it: alert
 * state, notification (delivered when the request asks), history, and the dated report set. It never throws for a
 * check that cannot run: invalid configuration, an unreachable host or a failing check become an UNKNOWN result
 * naming why, which still goes through the alert state (an UNKNOWN is news too).
 */
public final class CheckRun {
    private CheckRun() {
    }

    /** Runs a request for one target (this machine or one SSH host). */
    public static RunOutcome run(RunRequest request) {
        List<RunOutcome> all = runAll(request);
        if (all.size() != 1) {
            throw new IllegalArgumentException(request + " is for " + all.size() + " hosts: use runAll");
        }
        return all.get(0);
    }

    /** Runs a request on every target it names; one outcome per host, in the order given. */
    public static List<RunOutcome> runAll(RunRequest request) {
        OpsConfig config;
        String invalid = null;
        try {
            config = request.config.resolve();
        } catch (ConfigException e) {
            config = OpsConfig.defaults();
            invalid = "invalid configuration or options: " + e.getMessage();
        }
        // one run at a time per state folder, around the check and the steps after it: nothing is counted twice
        try (StateLock ignored = StateLock.acquire(lockFolders(request), config.getState().lockTimeout())) {
            return invalid != null ? failedEverywhere(request, config, "config", invalid) : runLocked(request, config);
        } catch (StateLock.Busy e) {
            return couldNotStart(request, config, e.getMessage());
        } catch (IOException e) {
            return couldNotStart(request, config, "could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return couldNotStart(request, config, "could not start: interrupted while waiting for the state folder");
        }
    }

    /** The state folders a request works in: this machine's, or each remote host's below it. */
    private static List<Path> lockFolders(RunRequest r) {
        if (r.inlineSsh != null) {
            return List.of(hostFolder(r.stateDir, displayName(r.inlineSsh.target())));
        }
        if (!r.hosts.isEmpty()) {
            return r.hosts.stream().map(h -> hostFolder(r.stateDir, h.displayName())).toList();
        }
        return List.of(r.stateDir);
    }

    /**
     * The state folder was busy (or could not be locked): UNKNOWN for every host, and nothing written to the state
     * folder. Where the caller keeps the alert state (Jenkins), it goes through the usual steps after a check, which
     * then touch no state folder.
     */
    private static List<RunOutcome> couldNotStart(RunRequest r, OpsConfig config, String reason) {
        List<String> hosts = r.inlineSsh != null ? List.of(displayName(r.inlineSsh.target()))
                : !r.hosts.isEmpty() ? r.hosts.stream().map(SshSettings::displayName).toList() : List.of(localHost());
        List<RunOutcome> out = new ArrayList<>();
        for (String host : hosts) {
            CheckResult raw = unknown(r, host, "state-lock", reason);
            boolean remote = r.remote();
            out.add(r.callerState == null ? new RunOutcome(raw, List.of(), List.of(), r.notify)
                    : after(r, config, raw, remote ? hostFolder(r.stateDir, host) : r.stateDir,
                    r.reportDir == null ? null : remote ? hostFolder(r.reportDir, host) : r.reportDir));
        }
        return out;
    }

    private static List<RunOutcome> runLocked(RunRequest request, OpsConfig config) {
        if (request.inlineSsh != null) {
            return List.of(inlineSsh(request, config));
        }
        if (!request.hosts.isEmpty()) {
            return remote(request, config, request.hosts);
        }
        CheckResult raw;
        try (Target target = Target.local(request.localEnv)) {
            raw = check(request, config, target, request.stateDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            raw = unknown(request, localHost(), "check", "interrupted");
        } catch (Exception e) {
            raw = unknown(request, localHost(), "check", request.check + " could not run: " + message(e));
        }
        return List.of(after(request, config, raw, request.stateDir, request.reportDir));
    }

    /** The check itself on one connected target. */
    private static CheckResult check(RunRequest r, OpsConfig config, Target target, Path stateDir)
            throws InterruptedException {
        Pm2Settings pm2 = config.getPm2().settings();
        // the kind's own baseline and offsets; planned restarts (written by pm2-restart) are shared by all kinds
        StateFolder state = new StateFolder(stateDir, r.check.id(), r.clock.instant());
        CheckResult result = switch (r.check) {
            case ALERTS -> new AlertsJob(config, pm2, state, r.clock).run(target);
            case HEALTH_CHECK -> new HealthCheckJob(config, pm2, state, r.clock).run(target, r.logs);
            case PM2_RESTART -> new RestartJob(pm2, config.getPm2(), state, r.clock).run(target);
            case AUDIT -> new AuditJob(config, r.clock).run(target, AppSource.pm2(new Pm2Client(target.runner(), pm2)));
            case LOGS -> new LogsJob(config.getLogs(), state, r.clock).run(target, r.logs, r.fullScan);
        };
        return state.damaged().isEmpty() ? result : result.withFindings(state.damaged());
    }

    private static List<RunOutcome> remote(RunRequest r, OpsConfig config, List<SshSettings> hosts) {
        List<CheckResult> raw = RemoteChecks.runAll(hosts, r.parallel, r.check.id(), r.clock,
                target -> check(r, config, target, hostFolder(r.stateDir, target.name())));
        List<RunOutcome> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i).displayName();
            out.add(after(r, config, raw.get(i), hostFolder(r.stateDir, host),
                    r.reportDir == null ? null : hostFolder(r.reportDir, host)));
        }
        return out;
    }

    /**
     * One host with an in-memory key; its known_hosts text lives in a private temporary file for the run, which
     * messages never name (the user cannot edit it): they name where the text came from.
     */
    private static RunOutcome inlineSsh(RunRequest r, OpsConfig config) {
        RunRequest.InlineSsh ssh = r.inlineSsh;
        if (ssh.knownHosts().isBlank()) {
            return failed(r, config, displayName(ssh.target()), RemoteChecks.CONNECTION,
                    "no known_hosts lines for " + ssh.target() + ": host-key checking cannot be turned off");
        }
        Path knownHosts = null;
        try {
            knownHosts = Files.createTempFile("twzrd-known-hosts", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(knownHosts, ssh.knownHosts() + "\n");
            SshSettings settings = SshSettings.parse(ssh.target(), ssh.key(), ssh.passphrase(), knownHosts, null,
                    config.getPm2().getCommandTimeout()).withKnownHostsName(ssh.knownHostsName());
            return remote(r, config, List.of(settings)).get(0);
        } catch (IOException | IllegalArgumentException e) {
            return failed(r, config, displayName(ssh.target()), RemoteChecks.CONNECTION, "cannot connect to " + ssh.target() + ": "
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

    /** The steps after the check: alert state, notification, history, report set. */
    private static RunOutcome after(RunRequest r, OpsConfig config, CheckResult raw, Path stateDir, Path reportDir) {
        Optional<AlertOutcome> callerAlertState = Optional.ofNullable(r.callerState).map(RunRequest.CallerState::alertState);
        Recorder recorder = new Recorder(stateDir, config.getAlert().policy(), config.getHistory().retention());
        CheckResult result = recorder.record(raw, callerAlertState, PlannedRestarts.last(stateDir),
                notifier(r, config));
        List<Path> files = List.of();
        List<String> changes = List.of();
        if (reportDir != null && r.check.writesReport(result.getSeverity())) {
            Optional<CheckResult> previous = r.callerState == null ? Optional.empty() : r.callerState.lastResult();
            try {
                ReportSet set = ReportSet.write(reportDir, result, previous);
                result = set.result(); // with the report section (summary, apps, errors, week over week)
                files = set.files();
                changes = set.comparison().changes().stream().map(CheckRun::line).toList();
            } catch (IOException | RuntimeException e) {
                result = result.withFindings(List.of(Finding.unknown("report", "report set could not be written to "
                        + reportDir + ": " + e.getMessage())));
            }
        }
        return new RunOutcome(result, files, changes, r.notify);
    }

    private static String line(ReportComparison.Row c) {
        return c.kind() + " " + c.id();
    }

    /**
     * Where notifications go: nowhere unless asked (the result is the delivery); to the caller after the run when it
     * delivers itself (Jenkins: the step through the Slack plugin); else to the webhook. Asked without a webhook, or
     * with one that cannot be read, every delivery fails naming why, so the changes stay pending.
     */
    private static Optional<Recorder.Notifier> notifier(RunRequest r, OpsConfig config) {
        if (r.callerDelivers) {
            NotificationResult deferred = new NotificationResult(NotificationResult.Status.DEFERRED, 0,
                    "delivered by the caller after the run");
            return Optional.of(m -> deferred);
        }
        if (!r.notify) {
            return Optional.empty();
        }
        try {
            Optional<URI> url = Webhooks.resolve(Optional.ofNullable(r.webhookFile), r.env);
            SlackWebhookClient client = config.getNotify().client();
            NotificationResult none = new NotificationResult(NotificationResult.Status.NOT_CONFIGURED, 0,
                    "no Slack webhook configured ($" + Webhooks.ENV + " is not set); kept pending for the next run");
            return Optional.of(url.<Recorder.Notifier>map(u -> m -> client.send(u, m)).orElse(m -> none));
        } catch (IllegalArgumentException e) {
            NotificationResult failed = new NotificationResult(NotificationResult.Status.FAILED, 0, e.getMessage());
            return Optional.of(m -> failed);
        }
    }

    /**
     * A target's own folder under {@code base} (state, reports): {@code base} for this machine,
     * {@code base/hosts/<host>} for a remote host, so baselines and reports of different hosts never mix.
     */
    static Path hostFolder(Path base, String remoteHost) {
        return base.resolve("hosts").resolve(remoteHost.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.", "_"));
    }

    private static List<RunOutcome> failedEverywhere(RunRequest r, OpsConfig config, String id, String reason) {
        if (r.inlineSsh != null) {
            return List.of(failed(r, config, displayName(r.inlineSsh.target()), id, reason));
        }
        if (r.hosts.isEmpty()) {
            return List.of(after(r, config, unknown(r, localHost(), id, reason), r.stateDir, r.reportDir));
        }
        return r.hosts.stream().map(h -> failed(r, config, h.displayName(), id, reason)).toList();
    }

    private static RunOutcome failed(RunRequest r, OpsConfig config, String host, String id, String reason) {
        return after(r, config, unknown(r, host, id, reason), hostFolder(r.stateDir, host),
                r.reportDir == null ? null : hostFolder(r.reportDir, host));
    }

    private static CheckResult unknown(RunRequest r, String host, String id, String reason) {
        return new CheckResult(r.check.id(), host, r.clock.instant(), Duration.ZERO, List.of(Finding.unknown(id, reason)));
    }

    /** The host as results name it ({@code host} or {@code host:port}), or the text when it is no target. */
    private static String displayName(String target) {
        try {
            return SshSettings.parse(target, Path.of("id"), null, Path.of("known_hosts"), null, null).displayName();
        } catch (IllegalArgumentException e) {
            return target;
        }
    }

    private static String localHost() {
        return new LocalCommandRunner().hostName();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
