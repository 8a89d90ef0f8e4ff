package xyz.twzrd.ops.core.audit;

import java.util.List;

/** Where the audit gets the PM2 apps from (the PM2 process list of the target). */
@FunctionalInterface
public interface AppSource {
    /** The apps; throws with a clear message when they cannot be read (the app findings are then UNKNOWN). */
    List<AppFacts> apps() throws Exception;
}
