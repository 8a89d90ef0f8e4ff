package xyz.twzrd.ops.core.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the output of a Linux host's own files and tools ({@code /proc/meminfo}, {@code /proc/loadavg},
 * {@code /proc/uptime}, {@code nproc}, {@code df -P -T -k}). Malformed input throws
 * {@link IllegalArgumentException} naming the source and what was wrong.
 */
public final class ProcParsers {
    private static final Pattern MEMINFO_LINE = Pattern.compile("^([A-Za-z0-9_()]+):\\s+(\\d+)(?:\\s+(kB))?\\s*$");
    private static final Pattern BLOCKS = Pattern.compile("(\\d+)-blocks");

    private ProcParsers() {
    }

    /** Memory figures of {@code /proc/meminfo}. */
    public record MemInfo(long totalBytes, long availableBytes, long swapTotalBytes, long swapFreeBytes) {
        public long swapUsedBytes() {
            return Math.max(0, swapTotalBytes - swapFreeBytes);
        }
    }

    /** The three load averages of {@code /proc/loadavg}. */
    public record LoadAvg(double load1, double load5, double load15) {
    }

    /** {@code /proc/meminfo}: MemTotal, MemAvailable, SwapTotal, SwapFree, in bytes. */
    public static MemInfo meminfo(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = MEMINFO_LINE.matcher(line.strip());
            if (m.matches()) {
                long v = Long.parseLong(m.group(2));
                values.put(m.group(1), m.group(3) == null ? v : v * 1024);
            }
        }
        return new MemInfo(field(values, "MemTotal"), field(values, "MemAvailable"),
                field(values, "SwapTotal"), field(values, "SwapFree"));
    }

    private static long field(Map<String, Long> values, String key) {
        Long v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("/proc/meminfo has no " + key + " line");
        }
        return v;
    }

    /** {@code /proc/loadavg}: {@code 0.52 0.58 0.59 1/467 12345}. */
    public static LoadAvg loadavg(String text) {
        String[] f = text.strip().split("\\s+");
        if (f.length < 3) {
            throw new IllegalArgumentException("/proc/loadavg: expected three load averages, got " + quoteShort(text));
        }
        return new LoadAvg(number("/proc/loadavg", f[0]), number("/proc/loadavg", f[1]), number("/proc/loadavg", f[2]));
    }

    /** {@code nproc}: one positive integer. */
    public static int nproc(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("nproc: expected a positive CPU count, got " + quoteShort(text));
    }

    /** {@code /proc/uptime}: seconds since boot (first field), whole seconds. */
    public static long uptime(String text) {
        String[] f = text.strip().split("\\s+");
        return (long) number("/proc/uptime", f[0]);
    }

    /**
     * {@code df -P -T -k}: one line per file system, {@code Filesystem Type N-blocks Used Available Capacity Mounted on}.
     * The block size is read from the header, so {@code 512-blocks} (POSIXLY_CORRECT) is read right too.
     * Mount points with spaces are kept whole.
     */
    public static List<FsUsage> df(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("df: no output");
        }
        Matcher b = BLOCKS.matcher(lines.get(0));
        if (!lines.get(0).startsWith("Filesystem") || !b.find()) {
            throw new IllegalArgumentException("df: expected a 'Filesystem Type N-blocks ...' header, got "
                    + quoteShort(lines.get(0)));
        }
        long block = Long.parseLong(b.group(1));
        List<FsUsage> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().split("\\s+", 7);
            if (f.length < 7 || !f[5].endsWith("%")) {
                throw new IllegalArgumentException("df: unexpected line " + quoteShort(line));
            }
            out.add(new FsUsage(f[6], f[1], block * integer("df", f[2]), block * integer("df", f[3]),
                    block * integer("df", f[4])));
        }
        return out;
    }

    private static double number(String source, String s) {
        try {
            double v = Double.parseDouble(s);
            if (v >= 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": not a number: " + quoteShort(s));
    }

    private static long integer(String source, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": not a whole number: " + quoteShort(s), e);
        }
    }

    private static String quoteShort(String s) {
        String t = s.strip();
        return String.format(Locale.ROOT, "'%s'", t.length() > 80 ? t.substring(0, 80) + "..." : t);
    }
}
