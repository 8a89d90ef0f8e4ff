package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Host metrics from the host's own files and tools, through any {@link CommandRunner}: {@code cat /proc/meminfo},
 * {@code cat /proc/loadavg}, {@code nproc}, {@code cat /proc/uptime}, {@code df -P -T -k}. Works on any Linux host
 * with coreutils (or busybox) and nothing else installed. A metric whose command fails or prints something
 * unexpected is left null with the reason, so it grades UNKNOWN.
 *
 * <p>All five run in one command (one {@code sh -c} of a fixed script, never built from input): over SSH that is
 * one exec channel and one remote shell per snapshot instead of five. Each part's output is framed by marker lines
 * with its exit status and first error line, so every metric still fails or parses on its own and its message
 * names its own command. On this machine ({@link CommandRunner#isLocal()}) {@code df} gets {@code -l}: local file
 * systems only, as the OSHI probe lists them.
 */
public final class ProcHostProbe implements HostProbe {
    static final String BEGIN = "@@twzrd-facts-begin";
    static final String END = "@@twzrd-facts-end ";

    /** The parts of the facts command, in output order. */
    private static final List<String> PARTS = List.of("cat /proc/meminfo", "cat /proc/loadavg", "nproc",
            "cat /proc/uptime", "df -P -T -k");

    private final CommandRunner runner;
    private final Duration timeout;

    /**
     * @param runner  where the commands run
     * @param timeout how long the facts command may take
     */
    public ProcHostProbe(CommandRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    /**
     * The fixed script: per part, a begin line, the part's stdout, then {@code \n@@twzrd-facts-end RC FIRST-ERROR-LINE}
     * (stdout goes straight through fd 3, stderr is captured for its first line).
     */
    static String script(boolean local) {
        StringBuilder b = new StringBuilder("exec 3>&1; ");
        for (String part : PARTS) {
            String cmd = part.startsWith("df") && local ? part + " -l" : part;
            b.append("printf '%s\\n' '").append(BEGIN).append("'; e=$(").append(cmd).append(" 2>&1 >&3); r=$?; ")
                    .append("printf '\\n%s%s %s\\n' '").append(END).append("' \"$r\" \"$(printf '%s' \"$e\" | head -n 1)\"; ");
        }
        return b.toString();
    }

    @Override
    public HostSnapshot snapshot() {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Part> parts = facts(problems);
        ProcParsers.MemInfo mem = read(parts, problems, List.of("memory", "swap"), ProcParsers::meminfo, "cat /proc/meminfo");
        ProcParsers.LoadAvg load = read(parts, problems, List.of("load"), ProcParsers::loadavg, "cat /proc/loadavg");
        Integer cpus = read(parts, problems, List.of("load"), ProcParsers::nproc, "nproc");
        Long uptime = read(parts, new LinkedHashMap<>(), List.of("uptime"), ProcParsers::uptime, "cat /proc/uptime");
        List<FsUsage> fs = read(parts, problems, List.of("disk"), ProcParsers::df, "df -P -T -k");
        return new HostSnapshot(runner.hostName(),
                mem == null ? null : mem.totalBytes(), mem == null ? null : mem.availableBytes(),
                mem == null ? null : mem.swapTotalBytes(), mem == null ? null : mem.swapUsedBytes(),
                load == null ? null : load.load1(), load == null ? null : load.load5(),
                load == null ? null : load.load15(), cpus, uptime, fs, problems);
    }

    /** One part's outcome: its stdout when it exited 0, else the reason it failed. */
    private record Part(String stdout, String failure) {
    }

    /**
     * Runs the facts command once and splits its output into parts; when the command itself fails, every part
     * fails with that reason. Output without the frame lines (not the script's) goes whole to every parser.
     */
    private Map<String, Part> facts(Map<String, String> problems) {
        Command cmd = Command.of("sh", "-c", script(runner.isLocal())).withTimeout(timeout).withMaxOutput(4 * 1024 * 1024);
        Map<String, Part> out = new LinkedHashMap<>();
        String failure;
        try {
            CommandResult r = runner.run(cmd);
            String text = r.stdout();
            if (!text.contains(BEGIN)) {
                for (String p : PARTS) {
                    out.put(p, r.ok() ? new Part(text, null) : new Part(null, "'" + p + "' exited " + r.exitCode() + ": " + r.firstErrorLine()));
                }
                return out;
            }
            split(text, out);
            return out;
        } catch (CommandException e) {
            failure = e.getMessage();
        }
        for (String p : PARTS) {
            out.put(p, new Part(null, "'" + p + "' failed: " + failure));
        }
        return out;
    }

    private static void split(String text, Map<String, Part> out) {
        int pos = 0;
        for (String p : PARTS) {
            int b = text.indexOf(BEGIN + "\n", pos);
            int e = b < 0 ? -1 : text.indexOf("\n" + END, b);
            if (e < 0) {
                out.put(p, new Part(null, "'" + p + "' printed no complete answer (output cut short)"));
                continue;
            }
            String stdout = text.substring(b + BEGIN.length() + 1, e);
            int lineEnd = text.indexOf('\n', e + 1 + END.length());
            String status = text.substring(e + 1 + END.length(), lineEnd < 0 ? text.length() : lineEnd);
            pos = lineEnd < 0 ? text.length() : lineEnd;
            int sp = status.indexOf(' ');
            String rc = sp < 0 ? status : status.substring(0, sp);
            String err = sp < 0 ? "" : status.substring(sp + 1).strip();
            if (rc.equals("0")) {
                out.put(p, new Part(stdout, null));
            } else {
                String first = err.isEmpty() ? stdout.strip().lines().findFirst().orElse("") : err;
                out.put(p, new Part(null, "'" + p + "' exited " + rc + ": " + (first.length() > 300 ? first.substring(0, 300) + "..." : first)));
            }
        }
    }

    /** Parses one part's output; on failure records the reason under each affected finding id. */
    private <T> T read(Map<String, Part> parts, Map<String, String> problems, List<String> ids, Function<String, T> parser,
            String part) {
        Part p = parts.get(part);
        String reason = p.failure();
        if (reason == null) {
            try {
                return parser.apply(p.stdout());
            } catch (IllegalArgumentException e) {
                reason = "unexpected output of '" + part + "': " + e.getMessage();
            }
        }
        for (String id : ids) {
            problems.putIfAbsent(id, reason + " (on " + runner.hostName() + ")");
        }
        return null;
    }
}
