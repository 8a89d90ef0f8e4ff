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
 */
public final class ProcHostProbe implements HostProbe {
    private final CommandRunner runner;
    private final Duration timeout;

    /**
     * @param runner  where the commands run
     * @param timeout how long each command may take
     */
    public ProcHostProbe(CommandRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public HostSnapshot snapshot() {
        Map<String, String> problems = new LinkedHashMap<>();
        ProcParsers.MemInfo mem = read(problems, List.of("memory", "swap"), ProcParsers::meminfo, "cat", "/proc/meminfo");
        ProcParsers.LoadAvg load = read(problems, List.of("load"), ProcParsers::loadavg, "cat", "/proc/loadavg");
        Integer cpus = read(problems, List.of("load"), ProcParsers::nproc, "nproc");
        Long uptime = read(new LinkedHashMap<>(), List.of("uptime"), ProcParsers::uptime, "cat", "/proc/uptime");
        List<FsUsage> fs = read(problems, List.of("disk"), ProcParsers::df, "df", "-P", "-T", "-k");
        return new HostSnapshot(runner.hostName(),
                mem == null ? null : mem.totalBytes(), mem == null ? null : mem.availableBytes(),
                mem == null ? null : mem.swapTotalBytes(), mem == null ? null : mem.swapUsedBytes(),
                load == null ? null : load.load1(), load == null ? null : load.load5(),
                load == null ? null : load.load15(), cpus, uptime, fs, problems);
    }

    /** Runs one command and parses its output; on failure records the reason under each affected finding id. */
    private <T> T read(Map<String, String> problems, List<String> ids, Function<String, T> parser, String... argv) {
        Command cmd = Command.of(argv).withTimeout(timeout).withMaxOutput(1024 * 1024);
        String reason;
        try {
            CommandResult r = runner.run(cmd);
            if (r.ok()) {
                return parser.apply(r.stdout());
            }
            reason = "'" + cmd + "' exited " + r.exitCode() + ": " + r.firstErrorLine();
        } catch (CommandException e) {
            reason = "'" + cmd + "' failed: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            reason = "unexpected output of '" + cmd + "': " + e.getMessage();
        }
        for (String id : ids) {
            problems.putIfAbsent(id, reason + " (on " + runner.hostName() + ")");
        }
        return null;
    }
}
