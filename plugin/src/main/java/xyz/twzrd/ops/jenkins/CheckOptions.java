package xyz.twzrd.ops.jenkins;

import java.io.Serializable;

/**
 * The step-specific values of a check request (blank = the runner's default): what {@code pm2Restart} restarts and
 * verifies, which extra logs {@code twzrdHealthCheck} scans. A plain serializable value the step execution keeps.
 */
final class CheckOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    static final CheckOptions NONE = new CheckOptions("", "", "", "", "");

    final String apps;
    final String healthUrl;
    final String settle;
    final String deadline;
    final String logs;

    CheckOptions(String apps, String healthUrl, String settle, String deadline, String logs) {
        this.apps = blankIfNull(apps);
        this.healthUrl = blankIfNull(healthUrl);
        this.settle = blankIfNull(settle);
        this.deadline = blankIfNull(deadline);
        this.logs = blankIfNull(logs);
    }

    static String blankIfNull(String s) {
        return s == null ? "" : s.trim();
    }
}
