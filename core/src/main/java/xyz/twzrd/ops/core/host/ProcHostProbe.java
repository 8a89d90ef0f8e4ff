package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.exec.FramedScript;

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
 * <p>All five run in one command (one {@code sh -c} of a fixed script, never built from input, {@link FramedScript}):
 * over SSH that is one exec channel and one remote shell per snapshot instead of five; the alerts job runs these
 * parts and PM2's in one script ({@link #parts()}, {@link #snapshot(Map)}). Each part's output is framed by marker
 * lines with its exit status and first error line, so every metric still fails or parses on its own and its
 * message names its own command. On this machine ({@link CommandRunner#isLocal()}) {@code df} gets {@code -l}: local file
 * systems only, as the OSHI probe lists them.
 */
public final class ProcHostProbe implements HostProbe {
    /** The parts of the facts command, in output order. */
    private static final List<String> PARTS = List.of("cat /proc/meminfo", "cat /proc/loadavg", "nproc",
            "cat /proc/uptime", "df -P -T -k");
    private static final long MAX_OUTPUT = 4L * 1024 * 1024;

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
     * The facts as parts of a {@link FramedScript} (fixed text, nothing from input), named by their commands; a
     * caller may run them in one script with parts of its own and hand the outcomes to {@link #snapshot(Map)}. There,
     * {@code df} is killed after the probe's timeout, so that a hung {@code df} fails alone.
     */
    public List<FramedScript.Part> parts() {
        return parts(runner.isLocal(), timeout);
    }

    /**
     * @param dfTimeout how long {@code df} may run (the part that hangs on a dead network mount; the {@code /proc}
     *                  reads and {@code nproc} cannot), null: the whole command's timeout only
     */
    static List<FramedScript.Part> parts(boolean local, Duration dfTimeout) {
        return PARTS.stream().map(p -> p.startsWith("df") ? FramedScript.Part.of(p, local ? p + " -l" : p, dfTimeout)
                : FramedScript.Part.of(p, p)).toList();
    }

    /** How long the facts command may take. */
    public Duration timeout() {
        return timeout;
    }

    /** How much output the facts may print. */
    public static long maxOutput() {
        return MAX_OUTPUT;
    }

    @Override
    public HostSnapshot snapshot() {
        return snapshot(new FramedScript("", parts(runner.isLocal(), null)).run(runner, timeout, MAX_OUTPUT));
    }

    /** The snapshot from the outcomes of {@link #parts()} (run by the caller, possibly with other parts). */
    public HostSnapshot snapshot(Map<String, FramedScript.Outcome> parts) {
        Map<String, String> problems = new LinkedHashMap<>();
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

    /** Parses one part's output; on failure records the reason under each affected finding id. */
    private <T> T read(Map<String, FramedScript.Outcome> parts, Map<String, String> problems, List<String> ids,
            Function<String, T> parser, String part) {
        FramedScript.Outcome p = parts.get(part);
        String reason;
        if (p == null) {
            reason = "'" + part + "' was not run";
        } else if (p.failure() != null) {
            reason = p.failure();
        } else if (!p.ok()) {
            String first = p.error().isEmpty() ? p.stdout().strip().lines().findFirst().orElse("") : p.error();
            reason = "'" + part + "' exited " + p.exitCode() + ": " + (first.length() > 300 ? first.substring(0, 300) + "..." : first);
        } else {
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
