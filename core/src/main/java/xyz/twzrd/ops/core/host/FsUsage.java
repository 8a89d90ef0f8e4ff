package xyz.twzrd.ops.core.host;

/**
 * Usage of one mounted file system, in the terms {@code df} uses.
 *
 * @param mount      mount point, e.g. {@code /}
 * @param type       file-system type, e.g. {@code ext4}
 * @param totalBytes size
 * @param usedBytes  size minus free blocks (free includes blocks reserved for root)
 * @param availBytes bytes available to unprivileged users
 */
public record FsUsage(String mount, String type, long totalBytes, long usedBytes, long availBytes) {
    /** Used percentage exactly as {@code df} computes it: used / (used + available). */
    public double usedPercent() {
        long denom = usedBytes + availBytes;
        if (denom <= 0) {
            return 0;
        }
        return 100.0 * usedBytes / denom;
    }
}
