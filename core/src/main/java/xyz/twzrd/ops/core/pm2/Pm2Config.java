package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.ConfigException;

import java.time.Duration;

/**
 * The {@code pm2:} section of the configuration: crash-loop detection and the defaults of the verified restart.
 * Durations are written as {@code 10s}, {@code 5m}.
 */
public class Pm2Config {
    private int crashLoopRestarts = 5;
    private String crashLoopWindow = "5m";
    private boolean stopLooping;
    private long daemonLogBytes = 1024 * 1024;
    private String restartApps = "all";
    private String settle = "10s";
    private String deadline = "60s";
    private String healthUrl;

    /** More unplanned exits than this of one app within {@link #crashLoopWindow()} is a crash loop (default 5). */
    public int getCrashLoopRestarts() {
        return crashLoopRestarts;
    }


    /** The crash-loop window (default 5m). */
    public Duration crashLoopWindow() {
        return Durations.parse(crashLoopWindow);
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
        return Durations.parse(settle);
    }

    public Pm2Config setSettle(Duration d) {
        this.settle = Durations.format(d);
        return this;
    }

    /** How long after the settle time the health URL may take to answer 2xx (default 60s). */
    public Duration deadline() {
        return Durations.parse(deadline);
    }

    public Pm2Config setDeadline(Duration d) {
        this.deadline = Durations.format(d);
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

    /** Checks every value; the messages name the key below {@code key}. */
    public void validate(String key) throws ConfigException {
        if (crashLoopRestarts < 1 || crashLoopRestarts > 10_000) {
            throw new ConfigException(key + ".crash-loop-restarts", "must be from 1 to 10000, not " + crashLoopRestarts);
        }
        duration(key + ".crash-loop-window", crashLoopWindow, true);
        duration(key + ".settle", settle, false);
        duration(key + ".deadline", deadline, false);
        if (daemonLogBytes < 4096 || daemonLogBytes > 256L * 1024 * 1024) {
            throw new ConfigException(key + ".daemon-log-bytes", "must be from 4096 to 268435456, not " + daemonLogBytes);
        }
        try {
            AppSelection.parse(restartApps);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ".restart-apps", e.getMessage());
        }
        if (healthUrl != null) {
            try {
                HealthProbe.check(healthUrl);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ".health-url", e.getMessage());
            }
        }
    }

    private static void duration(String key, String text, boolean positive) throws ConfigException {
        try {
            if (positive && Durations.parse(text).isZero()) {
                throw new ConfigException(key, "must be longer than 0");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }
}
