package xyz.twzrd.ops.core.pm2;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One PM2 app as {@code pm2 jlist} describes it, reduced to a whitelist of fields. The process environment
 * never enters this model: only the variable <em>names</em> of the app's {@code env} block are kept.
 *
 * @param name             app name
 * @param pmId             PM2 id
 * @param status           {@code online}, {@code stopped}, {@code errored}, {@code waiting restart}, ...
 * @param restarts         {@code restart_time}: every restart PM2 did, automatic or manual (restart and reload)
 * @param unstableRestarts {@code unstable_restarts} as PM2 reports it (informational only)
 * @param uptimeSince      {@code pm_uptime}: when the current process started (or last changed state); null if absent
 * @param createdAt        {@code created_at}: when the app was added to PM2; null if absent
 * @param memoryBytes      resident memory from {@code monit.memory}
 * @param cpuPercent       CPU % from {@code monit.cpu}
 * @param maxMemoryRestart {@code max_memory_restart} in bytes; null when not set
 * @param outLogPath       {@code pm_out_log_path}; null if absent
 * @param errLogPath       {@code pm_err_log_path}; null if absent
 * @param pidPath          {@code pm_pid_path}; null if absent (used to locate PM2_HOME)
 * @param envNames         sorted names (never values) of the string entries of the app's {@code env} block
 * @param module           {@code pmx_module}: a PM2 module such as pm2-logrotate rather than a service
 * @param pid              the OS process id when the app runs, else null (to name PM2 apps among the host's processes)
 * @param execMode         {@code exec_mode}: {@code cluster_mode} or {@code fork_mode}; null if absent
 */
public record Pm2Process(String name, int pmId, String status, long restarts, long unstableRestarts,
                         Instant uptimeSince, Instant createdAt, long memoryBytes, double cpuPercent,
                         Long maxMemoryRestart, Path outLogPath, Path errLogPath, Path pidPath,
                         List<String> envNames, boolean module, Integer pid, String execMode) {
    public static final String ONLINE = "online";
    /** {@code exec_mode} of an app started in cluster mode ({@code -i N}), which {@code pm2 reload} reloads without downtime. */
    public static final String CLUSTER_MODE = "cluster_mode";

    public Pm2Process {
        envNames = List.copyOf(envNames == null ? List.of() : envNames);
    }

    /** Without the pid and the exec mode (unknown), as before they were read. */
    public Pm2Process(String name, int pmId, String status, long restarts, long unstableRestarts,
                      Instant uptimeSince, Instant createdAt, long memoryBytes, double cpuPercent,
                      Long maxMemoryRestart, Path outLogPath, Path errLogPath, Path pidPath,
                      List<String> envNames, boolean module) {
        this(name, pmId, status, restarts, unstableRestarts, uptimeSince, createdAt, memoryBytes, cpuPercent,
                maxMemoryRestart, outLogPath, errLogPath, pidPath, envNames, module, null, null);
    }

    /** Started in cluster mode. */
    public boolean cluster() {
        return CLUSTER_MODE.equals(execMode);
    }

    public boolean online() {
        return ONLINE.equals(status);
    }

    /**
     * How findings name this app: its name, or {@code name:pm_id} when several processes of the listing share the
     * name (cluster mode, {@code -i N}).
     */
    public String label(List<Pm2Process> listing) {
        return listing.stream().filter(p -> p.name.equals(name)).count() > 1 ? name + ":" + pmId : name;
    }
}
