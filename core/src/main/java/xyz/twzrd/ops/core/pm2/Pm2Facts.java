package xyz.twzrd.ops.core.pm2;

import java.time.ZoneOffset;
import java.util.List;

/**
 * What the PM2 part of the alerts reads from a target: the daemon check, {@code pm2 jlist}, the tail of the
 * daemon's log and the target's UTC offset. {@link Pm2Client} asks for each with a command of its own;
 * {@link Pm2Client#framed} reads them all in one script, together with the host facts (one exec channel per host
 * over SSH). Each fails on its own with a {@link Pm2Exception} naming its command.
 */
public interface Pm2Facts {
    /** Whether a daemon runs for the PM2_HOME (found without calling pm2). */
    Pm2Daemon daemon() throws Pm2Exception;

    /** {@code pm2 jlist}, parsed; only asked for when {@link #daemon()} found one running. */
    List<Pm2Process> jlist() throws Pm2Exception;

    /** The last {@code maxBytes} of the daemon's {@code pm2.log}. */
    String daemonLog(List<Pm2Process> apps, long maxBytes) throws Pm2Exception;

    /** The target's current UTC offset. */
    ZoneOffset utcOffset() throws Pm2Exception;
}
