package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.DiskLevel;
import xyz.twzrd.ops.core.host.Level;
import xyz.twzrd.ops.core.host.LoadLevel;
import xyz.twzrd.ops.core.host.Thresholds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Grades a host snapshot against thresholds: findings {@code swap}, {@code load}, {@code memory}, {@code disk:<mount>}. */
public final class HostPolicy {
    private HostPolicy() {
    }

    public static List<Finding> evaluate(HostSnapshot s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        out.add(swap(s, t.getSwap()));
        out.add(load(s, t.getLoad()));
        out.add(memory(s, t.getMemory()));
        out.addAll(disks(s, t.getDisk()));
        return out;
    }

    static Finding swap(HostSnapshot s, Level l) {
        if (s.swapTotalBytes() == null || s.swapUsedBytes() == null) {
            return Finding.unknown("swap", s.problems().getOrDefault("swap", "swap usage could not be read"));
        }
        if (s.swapTotalBytes() <= 0) {
            return new Finding("swap", Severity.OK, 0.0, "%", l.getAlert(), l.getEmergency(),
                    "no swap configured (0% used)");
        }
        double pct = 100.0 * s.swapUsedBytes() / s.swapTotalBytes();
        Severity sev = Finding.grade(pct, l.getAlert(), l.getEmergency());
        return new Finding("swap", sev, round(pct), "%", l.getAlert(), l.getEmergency(),
                String.format(Locale.ROOT, "swap %s used (%s of %s)%s", Numbers.percent(pct, 1),
                        Numbers.bytes(s.swapUsedBytes()), Numbers.bytes(s.swapTotalBytes()), against(sev, l, "%")))
                .withDetail("usedBytes", s.swapUsedBytes()).withDetail("totalBytes", s.swapTotalBytes());
    }

    static Finding load(HostSnapshot s, LoadLevel l) {
        Double raw = s.load(l.getWindow());
        if (raw == null) {
            return Finding.unknown("load", s.problems().getOrDefault("load", "load average could not be read"));
        }
        double v = raw;
        String what = String.format(Locale.ROOT, "load average (%d min) %s", l.getWindow(), Numbers.fixed(raw, 2));
        if (l.isPerCore()) {
            if (s.cpuCount() == null || s.cpuCount() <= 0) {
                return Finding.unknown("load", "per-core load needs the CPU count, which could not be read");
            }
            v = raw / s.cpuCount();
            what += String.format(Locale.ROOT, " = %s per CPU on %d CPUs", Numbers.fixed(v, 2), s.cpuCount());
        } else if (s.cpuCount() != null) {
            what += " on " + s.cpuCount() + " CPUs";
        }
        Severity sev = Finding.grade(v, l.getAlert(), l.getEmergency());
        Finding f = new Finding("load", sev, round(v), l.isPerCore() ? "load/cpu" : "load", l.getAlert(), l.getEmergency(),
                what + against(sev, l, ""))
                .withDetail("window", l.getWindow());
        if (s.load1() != null) {
            f = f.withDetail("load1", round(s.load1())).withDetail("load5", round(s.load5()))
                    .withDetail("load15", round(s.load15()));
        }
        return s.cpuCount() == null ? f : f.withDetail("cpus", s.cpuCount());
    }

    static Finding memory(HostSnapshot s, Level l) {
        if (s.memTotalBytes() == null || s.memAvailableBytes() == null || s.memTotalBytes() <= 0) {
            return Finding.unknown("memory", s.problems().getOrDefault("memory", "memory usage could not be read"));
        }
        long used = Math.max(0, s.memTotalBytes() - s.memAvailableBytes());
        double pct = 100.0 * used / s.memTotalBytes();
        Severity sev = Finding.grade(pct, l.getAlert(), l.getEmergency());
        return new Finding("memory", sev, round(pct), "%", l.getAlert(), l.getEmergency(),
                String.format(Locale.ROOT, "memory %s used (%s of %s, %s available)%s", Numbers.percent(pct, 1),
                        Numbers.bytes(used), Numbers.bytes(s.memTotalBytes()), Numbers.bytes(s.memAvailableBytes()),
                        against(sev, l, "%")))
                .withDetail("totalBytes", s.memTotalBytes()).withDetail("availableBytes", s.memAvailableBytes());
    }

    static List<Finding> disks(HostSnapshot s, DiskLevel l) {
        List<Finding> out = new ArrayList<>();
        if (s.problems().containsKey("disk")) {
            out.add(Finding.unknown("disk", s.problems().get("disk")));
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FsUsage fs : s.fileSystems()) {
            if (l.getExcludeTypes().contains(fs.type()) || l.getExcludeMounts().contains(fs.mount())
                    || fs.totalBytes() <= 0 || !seen.add(fs.mount())) {
                continue;
            }
            double pct = fs.usedPercent();
            Severity sev = Finding.grade(pct, l.getAlert(), l.getEmergency());
            out.add(new Finding("disk:" + fs.mount(), sev, round(pct), "%", l.getAlert(), l.getEmergency(),
                    String.format(Locale.ROOT, "%s (%s) %s used, %s free of %s%s", fs.mount(), fs.type(),
                            Numbers.percent(pct, 1), Numbers.bytes(fs.availBytes()), Numbers.bytes(fs.totalBytes()),
                            against(sev, l, "%"))));
        }
        if (out.isEmpty()) {
            out.add(Finding.unknown("disk", "no local file system found to check"));
        }
        return out;
    }

    private static String against(Severity sev, Level l, String unit) {
        return switch (sev) {
            case EMERGENCY -> " — above the emergency threshold " + Numbers.plain(l.getEmergency()) + unit;
            case ALERT -> " — above the alert threshold " + Numbers.plain(l.getAlert()) + unit;
            default -> "";
        };
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

}
