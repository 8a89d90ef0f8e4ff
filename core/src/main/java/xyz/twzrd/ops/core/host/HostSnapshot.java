package xyz.twzrd.ops.core.host;

import java.util.List;
import java.util.Map;

/**
 * Host metrics at one moment. A value that could not be read is null, and its reason is in {@code problems}
 * (keyed by the finding id it belongs to), so that the policy reports UNKNOWN rather than a silent OK.
 *
 * @param hostName          the host the metrics describe
 * @param memTotalBytes     physical memory
 * @param memAvailableBytes memory available for new work (MemAvailable)
 * @param swapTotalBytes    swap space
 * @param swapUsedBytes     swap in use
 * @param load1             1-minute load average
 * @param load5             5-minute load average
 * @param load15            15-minute load average
 * @param cpuCount          logical processors
 * @param uptimeSeconds     seconds since boot
 * @param fileSystems       mounted local file systems
 * @param problems          finding id to the reason its metric could not be read
 */
public record HostSnapshot(
        String hostName,
        Long memTotalBytes,
        Long memAvailableBytes,
        Long swapTotalBytes,
        Long swapUsedBytes,
        Double load1,
        Double load5,
        Double load15,
        Integer cpuCount,
        Long uptimeSeconds,
        List<FsUsage> fileSystems,
        Map<String, String> problems) {

    public HostSnapshot {
        fileSystems = fileSystems == null ? List.of() : List.copyOf(fileSystems);
        problems = problems == null ? Map.of() : Map.copyOf(problems);
    }

    /** The load average of the given window (1, 5 or 15 minutes), or null. */
    public Double load(int windowMinutes) {
        return switch (windowMinutes) {
            case 1 -> load1;
            case 5 -> load5;
            case 15 -> load15;
            default -> throw new IllegalArgumentException("load window must be 1, 5 or 15 minutes, not " + windowMinutes);
        };
    }
}
