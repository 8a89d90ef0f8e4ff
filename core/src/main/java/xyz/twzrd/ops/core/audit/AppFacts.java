package xyz.twzrd.ops.core.audit;

import xyz.twzrd.ops.core.pm2.Pm2Process;

import java.util.List;

/**
 * What the audit needs to know of one PM2 app. Environment variable <b>names</b> only: values never reach the audit.
 *
 * @param name                  app name
 * @param maxMemoryRestartBytes PM2's {@code max_memory_restart} in bytes, or null when the app has none
 * @param envNames              names of the app's environment variables, sorted
 * @param logPaths              the app's out and error log files
 * @param module                true for a PM2 module (such as pm2-logrotate) rather than a service
 */
public record AppFacts(String name, Long maxMemoryRestartBytes, List<String> envNames, List<String> logPaths,
                       boolean module) {
    /** The audit's view of a PM2 process: names of its variables only, never their values. */
    public static AppFacts of(Pm2Process p) {
        List<String> logs = new java.util.ArrayList<>();
        if (p.outLogPath() != null) {
            logs.add(p.outLogPath().toString());
        }
        if (p.errLogPath() != null) {
            logs.add(p.errLogPath().toString());
        }
        return new AppFacts(p.name(), p.maxMemoryRestart(), p.envNames(), logs, p.module());
    }

    public AppFacts {
        envNames = envNames == null ? List.of() : envNames.stream().sorted().toList();
        logPaths = logPaths == null ? List.of() : List.copyOf(logPaths);
    }
}
