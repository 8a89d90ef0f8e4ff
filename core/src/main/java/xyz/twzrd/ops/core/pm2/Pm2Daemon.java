package xyz.twzrd.ops.core.pm2;

/**
 * Whether a PM2 daemon runs for a PM2_HOME, found without calling pm2 (which would start one): its pid file
 * {@code PM2_HOME/pm2.pid} names a live process and its socket {@code PM2_HOME/rpc.sock} exists.
 *
 * @param home         the PM2_HOME looked at (the configured one, else the target's {@code $PM2_HOME}, else
 *                     {@code ~/.pm2}, as pm2 itself decides)
 * @param programFound whether the pm2 program was found on the target
 * @param pidFile      whether {@code pm2.pid} exists
 * @param pid          the pid in the pid file, null when there is none or it holds no number
 * @param alive        whether that pid is a live process
 * @param socket       whether {@code rpc.sock} exists and is a socket
 */
public record Pm2Daemon(String home, boolean programFound, boolean pidFile, Long pid, boolean alive, boolean socket) {
    /** A daemon runs there. */
    public boolean running() {
        return pid != null && alive && socket;
    }

    /** Why no daemon is considered running, in words naming the files looked at. */
    public String why() {
        if (!pidFile) {
            return "no pid file " + home + "/pm2.pid";
        }
        if (pid == null) {
            return home + "/pm2.pid holds no pid";
        }
        if (!alive) {
            return "the pid " + pid + " in " + home + "/pm2.pid is not running";
        }
        return "no socket " + home + "/rpc.sock";
    }
}
