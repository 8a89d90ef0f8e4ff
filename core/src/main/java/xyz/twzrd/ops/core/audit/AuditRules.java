package xyz.twzrd.ops.core.audit;

import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tuning audit's rules, as pure functions of facts already read. Every finding says what was expected, what
 * was found and the exact command that fixes it (also in {@code details}: expected, found, fix). Nothing here
 * changes the host.
 */
public final class AuditRules {
    private AuditRules() {
    }

    static Finding finding(String id, Severity sev, Double value, String unit, String expected, String found, String fix) {
        String msg = "expected " + expected + "; found " + found + (fix == null ? "" : "; fix: " + fix);
        Finding f = new Finding(id, sev, value, unit, null, null, msg)
                .withDetail("expected", expected).withDetail("found", found);
        return fix == null ? f : f.withDetail("fix", fix);
    }

    /** {@code vm.swappiness} from {@code /proc/sys/vm/swappiness}. */
    public static Finding swappiness(String procText, int expected) {
        int actual;
        try {
            actual = Integer.parseInt(procText.strip());
        } catch (NumberFormatException e) {
            return Finding.unknown("swappiness", "vm.swappiness is not a number: '" + abbreviate(procText) + "'");
        }
        if (actual == expected) {
            return finding("swappiness", Severity.OK, (double) actual, "", "vm.swappiness=" + expected,
                    "vm.swappiness=" + actual, null);
        }
        String fix = "sudo sysctl -w vm.swappiness=" + expected + " && echo 'vm.swappiness=" + expected
                + "' | sudo tee /etc/sysctl.d/99-twzrd-swappiness.conf";
        return finding("swappiness", Severity.ALERT, (double) actual, "", "vm.swappiness=" + expected,
                "vm.swappiness=" + actual, fix);
    }

    /** Every service app has a memory limit, and all limits together fit the RAM share. */
    public static Finding memoryLimits(List<AppFacts> apps, long ramBytes, double maxPercentOfRam) {
        List<AppFacts> services = apps.stream().filter(a -> !a.module()).toList();
        if (services.isEmpty()) {
            return finding("memory-limits", Severity.OK, 0.0, "apps", "a max_memory_restart for every PM2 app",
                    "no PM2 apps", null);
        }
        // cluster-mode instances share the app name: each has its own limit, the name is listed once
        Set<String> missing = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        long sum = 0;
        for (AppFacts a : services) {
            names.add(a.name());
            if (a.maxMemoryRestartBytes() == null || a.maxMemoryRestartBytes() <= 0) {
                missing.add(a.name());
            } else {
                sum += a.maxMemoryRestartBytes();
            }
        }
        double pct = ramBytes > 0 ? 100.0 * sum / ramBytes : 0;
        String sumFound = String.format(Locale.ROOT, "limits sum to %s = %s of %s RAM", Numbers.bytes(sum),
                Numbers.percent(pct, 0), Numbers.bytes(ramBytes));
        String expected = "a max_memory_restart for every PM2 app, summing to at most "
                + Numbers.percent(maxPercentOfRam, 0) + " of RAM";
        boolean over = ramBytes > 0 && pct > maxPercentOfRam;
        if (!missing.isEmpty()) {
            String first = missing.iterator().next();
            return finding("memory-limits", Severity.ALERT, (double) missing.size(), "apps", expected,
                    missing.size() + " of " + names.size() + " apps without a memory limit: " + String.join(", ", missing)
                            + "; the others' " + sumFound,
                    "set max_memory_restart per app in ecosystem.config.js (e.g. max_memory_restart: '300M') and "
                            + "'pm2 reload ecosystem.config.js && pm2 save', or 'pm2 restart " + first
                            + " --max-memory-restart 300M && pm2 save'")
                    .withDetail("apps", List.copyOf(missing));
        }
        if (over) {
            return finding("memory-limits", Severity.ALERT, round(pct), "%", expected, sumFound,
                    "lower max_memory_restart of the largest apps in ecosystem.config.js, then "
                            + "'pm2 reload ecosystem.config.js && pm2 save'");
        }
        return finding("memory-limits", Severity.OK, round(pct), "%", expected, sumFound, null);
    }

    /**
     * PM2 logs are rotated by the pm2-logrotate module or covered by logrotate rules; the product's own logs are
     * covered by a logrotate rule.
     */
    public static Finding logRotation(List<AppFacts> apps, LogrotateRules rules, List<String> ownLogs) {
        boolean pm2Logrotate = apps.stream().anyMatch(a -> a.name().equals("pm2-logrotate"));
        List<String> uncovered = new ArrayList<>();
        if (!pm2Logrotate) {
            for (AppFacts a : apps) {
                for (String p : a.logPaths()) {
                    if (rules.covering(p).isEmpty()) {
                        uncovered.add(p);
                    }
                }
            }
        }
        List<String> ownUncovered = ownLogs.stream().filter(p -> rules.covering(p).isEmpty()).toList();
        String pm2Found = pm2Logrotate ? "pm2-logrotate module installed"
                : uncovered.isEmpty() ? "every PM2 log covered by a logrotate rule"
                : uncovered.size() + " PM2 log files without rotation: " + String.join(", ", uncovered);
        String ownFound = ownUncovered.isEmpty() ? "own logs covered" : "no logrotate rule for " + String.join(", ", ownUncovered);
        String expected = "PM2 logs rotated (pm2-logrotate or a logrotate rule) and a logrotate rule for " + String.join(", ", ownLogs);
        List<String> fixes = new ArrayList<>();
        if (!uncovered.isEmpty()) {
            fixes.add("pm2 install pm2-logrotate");
        }
        if (!ownUncovered.isEmpty()) {
            fixes.add("./twzrd-ops schedule --install (writes /etc/logrotate.d/twzrd-ops)");
        }
        Severity sev = fixes.isEmpty() ? Severity.OK : Severity.ALERT;
        Finding f = finding("log-rotation", sev, (double) (uncovered.size() + ownUncovered.size()), "files", expected,
                pm2Found + "; " + ownFound, fixes.isEmpty() ? null : String.join(" and ", fixes));
        return uncovered.isEmpty() ? f : f.withDetail("uncovered", uncovered);
    }

    /**
     * Pending updates from {@code apt-get -s upgrade} output ({@code Inst} lines; security ones come from a
     * {@code -security} archive) and whether {@code /var/run/reboot-required} exists.
     */
    public static Finding updates(String aptSimulation, boolean rebootRequired) {
        int all = 0;
        int security = 0;
        for (String line : aptSimulation.split("\n")) {
            if (line.startsWith("Inst ")) {
                all++;
                if (line.contains("-security")) {
                    security++;
                }
            }
        }
        String found = all + " pending updates (" + security + " security)" + (rebootRequired ? ", reboot required" : "");
        Severity sev = security > 0 || rebootRequired ? Severity.ALERT : Severity.OK;
        String fix = sev == Severity.OK ? null
                : "in the Wednesday 02:00 UTC window: sudo apt-get update && sudo apt-get upgrade -y"
                + (rebootRequired ? " && sudo reboot" : "");
        return finding("updates", sev, (double) all, "packages", "no pending security updates and no pending reboot",
                found, fix).withDetail("security", security).withDetail("rebootRequired", rebootRequired);
    }

    /** Environment variable names per app for review; names that look like secrets in plain config alert. */
    public static Finding envReview(List<AppFacts> apps, Pattern secretNames) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, List<String>> suspicious = new LinkedHashMap<>();
        for (AppFacts a : apps) {
            if (a.module()) {
                continue;
            }
            names.put(a.name(), a.envNames());
            List<String> s = a.envNames().stream().filter(n -> secretNames.matcher(n).matches()).toList();
            if (!s.isEmpty()) {
                suspicious.put(a.name(), s);
            }
        }
        int total = names.values().stream().mapToInt(List::size).sum();
        Finding f;
        if (suspicious.isEmpty()) {
            f = finding("env-review", Severity.OK, 0.0, "names", "no secret-looking variables in plain PM2 config",
                    total + " variable names in " + names.size() + " apps, none looks like a secret", null);
        } else {
            List<String> parts = new ArrayList<>();
            suspicious.forEach((app, s) -> parts.add(app + ": " + String.join(", ", s)));
            int count = suspicious.values().stream().mapToInt(List::size).sum();
            f = finding("env-review", Severity.ALERT, (double) count, "names",
                    "no secret-looking variables in plain PM2 config",
                    count + " secret-looking variable names (" + String.join("; ", parts) + ")",
                    "move them out of ecosystem.config.js into an env file readable only by the service user "
                            + "(chmod 600), load it at start, then 'pm2 reload ecosystem.config.js --update-env && pm2 save'")
                    .withDetail("secretLooking", suspicious);
        }
        return f.withDetail("names", names);
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
