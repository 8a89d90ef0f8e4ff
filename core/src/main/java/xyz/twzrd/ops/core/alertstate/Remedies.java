package xyz.twzrd.ops.core.alertstate;

import java.util.List;
import java.util.Map;
import xyz.twzrd.ops.core.Finding;

/**
 * What to do next about a finding, by its id: the line each notification gives after the threshold, so that a page
 * at night says where to look first (the seed's "each alert includes threshold + remediation").
 */
public final class Remedies {
    private Remedies() {
    }

    /**
     * The next step for a finding, using what it found: an expected app PM2 does not run is started rather than
     * described, and the crash findings name the apps they found instead of {@code APP}.
     */
    public static String of(Finding f) {
        String id = f.id();
        if (id.startsWith("process:") && "missing".equals(f.details().get("status"))) {
            String app = id.substring("process:".length());
            return "start it (pm2 start <ecosystem file> --only " + app + ", then pm2 save), or if it runs under another "
                    + "user or PM2_HOME, point pm2.home there; if it is gone for good, remove it from pm2.expected-apps";
        }
        if (id.equals("crashes") || id.equals("crash-loop")) {
            List<String> apps = f.details().entrySet().stream().filter(e -> e.getValue() instanceof Number)
                    .map(Map.Entry::getKey).toList();
            if (!apps.isEmpty()) {
                return of(id).replace("APP", apps.get(0)) + (apps.size() > 1 ? " (likewise for "
                        + String.join(", ", apps.subList(1, apps.size())) + ")" : "");
            }
        }
        return of(id);
    }

    /** The next step for a finding id; a generic one for ids without their own. */
    public static String of(String id) {
        if (id.startsWith("process:")) {
            String app = id.substring("process:".length());
            return "see why with pm2 describe " + app + " and pm2 logs " + app + " --err --lines 100; once fixed, pm2 start "
                    + app + " (or pm2 restart " + app + ")";
        }
        if (id.startsWith("disk:")) {
            String mount = id.substring("disk:".length());
            return "free space on " + mount + ": du -xsh " + (mount.endsWith("/") ? mount : mount + "/")
                    + "* | sort -h | tail; old PM2 logs: pm2 flush, and check the logrotate rule";
        }
        if (id.startsWith("log:")) {
            return "read the new error lines of " + id.substring("log:".length()) + " (listed in the report)";
        }
        return switch (id) {
            case "swap" -> "find what swaps (ps -eo pid,rss,comm --sort=-rss | head) and restart the app that grows, "
                    + "or cap it with max_memory_restart in its PM2 ecosystem file";
            case "memory" -> "see the biggest processes (ps -eo pid,rss,comm --sort=-rss | head); cap the growing app "
                    + "with max_memory_restart";
            case "load" -> "see what is busy (top -b -n 1 | head -20); a crash-looping app or a runaway job is the usual cause";
            case "crashes" -> "read the error log of the app that restarted: pm2 logs APP --err --lines 100";
            case "crash-loop" -> "read the looping app's error log (pm2 logs APP --err --lines 100), fix the cause and "
                    + "pm2 restart APP, or pm2 stop APP to end the loop";
            case "pm2" -> "check that PM2 runs for this user and PM2_HOME (pm2 ls as that user); fix pm2.home "
                    + "(--pm2-home, step pm2Home) or start the apps (pm2 resurrect)";
            case "logs" -> "read the new error lines in the report and in the app's log";
            case "connection" -> "check that the host answers SSH and that its host key is the one in known_hosts";
            case "health" -> "curl the health URL on the host and read the app's error log";
            case "memory-limits", "swappiness", "log-rotation", "updates", "env-review" ->
                    "see the audit report for the recommended setting";
            default -> "see the report of this run for the details";
        };
    }
}
