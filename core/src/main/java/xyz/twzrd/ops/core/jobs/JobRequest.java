package xyz.twzrd.ops.core.jobs;

import java.io.Serializable;

/**
 * Everything one check run needs, as plain serializable values: what the Jenkins plugin sends to the agent that
 * runs the check. Blank strings mean "default". Secrets (the SSH key and its passphrase) travel in
 * {@link #sshKey} / {@link #sshPassphrase} and are never part of {@link #toString()}.
 *
 * @param check          {@code alerts}, {@code health-check}, {@code pm2-restart} or {@code audit}
 * @param configYaml     configuration as YAML text (see docs/configuration.md), may be blank
 * @param stateDir       state folder on the node that runs the check
 * @param reportDir      report folder on that node
 * @param pm2            the pm2 program
 * @param pm2Home        PM2_HOME, blank for pm2's own default
 * @param pm2Timeout     timeout of one pm2 command, e.g. {@code 30s}
 * @param apps           {@code all} or comma-separated app names (pm2-restart)
 * @param healthUrl      health endpoint to verify (pm2-restart), may be blank
 * @param settle         wait after the restart, e.g. {@code 10s}
 * @param deadline       deadline for the health endpoint, e.g. {@code 60s}
 * @param logs           extra log paths or globs, separated by newlines (health-check)
 * @param sshTarget      {@code user@host[:port]}, blank to run on the node itself
 * @param sshKey         private key text (PEM/OpenSSH) for the SSH target
 * @param sshPassphrase  passphrase of that key, may be blank
 * @param knownHosts     known_hosts text for strict host-key checking of the SSH target
 * @param previousAlertState the alert state of the previous run (JSON of the {@code alertState} section), or blank
 */
public record JobRequest(String check, String configYaml, String stateDir, String reportDir, String pm2, String pm2Home,
                         String pm2Timeout, String apps, String healthUrl, String settle, String deadline, String logs,
                         String sshTarget, String sshKey, String sshPassphrase, String knownHosts,
                         String previousAlertState) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean remote() {
        return sshTarget != null && !sshTarget.isBlank();
    }

    @Override
    public String toString() {
        return "JobRequest[check=" + check + ", target=" + (remote() ? sshTarget : "this node") + "]";
    }
}
