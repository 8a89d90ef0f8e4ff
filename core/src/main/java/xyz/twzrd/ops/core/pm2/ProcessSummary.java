package xyz.twzrd.ops.core.pm2;

import java.time.Instant;
import java.util.List;

/**
 * One app in the {@code processes} section of a result: state and resources only, never its environment.
 *
 * @param name        app name
 * @param pmId        PM2 id
 * @param status      PM2 status
 * @param restarts    PM2's restart count (all restarts, planned or not)
 * @param uptimeSince when the current process started; null if PM2 did not say
 * @param memoryBytes resident memory
 * @param cpuPercent  CPU %
 * @param outLog      the app's out log file, or null
 * @param errLog      the app's error log file, or null
 * @param maxMemoryRestart PM2's {@code max_memory_restart} in bytes, or null when not set
 * @param pid         the OS process id while it runs, or null
 */
public record ProcessSummary(String name, int pmId, String status, long restarts, Instant uptimeSince,
                             long memoryBytes, double cpuPercent, String outLog, String errLog,
                             Long maxMemoryRestart, Integer pid) {
    /** The section name in a {@code CheckResult}. */
    public static final String SECTION = "processes";

    public static ProcessSummary of(Pm2Process p) {
        return new ProcessSummary(p.name(), p.pmId(), p.status(), p.restarts(), p.uptimeSince(), p.memoryBytes(),
                p.cpuPercent(), p.outLogPath() == null ? null : p.outLogPath().toString(),
                p.errLogPath() == null ? null : p.errLogPath().toString(), p.maxMemoryRestart(), p.pid());
    }

    public static List<ProcessSummary> of(List<Pm2Process> apps) {
        return apps.stream().map(ProcessSummary::of).toList();
    }
}
