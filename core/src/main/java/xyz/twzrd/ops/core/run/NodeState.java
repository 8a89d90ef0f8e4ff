package xyz.twzrd.ops.core.run;

/**
 * Where the Jenkins steps keep the state every job on a node must share (crash baselines per check kind, log
 * offsets, and the planned restarts of the Friday {@code pm2Restart}, which the hourly {@code twzrdAlerts} job must
 * see): one folder per node, by default {@value #DEFAULT} below the node's root (the agent's remote root folder;
 * {@code JENKINS_HOME} on the built-in node), never a job's workspace. A configured folder (the step's
 * {@code stateDir}, else the global one) replaces it; a relative one is taken below the node's root. Alert state per
 * job stays with the builds.
 */
public final class NodeState {
    /** The default folder below the node's root. */
    public static final String DEFAULT = "twzrd-ops/state";

    private NodeState() {
    }

    /**
     * The state folder on the node.
     *
     * @param nodeRoot the node's root folder (absolute, on the node)
     * @param step     the step's {@code stateDir}, or blank
     * @param global   the global configuration's {@code stateDir}, or blank
     */
    public static String folder(String nodeRoot, String step, String global) {
        String chosen = step != null && !step.isBlank() ? step.strip()
                : global != null && !global.isBlank() ? global.strip() : DEFAULT;
        if (chosen.startsWith("/")) {
            return chosen;
        }
        String root = nodeRoot.endsWith("/") ? nodeRoot.substring(0, nodeRoot.length() - 1) : nodeRoot;
        return root + "/" + chosen;
    }
}
