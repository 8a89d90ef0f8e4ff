package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code pm2:} section of the configuration: how PM2 is reached, crash-loop detection and the defaults of the
 * verified restart. Durations are written as {@code 10s}, {@code 5m}. Each default is stated once, here.
 */
public class Pm2Config {
    /** Default of {@code pm2.restart-apps}. */
    public static final String DEFAULT_RESTART_APPS = "all";
    /** Default of {@code pm2.settle}, as written in the configuration. */
    public static final String DEFAULT_SETTLE = "10s";
    /** Default of {@code pm2.deadline}. */
    public static final String DEFAULT_DEADLINE = "60s";
    /** Default of {@code pm2.command-timeout}. */
    public static final String DEFAULT_COMMAND_TIMEOUT = "30s";
    /** Default of {@code pm2.program}: found on the target's PATH. */
    public static final String DEFAULT_PROGRAM = "pm2";

    private String program = DEFAULT_PROGRAM;
    private String home;
    private Duration commandTimeout = Pm2Settings.DEFAULT_TIMEOUT;
    private int crashLoopRestarts = 5;
    private Duration crashLoopWindow = Duration.ofMinutes(5);
    private boolean stopLooping;
    private long daemonLogBytes = 1024 * 1024;
    private String restartApps = DEFAULT_RESTART_APPS;
    private Duration settle = Durations.parse(DEFAULT_SETTLE);
    private Duration deadline = Durations.parse(DEFAULT_DEADLINE);
    private String healthUrl;
    private boolean rolling;
    private boolean reload;
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = NameList.class)
    private List<String> expectedApps = List.of();

    /** The pm2 program: a name on the target's PATH (default {@code pm2}) or a path. */
    public String getProgram() {
        return program;
    }

    /** PM2_HOME of the daemon to query; null: the target's environment decides, as pm2 itself does. */
    public String getHome() {
        return home;
    }

    /** How long one pm2 command may run (default 30s). */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    /** How to reach PM2 on a target, from {@code program}, {@code home} and {@code command-timeout}. */
    public Pm2Settings settings() {
        return new Pm2Settings(program, home == null || home.isBlank() ? null : Path.of(home), commandTimeout);
    }

    /** More unplanned exits than this of one app within {@link #crashLoopWindow()} is a crash loop (default 5). */
    public int getCrashLoopRestarts() {
        return crashLoopRestarts;
    }


    /** The crash-loop window (default 5m). */
    public Duration crashLoopWindow() {
        return crashLoopWindow;
    }


    /** Opt-in: {@code pm2 stop} an app found in a crash loop (default false: nothing is stopped). */
    public boolean isStopLooping() {
        return stopLooping;
    }


    /** How much of the end of {@code PM2_HOME/pm2.log} is read for crash-loop evidence (default 1 MiB). */
    public long getDaemonLogBytes() {
        return daemonLogBytes;
    }

    /** Apps {@code pm2-restart} restarts: {@code all} or a comma-separated list of names (default all). */
    public String getRestartApps() {
        return restartApps;
    }

    public Pm2Config setRestartApps(String apps) {
        this.restartApps = apps;
        return this;
    }

    /** Wait after {@code pm2 restart} before listing again (default 10s). */
    public Duration settle() {
        return settle;
    }

    public Pm2Config setSettle(Duration d) {
        this.settle = d;
        return this;
    }

    /** How long after the settle time the health URL may take to answer 2xx (default 60s). */
    public Duration deadline() {
        return deadline;
    }

    public Pm2Config setDeadline(Duration d) {
        this.deadline = d;
        return this;
    }

    /** Health endpoint polled after a restart, e.g. {@code http://localhost:8080/health}; null for none. */
    public String getHealthUrl() {
        return healthUrl;
    }

    public Pm2Config setHealthUrl(String url) {
        this.healthUrl = url;
        return this;
    }

    /**
     * The apps that must run under PM2 ({@code pm2.expected-apps}: a YAML list or {@code a,b}; default none): each
     * one missing is an EMERGENCY {@code process:<app>}, and no daemon at all is an EMERGENCY.
     */
    public List<String> getExpectedApps() {
        return expectedApps == null ? List.of() : expectedApps;
    }

    /**
     * The names of {@code pm2.expected-apps}, validated as PM2 app names and each once; {@code all} is refused, since
     * it names no app.
     */
    public static List<String> expectedApps(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        if (names.contains("all")) {
            throw new IllegalArgumentException("name the apps that must run; 'all' names none");
        }
        return AppSelection.parse(String.join(",", names)).names();
    }

    /**
     * Rolling restart (default false): one app at a time, each verified (online, fresh uptime, the health URL when
     * set) before the next; stops at the first failure, leaving the rest untouched.
     */
    public boolean isRolling() {
        return rolling;
    }

    public Pm2Config setRolling(boolean rolling) {
        this.rolling = rolling;
        return this;
    }

    /** {@code pm2 reload} (zero-downtime, one instance after the other) instead of restart for cluster-mode apps (default false). */
    public boolean isReload() {
        return reload;
    }

    public Pm2Config setReload(boolean reload) {
        this.reload = reload;
        return this;
    }

    /** Checks every value; the messages name the key below {@code key}. */
    public void validate(String key) throws ConfigException {
        if (crashLoopRestarts < 1 || crashLoopRestarts > 10_000) {
            throw new ConfigException(key + ".crash-loop-restarts", "must be from 1 to 10000, not " + crashLoopRestarts);
        }
        Durations.require(key + ".crash-loop-window", crashLoopWindow, true);
        Durations.require(key + ".settle", settle, false);
        Durations.require(key + ".deadline", deadline, false);
        Durations.require(key + ".command-timeout", commandTimeout, true);
        if (program == null || program.isBlank()) {
            throw new ConfigException(key + ".program", "must name the pm2 program");
        }
        if (daemonLogBytes < 4096 || daemonLogBytes > 256L * 1024 * 1024) {
            throw new ConfigException(key + ".daemon-log-bytes", "must be from 4096 to 268435456, not " + daemonLogBytes);
        }
        try {
            AppSelection.parse(restartApps);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ".restart-apps", e.getMessage());
        }
        try {
            expectedApps = expectedApps(getExpectedApps());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ".expected-apps", e.getMessage());
        }
        if (healthUrl != null) {
            try {
                HealthProbe.check(healthUrl);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ".health-url", e.getMessage());
            }
        }
    }

    /** A list of app names as YAML gives it, {@code [a, b]}, or as a flag or step field gives it, {@code a,b}. */
    static final class NameList extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<List<String>> {
        NameList() {
            super(List.class);
        }

        @Override
        public List<String> deserialize(com.fasterxml.jackson.core.JsonParser p,
                                        com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            List<String> out = new java.util.ArrayList<>();
            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    out.add(p.getValueAsString(""));
                }
                return out.stream().map(String::strip).toList();
            }
            String text = p.getValueAsString();
            if (text == null) {
                return (List<String>) ctxt.handleUnexpectedToken(List.class, p);
            }
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
    }
}
