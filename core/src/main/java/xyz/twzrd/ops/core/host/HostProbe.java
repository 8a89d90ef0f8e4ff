package xyz.twzrd.ops.core.host;

/** Reads host metrics: locally through OSHI, or on a remote host from its own files and tools. */
public interface HostProbe {
    /**
     * Takes a snapshot. Metrics that cannot be read are left null with a reason in
     * {@link HostSnapshot#problems()}; this method itself does not throw for a single missing metric.
     */
    HostSnapshot snapshot();
}
