package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.exec.FramedScript;
import xyz.twzrd.ops.core.exec.ShellQuote;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to PM2 on a target through its {@link CommandRunner}: argument lists only, never a shell, so it works
 * the same on this machine and over SSH. A given PM2_HOME is passed as {@code env PM2_HOME=DIR pm2 ...}.
 */
public final class Pm2Client implements Pm2Facts {
    /** Exit status of a program that was not found (by {@code env} or a remote shell). */
    private static final int NOT_FOUND = 127;
    private static final long LIST_OUTPUT_LIMIT = 64L * 1024 * 1024;

    private final CommandRunner runner;
    private final Pm2Settings settings;

    public Pm2Client(CommandRunner runner, Pm2Settings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /**
     * Looks for the daemon without calling pm2 (any pm2 command starts a daemon when none runs): one fixed
     * {@code sh} script, the PM2_HOME and the program passed as arguments, never as script text. On a target
     * without {@code /proc} the pid is probed with {@code kill -0}.
     */
    @Override
    public Pm2Daemon daemon() throws Pm2Exception {
        CommandResult r = run(Command.of("/bin/sh", "-c", DAEMON_SCRIPT, "sh", homeArg(), settings.pm2())
                .withTimeout(settings.timeout()).withMaxOutput(64 * 1024), DAEMON_CHECK);
        return parseDaemon(r.stdout(), r.exitCode(), r.firstErrorLine());
    }

    private String homeArg() {
        return settings.pm2Home() == null ? "" : settings.pm2Home().toString();
    }

    /** The daemon check's {@code home=}, {@code program=}, {@code sock=}, {@code pid=} lines. */
    static Pm2Daemon parseDaemon(String stdout, int exitCode, String firstErrorLine) throws Pm2Exception {
        String found = null;
        String pid = null;
        boolean program = false;
        boolean sock = false;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("home=")) {
                found = line.substring(5);
            } else if (line.equals("program=found")) {
                program = true;
            } else if (line.equals("sock=yes")) {
                sock = true;
            } else if (line.startsWith("pid=")) {
                pid = line.substring(4);
            }
        }
        if (found == null || pid == null) {
            throw new Pm2Exception("the PM2 daemon check failed (exit " + exitCode + "): " + firstErrorLine);
        }
        Long number = null;
        boolean alive = false;
        boolean pidFile = !pid.equals("none");
        if (pidFile) {
            String digits = pid.substring(pid.indexOf(':') + 1);
            number = digits.isEmpty() || digits.length() > 18 ? null : Long.parseLong(digits);
            alive = number != null && pid.startsWith("alive:");
        }
        return new Pm2Daemon(found, program, pidFile, number, alive, sock);
    }

    private static final String DAEMON_CHECK = "sh (PM2 daemon check)";

    /**
     * {@code $1}: PM2_HOME or empty, {@code $2}: the pm2 program. Prints home=, program=, sock=, pid= lines. Shell
     * built-ins only (no {@code head}, {@code cat}), so that a PATH without the usual tools still gets an answer.
     */
    private static final String DAEMON_SCRIPT = String.join("\n",
            "h=$1; f=; s=; a=",
            "if [ -z \"$h\" ]; then h=${PM2_HOME:-$HOME/.pm2}; fi",
            "printf 'home=%s\\n' \"$h\"",
            "if command -v \"$2\" >/dev/null 2>&1; then echo program=found; f=1; else echo program=missing; fi",
            "if [ -S \"$h/rpc.sock\" ]; then echo sock=yes; s=1; else echo sock=no; fi",
            "p=",
            "if [ -r \"$h/pm2.pid\" ]; then IFS= read -r p < \"$h/pm2.pid\" || true; fi",
            "case \"$p\" in",
            "  ''|*[!0-9]*) if [ -e \"$h/pm2.pid\" ]; then echo pid=dead:; else echo pid=none; fi ;;",
            "  *) if [ -d /proc/self ]; then",
            "       if [ -d \"/proc/$p\" ]; then echo \"pid=alive:$p\"; a=1; else echo \"pid=dead:$p\"; fi",
            "     elif kill -0 \"$p\" 2>/dev/null; then echo \"pid=alive:$p\"; a=1; else echo \"pid=dead:$p\"; fi ;;",
            "esac");

    /**
     * {@code pm2 jlist}, parsed: every app PM2 knows, in PM2's order. Only when a daemon runs for the PM2_HOME
     * ({@link #daemon()}): pm2 would start a new, empty one otherwise.
     */
    public List<Pm2Process> list() throws Pm2Exception {
        Pm2Daemon d = daemon();
        if (!d.programFound()) {
            throw notFound(null);
        }
        if (!d.running()) {
            throw new Pm2Exception("no PM2 daemon runs for PM2_HOME=" + d.home() + " (" + d.why()
                    + "); pm2 was not called, so none was started");
        }
        return jlist();
    }

    /** {@code pm2 jlist} without looking for the daemon first (callers that did: {@link Pm2Check}). */
    @Override
    public List<Pm2Process> jlist() throws Pm2Exception {
        CommandResult r = pm2(List.of("jlist"), LIST_OUTPUT_LIMIT);
        if (r.truncated()) {
            throw new Pm2Exception("pm2 jlist printed more than " + LIST_OUTPUT_LIMIT + " bytes");
        }
        return JlistParser.parse(r.stdout());
    }

    /**
     * {@code pm2 restart ID...} (ids, not names, so a numeric app name cannot be mistaken for an id). pm2 stops at
     * the first id it cannot restart, so the verified restart calls this once per app (one cluster's instance set).
     */
    public void restart(List<Integer> pmIds) throws Pm2Exception {
        action("restart", pmIds);
    }

    /** {@code pm2 reload ID}: one process (pm2 reload takes a single id); zero-downtime for a cluster-mode app. */
    public void reload(int pmId) throws Pm2Exception {
        action("reload", List.of(pmId));
    }

    /** {@code pm2 stop ID...}. */
    public void stop(List<Integer> pmIds) throws Pm2Exception {
        action("stop", pmIds);
    }

    private void action(String verb, List<Integer> pmIds) throws Pm2Exception {
        List<String> args = new ArrayList<>();
        args.add(verb);
        pmIds.forEach(id -> args.add(String.valueOf(id)));
        CommandResult r = pm2(args, Command.DEFAULT_MAX_OUTPUT);
        if (!r.ok()) {
            throw new Pm2Exception("pm2 " + verb + " failed (exit " + r.exitCode() + "): " + plain(r.firstErrorLine()));
        }
    }

    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile(
            "\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]|[\\p{Cntrl}&&[^\\t]]");

    /** pm2's text without terminal colour codes or other control characters, for a finding's message. */
    public static String plain(String text) {
        return text == null ? "" : ANSI.matcher(text).replaceAll("").strip();
    }

    /**
     * The last {@code maxBytes} of the daemon's own log, {@code PM2_HOME/pm2.log}, read with {@code tail -c}.
     * PM2_HOME is the configured one, else derived from an app's pid file path ({@code PM2_HOME/pids/...}).
     */
    public String tailDaemonLog(List<Pm2Process> apps, long maxBytes) throws Pm2Exception {
        return daemonLog(apps, maxBytes);
    }

    @Override
    public String daemonLog(List<Pm2Process> apps, long maxBytes) throws Pm2Exception {
        Path home = home(apps).orElseThrow(() -> new Pm2Exception(
                "PM2_HOME is unknown (no --pm2-home and no app pid file to derive it from): pm2.log not read"));
        Path log = home.resolve("pm2.log");
        CommandResult r = run(Command.of("tail", "-c", String.valueOf(maxBytes), "--", log.toString())
                .withTimeout(settings.timeout()).withMaxOutput(maxBytes + 1024), "tail");
        if (!r.ok()) {
            throw new Pm2Exception("cannot read " + log + ": " + r.firstErrorLine());
        }
        return r.stdout();
    }

    /** The target's current UTC offset ({@code date +%z}), to read pm2.log's local, zone-less times. */
    @Override
    public ZoneOffset utcOffset() throws Pm2Exception {
        CommandResult r = run(Command.of("date", "+%z").withTimeout(settings.timeout()).withMaxOutput(256), "date");
        return parseOffset(r.stdout());
    }

    private static ZoneOffset parseOffset(String stdout) throws Pm2Exception {
        String text = stdout.strip();
        try {
            return ZoneOffset.of(text);
        } catch (DateTimeParseException e) {
            throw new Pm2Exception("cannot read the target's time zone: date +%z printed '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }

    /**
     * The alerts' PM2 reads as parts of one {@link FramedScript}, to run after other parts (the host facts) in the
     * same command: the daemon check (inline, shell built-ins only), then, only when it found a daemon (pm2 would
     * start one otherwise), {@code date +%z}, {@code tail -c BYTES -- HOME/pm2.log} and {@code pm2 jlist}, the last
     * killed after the pm2 timeout. The PM2_HOME and the program are quoted with {@link ShellQuote}; nothing else
     * from input is in the script. {@code pm2 jlist}'s stdout (whole process environments) goes only to
     * {@link JlistParser}; its failures quote its stderr, never its stdout.
     *
     * @param logBytes how much of pm2.log to read
     */
    public Framed framed(long logBytes) {
        return new Framed(logBytes);
    }

    /** The PM2 parts of a framed script and their reading. */
    public final class Framed {
        static final String DATE = "date +%z";
        static final String TAIL = "tail";
        static final String JLIST = "pm2 jlist";
        private final long logBytes;

        private Framed(long logBytes) {
            this.logBytes = logBytes;
        }

        /** The functions the parts call: the daemon check. */
        public String prelude() {
            return "twzrd_pm2d() {\n" + DAEMON_SCRIPT + "\n}";
        }

        public List<FramedScript.Part> parts() {
            String live = "[ \"$f$a$s\" = 111 ]";
            List<String> pm2 = new ArrayList<>();
            if (settings.pm2Home() != null) {
                pm2.add("env");
                pm2.add("PM2_HOME=" + settings.pm2Home());
            }
            pm2.add(settings.pm2());
            pm2.add("jlist");
            // each guarded by the daemon check; the guard's words are fixed, the command's quoted
            return List.of(
                    new FramedScript.Part(DAEMON_CHECK, "twzrd_pm2d " + ShellQuote.quote(homeArg()) + " "
                            + ShellQuote.quote(settings.pm2()), true, null),
                    FramedScript.Part.of(DATE, "if " + live + "; then date +%z; fi"),
                    FramedScript.Part.of(TAIL, "if " + live + "; then tail -c " + logBytes + " -- \"$h/pm2.log\"; fi"),
                    FramedScript.Part.of(JLIST, "if " + live + "; then " + run(ShellQuote.join(pm2)) + "; fi"));
        }

        private String run(String words) {
            return "twzrd_run " + FramedScript.seconds(settings.timeout()) + " " + words;
        }

        /** How much the parts may print together. */
        public long maxOutput() {
            return LIST_OUTPUT_LIMIT + logBytes + 1024 * 1024;
        }

        /** How long the parts may take together (pm2 jlist is killed after it; the other parts are quick). */
        public java.time.Duration timeout() {
            return settings.timeout();
        }

        /** The PM2 facts from the script's outcomes. */
        public Pm2Facts facts(Map<String, FramedScript.Outcome> outcomes) {
            return new Pm2Facts() {
                private Pm2Daemon daemon;

                @Override
                public Pm2Daemon daemon() throws Pm2Exception {
                    FramedScript.Outcome o = outcome(outcomes, DAEMON_CHECK);
                    daemon = parseDaemon(o.stdout(), o.exitCode() == null ? -1 : o.exitCode(),
                            o.error().isEmpty() ? o.stdout().strip().lines().findFirst().orElse("") : o.error());
                    return daemon;
                }

                @Override
                public List<Pm2Process> jlist() throws Pm2Exception {
                    FramedScript.Outcome raw = outcomes.get(JLIST);
                    if (raw != null && raw.failure() != null && raw.failure().contains("at the output limit")) {
                        throw new Pm2Exception("pm2 jlist printed more than " + LIST_OUTPUT_LIMIT + " bytes");
                    }
                    FramedScript.Outcome o = outcome(outcomes, JLIST);
                    checked(o, JLIST);
                    return JlistParser.parse(o.stdout());
                }

                @Override
                public String daemonLog(List<Pm2Process> apps, long maxBytes) throws Pm2Exception {
                    FramedScript.Outcome o = outcomes.get(TAIL);
                    String log = (daemon == null ? "PM2_HOME" : daemon.home()) + "/pm2.log";
                    if (o == null || o.failure() != null) {
                        throw new Pm2Exception("cannot read " + log + ": " + (o == null ? "tail was not run" : o.failure()));
                    }
                    if (!o.ok()) {
                        throw new Pm2Exception("cannot read " + log + ": " + plain(o.error()));
                    }
                    return o.stdout();
                }

                @Override
                public ZoneOffset utcOffset() throws Pm2Exception {
                    FramedScript.Outcome o = outcome(outcomes, DATE);
                    checked(o, DATE);
                    return parseOffset(o.stdout());
                }
            };
        }

        private FramedScript.Outcome outcome(Map<String, FramedScript.Outcome> outcomes, String name) throws Pm2Exception {
            FramedScript.Outcome o = outcomes.get(name);
            if (o == null) {
                throw new Pm2Exception("'" + name + "' was not run");
            }
            if (o.failure() != null) {
                throw new Pm2Exception(o.failure().startsWith("'" + name + "' did not finish")
                        ? name + " timed out: " + o.failure() : o.failure());
            }
            return o;
        }

        /** A part that ran but failed: its exit status and stderr's first line (never its stdout). */
        private void checked(FramedScript.Outcome o, String name) throws Pm2Exception {
            if (o.exitCode() == FramedScript.KILLED) {
                throw new Pm2Exception(name + " timed out: it did not finish within "
                        + xyz.twzrd.ops.core.Durations.format(settings.timeout()) + " (killed)");
            }
            if (o.exitCode() == NOT_FOUND && name.equals(JLIST)) {
                throw notFound(plain(o.error()));
            }
            if (!o.ok()) {
                throw new Pm2Exception(name + " failed (exit " + o.exitCode() + "): " + plain(o.error()));
            }
        }
    }

    Optional<Path> home(List<Pm2Process> apps) {
        if (settings.pm2Home() != null) {
            return Optional.of(settings.pm2Home());
        }
        return apps.stream().map(Pm2Process::pidPath)
                .filter(p -> p != null && p.getParent() != null && p.getParent().getParent() != null
                        && "pids".equals(String.valueOf(p.getParent().getFileName())))
                .map(p -> p.getParent().getParent()).findFirst();
    }

    private CommandResult pm2(List<String> args, long maxOutput) throws Pm2Exception {
        List<String> argv = new ArrayList<>();
        if (settings.pm2Home() != null) {
            argv.add("env");
            argv.add("PM2_HOME=" + settings.pm2Home());
        }
        argv.add(settings.pm2());
        argv.addAll(args);
        CommandResult r = run(Command.of(argv).withTimeout(settings.timeout()).withMaxOutput(maxOutput), "pm2 " + args.get(0));
        if (r.exitCode() == NOT_FOUND) {
            throw notFound(r.firstErrorLine());
        }
        if (!r.ok() && "jlist".equals(args.get(0))) {
            throw new Pm2Exception("pm2 jlist failed (exit " + r.exitCode() + "): " + r.firstErrorLine());
        }
        return r;
    }

    /** The pm2 program is not there. */
    Pm2Exception notFound(String detail) {
        return new Pm2Exception("pm2 not found: '" + settings.pm2() + "'" + (detail == null || detail.isBlank() ? ""
                : " (" + detail + ")") + "; install pm2 or pass --pm2 PATH");
    }

    private CommandResult run(Command c, String what) throws Pm2Exception {
        try {
            return runner.run(c);
        } catch (CommandException e) {
            String reason = switch (e.kind()) {
                case NOT_FOUND -> (what.startsWith("pm2") ? "pm2 not found: " : what + " not found: ") + e.getMessage()
                        + (what.startsWith("pm2") ? "; install pm2 or pass --pm2 PATH" : "");
                case TIMEOUT -> what + " timed out: " + e.getMessage();
                case IO -> what + " failed: " + e.getMessage();
            };
            throw new Pm2Exception(reason, e);
        }
    }
}
