package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.Numbers;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host's busiest processes at one moment, for the report's context when load, memory or swap is not OK: the
 * top {@value #TOP} by CPU and by resident memory. Only the process name ({@code ps -o comm}: the kernel's short
 * name, never the command line or the environment) and, for PM2 apps, the app name are kept.
 *
 * @param byCpu    most CPU first
 * @param byMemory most resident memory first
 * @param error    why the processes could not be listed, or null
 */
public record TopProcesses(List<Proc> byCpu, List<Proc> byMemory, String error) {
    /** The section name in a result. */
    public static final String SECTION = "topProcesses";
    /** Processes kept per list. */
    public static final int TOP = 5;

    /**
     * One process.
     *
     * @param pid        process id
     * @param name       the kernel's process name (at most 15 characters), never its arguments
     * @param pm2App     the PM2 app this process is, or null
     * @param cpuPercent CPU % as {@code ps} reports it (CPU time over the process's lifetime)
     * @param rssBytes   resident memory
     */
    public record Proc(int pid, String name, String pm2App, double cpuPercent, long rssBytes) {
        /** The name, with the PM2 app in brackets when it is one: {@code node [web]}. */
        public String label() {
            return pm2App == null ? name : name + " [" + pm2App + "]";
        }
    }

    public TopProcesses {
        byCpu = List.copyOf(byCpu);
        byMemory = List.copyOf(byMemory);
    }

    /** Lists the processes with {@code ps} through the runner (this machine or SSH); PM2 apps named by pid. */
    public static TopProcesses read(CommandRunner runner, Map<Integer, String> pm2AppsByPid) {
        try {
            CommandResult r = runner.run(Command.of("ps", "-e", "-o", "pid=,pcpu=,rss=,comm="));
            if (!r.ok()) {
                return new TopProcesses(List.of(), List.of(), "ps failed: " + r.firstErrorLine());
            }
            return of(parse(r.stdout(), pm2AppsByPid));
        } catch (CommandException e) {
            return new TopProcesses(List.of(), List.of(), "ps could not run: " + e.getMessage());
        }
    }

    /** The top lists of the given processes. */
    public static TopProcesses of(List<Proc> all) {
        List<Proc> cpu = all.stream().sorted(Comparator.comparingDouble(Proc::cpuPercent).reversed()
                .thenComparingInt(Proc::pid)).limit(TOP).toList();
        List<Proc> mem = all.stream().sorted(Comparator.comparingLong(Proc::rssBytes).reversed()
                .thenComparingInt(Proc::pid)).limit(TOP).toList();
        return new TopProcesses(cpu, mem, null);
    }

    /** Parses {@code ps -o pid=,pcpu=,rss=,comm=} lines (rss in KiB); a line that does not parse is skipped. */
    static List<Proc> parse(String text, Map<Integer, String> pm2AppsByPid) {
        List<Proc> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+", 4);
            if (f.length < 4) {
                continue;
            }
            try {
                int pid = Integer.parseInt(f[0]);
                double cpu = Double.parseDouble(f[1].replace(',', '.'));
                long rss = Long.parseLong(f[2]) * 1024;
                out.add(new Proc(pid, name(f[3]), pm2AppsByPid.get(pid), cpu, rss));
            } catch (NumberFormatException e) {
                // a header or a garbled line
            }
        }
        return out;
    }

    /** The process name made printable and short (comm is at most 15 bytes on Linux). */
    private static String name(String comm) {
        String s = comm.strip().replaceAll("\\p{Cntrl}", "?");
        return s.length() > 32 ? s.substring(0, 32) : s;
    }

    /** One line per list, e.g. {@code by CPU: node (web) 41.0 %, java 12.5 %}. */
    public List<String> lines() {
        if (error != null) {
            return List.of("top processes could not be listed: " + error);
        }
        return List.of("by CPU: " + join(byCpu, p -> String.format(Locale.ROOT, "%.1f %%", p.cpuPercent())),
                "by memory: " + join(byMemory, p -> Numbers.bytes(p.rssBytes())));
    }

    private static String join(List<Proc> ps, java.util.function.Function<Proc, String> what) {
        StringBuilder b = new StringBuilder();
        for (Proc p : ps) {
            b.append(b.length() == 0 ? "" : ", ").append(p.label()).append(' ').append(what.apply(p));
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
