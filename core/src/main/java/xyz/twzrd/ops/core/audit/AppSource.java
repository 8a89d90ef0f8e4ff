package xyz.twzrd.ops.core.audit;

import xyz.twzrd.ops.core.pm2.Pm2Client;

import java.util.List;

/** Where the audit gets the PM2 apps from (the PM2 process list of the target). */
@FunctionalInterface
public interface AppSource {
    /** The apps; throws with a clear message when they cannot be read (the app findings are then UNKNOWN). */
    List<AppFacts> apps() throws Exception;

    /** The apps of a PM2 daemon, listed with {@code pm2 jlist} through the client's command runner. */
    static AppSource pm2(Pm2Client client) {
        return () -> client.list().stream().map(AppFacts::of).toList();
    }
}
