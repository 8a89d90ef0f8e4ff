package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertStateJson;
import xyz.twzrd.ops.core.config.ConfigLayers;
import xyz.twzrd.ops.core.logs.LogSource;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run of a check needs, named (never positional): which check, the configuration layers, where it
 * runs (this machine, SSH hosts with key files, or one SSH host with an in-memory key and known_hosts text), the
 * state and report folders, who holds the alert state between runs, and whether to notify. Built with
 * {@link #of(CheckKind)}; {@link CheckRun#run} carries it out.
 */
public final class RunRequest {
    /** An SSH host reached with an in-memory key and known_hosts text (the Jenkins credential; never on disk). */
    record InlineSsh(String target, byte[] key, char[] passphrase, String knownHosts, String knownHostsName) {
        @Override
        public String toString() {
            return "InlineSsh[" + target + "]";
        }
    }

    /** The previous run as the caller keeps it (Jenkins: the previous build of the job). */
    record CallerState(AlertOutcome alertState, Optional<CheckResult> lastResult) {
    }

    final CheckKind check;
    ConfigLayers config = ConfigLayers.defaults();
    Path stateDir = Path.of("twzrd-ops-data", "state");
    Path reportDir;
    List<LogSource> logs = List.of();
    boolean fullScan;
    List<SshSettings> hosts = List.of();
    int parallel = RemoteChecks.DEFAULT_PARALLEL;
    InlineSsh inlineSsh;
    CallerState callerState;
    boolean notify;
    boolean callerDelivers;
    Path webhookFile;
    Map<String, String> env = Map.of();
    Map<String, String> localEnv = Map.of();
    Clock clock = Clock.systemUTC();

    private RunRequest(CheckKind check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /** A request for this check on this machine with the default configuration. */
    public static RunRequest of(CheckKind check) {
        return new RunRequest(check);
    }

    public CheckKind check() {
        return check;
    }

    /** The configuration layers (defaults, file or global configuration, job config, flags or step fields). */
    public RunRequest config(ConfigLayers layers) {
        this.config = Objects.requireNonNull(layers, "config");
        return this;
    }

    /** The state folder (baselines, offsets, planned restarts; for the runner also alert state and history). */
    public RunRequest stateDir(Path dir) {
        this.stateDir = Objects.requireNonNull(dir, "stateDir");
        return this;
    }

    /** The report folder; without one no report set is written. Remote hosts get {@code hosts/<host>} below it. */
    public RunRequest reportDir(Path dir) {
        this.reportDir = dir;
        return this;
    }

    /** Further log files or globs to scan (health-check, logs), beside the PM2 app logs and {@code logs.paths}. */
    public RunRequest logs(List<LogSource> sources) {
        this.logs = List.copyOf(sources);
        return this;
    }

    /** Further log files or globs, one per line (blank lines skipped). */
    public RunRequest logLines(String lines) {
        return logs(lines == null ? List.of() : lines.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> new LogSource("", Path.of(l))).toList());
    }

    /** The log scan reads every file from its start instead of from the saved offsets. */
    public RunRequest fullScan(boolean full) {
        this.fullScan = full;
        return this;
    }

    /** Runs on these SSH hosts instead of this machine, {@code parallel} at a time. */
    public RunRequest hosts(List<SshSettings> hosts, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        this.hosts = List.copyOf(hosts);
        this.parallel = parallel;
        return this;
    }

    /**
     * Runs on one SSH host with a key held in memory and the host keys as known_hosts text (strict checking; the
     * text goes to a private temporary file for the run). A blank target means this machine.
     */
    public RunRequest ssh(String target, String privateKey, String passphrase, String knownHosts) {
        return ssh(target, privateKey, passphrase, knownHosts, null);
    }

    /**
     * As {@link #ssh(String, String, String, String)}, with the name of where the known_hosts text came from (e.g.
     * {@code the step's knownHosts}), which host-key messages name instead of the temporary file; null or blank:
     * {@code the known_hosts text}.
     */
    public RunRequest ssh(String target, String privateKey, String passphrase, String knownHosts,
                          String knownHostsName) {
        if (target == null || target.isBlank()) {
            this.inlineSsh = null;
            return this;
        }
        this.inlineSsh = new InlineSsh(target.strip(),
                privateKey == null ? new byte[0] : privateKey.getBytes(StandardCharsets.UTF_8),
                passphrase == null || passphrase.isEmpty() ? null : passphrase.toCharArray(),
                knownHosts == null ? "" : knownHosts,
                knownHostsName == null || knownHostsName.isBlank() ? "the known_hosts text" : knownHostsName.strip());
        return this;
    }

    /**
     * The caller keeps the state between runs (Jenkins: in the build actions): the previous alert state (the JSON of
     * the {@code alertState} section) and the previous result (compared with in the report), each blank on a first
     * run. Unreadable text counts as a first run. The state folder then gets no alert state and no history.
     */
    public RunRequest callerState(String previousAlertStateJson, String previousResultJson) {
        AlertOutcome state = AlertOutcome.EMPTY;
        if (previousAlertStateJson != null && !previousAlertStateJson.isBlank()) {
            try {
                state = java.util.Objects.requireNonNullElse(AlertStateJson.read(previousAlertStateJson), AlertOutcome.EMPTY);
            } catch (IOException | RuntimeException e) {
                state = AlertOutcome.EMPTY;
            }
        }
        Optional<CheckResult> last = Optional.empty();
        if (previousResultJson != null && !previousResultJson.isBlank()) {
            try {
                last = Optional.of(Json.readResult(previousResultJson));
            } catch (IllegalArgumentException e) {
                last = Optional.empty();
            }
        }
        this.callerState = new CallerState(state, last);
        return this;
    }

    /**
     * Deliver a notification to Slack when the alert state says so: the webhook from {@code webhookFile} when given,
     * else from {@code $SLACK_WEBHOOK_URL} in {@code env}; never from an argument.
     */
    public RunRequest notify(boolean notify, Path webhookFile, Map<String, String> env) {
        this.notify = notify || webhookFile != null;
        this.webhookFile = webhookFile;
        this.env = Map.copyOf(env);
        return this;
    }

    /**
     * Environment variables laid over this JVM's environment for the commands a check runs on this machine (the
     * Jenkins step's {@code PATH}, {@code HOME}, {@code PM2_HOME}); a program given by name is looked up on that
     * {@code PATH}. Not used for SSH hosts, whose own environment decides. Never logged, never stored.
     */
    public RunRequest environment(Map<String, String> localEnv) {
        this.localEnv = localEnv == null ? Map.of() : Map.copyOf(localEnv);
        return this;
    }

    /** The variables of a pipeline's environment a Jenkins step passes to the check ({@link #environment}). */
    public static final List<String> PIPELINE_VARIABLES = List.of("PATH", "HOME", "PM2_HOME");

    /**
     * Of a pipeline's whole environment ({@code withEnv}, tool wrappers, the node's own variables), only
     * {@link #PIPELINE_VARIABLES} that are set and not blank: nothing else of it reaches the check.
     */
    public static Map<String, String> pipelineEnvironment(Map<String, String> all) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (all != null) {
            for (String name : PIPELINE_VARIABLES) {
                String v = all.get(name);
                if (v != null && !v.isBlank()) {
                    out.put(name, v);
                }
            }
        }
        return out;
    }

    /**
     * The caller delivers the notification itself after the run (Jenkins: the step through the Slack plugin) and
     * then settles the alert state with {@link CallerDelivery#settle}: until then everything the run owes stays
     * pending in the returned state.
     */
    public RunRequest callerDelivers(boolean delivers) {
        this.callerDelivers = delivers;
        return this;
    }

    public RunRequest clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Whether the check runs on SSH hosts. */
    public boolean remote() {
        return inlineSsh != null || !hosts.isEmpty();
    }

    @Override
    public String toString() {
        return "RunRequest[" + check + " on " + (inlineSsh != null ? inlineSsh.target()
                : hosts.isEmpty() ? "this machine" : hosts.size() + " hosts") + "]";
    }
}
