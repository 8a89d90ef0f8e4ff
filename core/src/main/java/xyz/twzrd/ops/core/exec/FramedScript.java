package xyz.twzrd.ops.core.exec;

import xyz.twzrd.ops.core.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Several commands as ONE {@code sh -c} script whose output frames each part: a begin line, the part's stdout, then
 * a line {@code \n<end marker> RC FIRST-ERROR-LINE}. Over SSH that is one exec channel and one remote shell for all
 * parts, while each part still fails or parses on its own ({@link #parse}). The markers carry a random nonce per
 * script, so nothing a part prints (a log line, a process list) can forge a frame.
 *
 * <p>Every script defines {@code twzrd_run SECONDS CMD...} ({@link #RUN_FUNCTION}) for parts that bound a command
 * of theirs. The script text comes from the callers' fixed parts; anything from input in it must be quoted with
 * {@link ShellQuote} by the part that adds it.
 */
public final class FramedScript {
    /**
     * One part.
     *
     * @param name   what messages call it (its command, e.g. {@code cat /proc/meminfo}, {@code pm2 jlist})
     * @param shell  the shell text that runs it
     * @param inline  whether it runs in the script's own shell (so variables it sets are seen by later parts; its
     *                stderr is not captured) instead of in a subshell whose first error line is captured
     * @param timeout how long it may run before the script kills it ({@code kill -9}, then the part fails saying
     *                so and the next part runs); null: no limit of its own. Only for a part whose shell text is a
     *                simple command (words, no operators), since it is run as {@code twzrd_run SECONDS WORDS...}
     */
    public record Part(String name, String shell, boolean inline, Duration timeout) {
        public Part {
            if (timeout != null && inline) {
                throw new IllegalArgumentException("an inline part has no timeout of its own: " + name);
            }
        }

        /** A part run in a subshell, its stdout passed through and its first error line captured. */
        public static Part of(String name, String shell) {
            return new Part(name, shell, false, null);
        }

        /** The same, killed after {@code timeout}. */
        public static Part of(String name, String shell, Duration timeout) {
            return new Part(name, shell, false, timeout);
        }
    }

    /**
     * {@code twzrd_run SECONDS CMD...}: runs CMD in the background, in a process group of its own ({@code setsid};
     * without it only CMD itself is killed), with a watcher that kills that group after SECONDS (so a child holding
     * the output open dies too), and returns CMD's status (137 when killed). The watcher holds no output open, and
     * when CMD ends first it is told to stop (TERM), ends its {@code sleep} and kills nothing: a pid is never
     * signalled after it ended.
     */
    static final String RUN_FUNCTION = "twzrd_run() { t=$1; shift; "
            + "if command -v setsid >/dev/null 2>&1; then setsid \"$@\" & else \"$@\" & fi; p=$!; "
            + "( trap 'kill \"$q\" 2>/dev/null; exit 0' TERM; sleep \"$t\" & q=$!; "
            + "wait \"$q\" && { kill -9 -\"$p\" 2>/dev/null || kill -9 \"$p\"; } ) "
            + "</dev/null >/dev/null 2>&1 3>&- & w=$!; "
            + "wait \"$p\"; s=$?; kill \"$w\" 2>/dev/null; wait \"$w\" 2>/dev/null; return \"$s\"; }";
    /** Exit status of a part killed by {@link #RUN_FUNCTION}. */
    public static final int KILLED = 137;

    /**
     * One part's outcome.
     *
     * @param stdout    what it printed (empty when it did not complete)
     * @param exitCode  its exit status, null when its frame did not complete or the whole command failed
     * @param error     its first error line (stderr), else empty; never its stdout
     * @param failure   why it has no outcome at all (the command failed, the output was cut short), else null
     */
    public record Outcome(String stdout, Integer exitCode, String error, String failure) {
        public boolean ok() {
            return failure == null && exitCode != null && exitCode == 0;
        }

        /** Without the output (it may be {@code pm2 jlist}'s, with whole process environments). */
        @Override
        public String toString() {
            return "Outcome[" + stdout.length() + " characters, exit " + exitCode + ", error=" + error
                    + ", failure=" + failure + "]";
        }
    }

    private final String prelude;
    private final List<Part> parts;
    private final String begin;
    private final String end;

    /**
     * @param prelude shell text run first (function definitions), may be empty
     * @param parts   the parts, in output order; names must differ
     */
    public FramedScript(String prelude, List<Part> parts) {
        this(prelude, parts, Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
    }

    /** With a fixed nonce (hex), e.g. to parse captured output. */
    public FramedScript(String prelude, List<Part> parts, String nonce) {
        if (!nonce.matches("[0-9a-f]{8,32}")) {
            throw new IllegalArgumentException("a nonce is 8 to 32 lowercase hex digits, not '" + nonce + "'");
        }
        this.prelude = prelude == null ? "" : prelude;
        this.parts = List.copyOf(parts);
        this.begin = "@@twzrd-" + nonce + "-begin";
        this.end = "@@twzrd-" + nonce + "-end ";
        if (parts.stream().map(Part::name).distinct().count() != parts.size()) {
            throw new IllegalArgumentException("part names must differ: " + parts);
        }
    }

    public List<Part> parts() {
        return parts;
    }

    /**
     * The script: {@code exec 3>&1}, a newline in {@code $nl}, {@code twzrd_run}, the prelude, then per part a begin line, the part (its stdout straight through
     * fd 3, its stderr captured for the first line unless inline) and the end line with its exit status.
     */
    public String script() {
        // the first error line by parameter expansion (${e%%"$nl"*}), not a pipe to head: no process per part
        StringBuilder b = new StringBuilder("exec 3>&1; nl='\n'; ");
        b.append(RUN_FUNCTION).append('\n');
        if (!prelude.isEmpty()) {
            b.append(prelude).append('\n');
        }
        for (Part p : parts) {
            b.append("printf '%s\\n' '").append(begin).append("'; ");
            if (p.inline()) {
                b.append(p.shell()).append("\nr=$?; e=; ");
            } else {
                String cmd = p.timeout() == null ? p.shell() : "twzrd_run " + seconds(p.timeout()) + " " + p.shell();
                b.append("e=$(").append(cmd).append(" 2>&1 >&3); r=$?; ");
            }
            b.append("printf '\\n%s%s %s\\n' '").append(end).append("' \"$r\" \"${e%%\"$nl\"*}\"; ");
        }
        return b.toString();
    }

    /**
     * The script as a command: {@code /bin/sh -c SCRIPT} (by its path, so that a PATH without the usual tools still
     * runs the script and each part fails on its own, naming its missing program).
     */
    public Command command(Duration timeout, long maxOutput) {
        return Command.of("/bin/sh", "-c", script()).withTimeout(timeout).withMaxOutput(maxOutput);
    }

    /**
     * Runs the script once and splits its output; when the command itself fails (cannot start, times out, the
     * connection is lost), every part fails with that reason.
     */
    public Map<String, Outcome> run(CommandRunner runner, Duration timeout, long maxOutput) {
        try {
            return parse(runner.run(command(timeout, maxOutput)));
        } catch (CommandException e) {
            return failed(e.getMessage());
        }
    }

    /** Every part failed for the same reason. */
    public Map<String, Outcome> failed(String reason) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (Part p : parts) {
            out.put(p.name(), new Outcome("", null, "", "'" + p.name() + "' failed: " + reason));
        }
        return out;
    }

    /**
     * The parts' outcomes from the script's output, by part name in script order. Output without any frame (not
     * the script's: a host whose shell prints something else) goes whole to every part with the command's exit
     * status; a part whose frame is not complete failed ("output cut short").
     */
    public Map<String, Outcome> parse(CommandResult r) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        String text = r.stdout();
        if (!text.contains(begin + "\n")) {
            for (Part p : parts) {
                out.put(p.name(), new Outcome(text, r.exitCode(), firstLine(r.stderr()), null));
            }
            return out;
        }
        int pos = 0;
        for (Part p : parts) {
            int b = text.indexOf(begin + "\n", pos);
            int e = b < 0 ? -1 : text.indexOf("\n" + end, b);
            if (e < 0) {
                out.put(p.name(), new Outcome("", null, "", "'" + p.name() + "' printed no complete answer (output cut short"
                        + (r.truncated() ? " at the output limit" : "") + ")"));
                continue;
            }
            String stdout = text.substring(b + begin.length() + 1, e);
            int lineEnd = text.indexOf('\n', e + 1 + end.length());
            String status = text.substring(e + 1 + end.length(), lineEnd < 0 ? text.length() : lineEnd);
            pos = lineEnd < 0 ? text.length() : lineEnd;
            int sp = status.indexOf(' ');
            String rc = sp < 0 ? status : status.substring(0, sp);
            String err = sp < 0 ? "" : status.substring(sp + 1).strip();
            Integer code;
            try {
                code = Integer.valueOf(rc.strip());
            } catch (NumberFormatException ex) {
                out.put(p.name(), new Outcome("", null, "", "'" + p.name() + "' ended with an unreadable status '"
                        + clip(rc) + "'"));
                continue;
            }
            if (p.timeout() != null && code == KILLED) {
                out.put(p.name(), new Outcome("", code, "", "'" + p.name() + "' did not finish within "
                        + Durations.format(p.timeout()) + " (killed)"));
                continue;
            }
            out.put(p.name(), new Outcome(stdout, code, clip(err), null));
        }
        return out;
    }

    /** Seconds for {@code sleep}, at least a millisecond. */
    public static String seconds(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return String.format(java.util.Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    }

    private static String firstLine(String s) {
        return clip(s.strip().lines().findFirst().orElse(""));
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
