package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Talks to PM2 on a target through its {@link CommandRunner}: argument lists only, never a shell, so it works
 * the same on this machine and over SSH. A given PM2_HOME is passed as {@code env PM2_HOME=DIR pm2 ...}.
 */
public final class Pm2Client {
    /** Exit status of a program that was not found (by {@code env} or a remote shell). */
    private static final int NOT_FOUND = 127;
    private static final long LIST_OUTPUT_LIMIT = 64L * 1024 * 1024;

    private final CommandRunner runner;
    private final Pm2Settings settings;

    public Pm2Client(CommandRunner runner, Pm2Settings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /** {@code pm2 jlist}, parsed: every app PM2 knows, in PM2's order. */
    public List<Pm2Process> list() throws Pm2Exception {
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
    public ZoneOffset utcOffset() throws Pm2Exception {
        CommandResult r = run(Command.of("date", "+%z").withTimeout(settings.timeout()).withMaxOutput(256), "date");
        try {
            return ZoneOffset.of(r.stdout().strip());
        } catch (DateTimeParseException e) {
            throw new Pm2Exception("cannot read the target's time zone: date +%z printed '" + r.stdout().strip() + "'");
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
            throw new Pm2Exception("pm2 not found: '" + settings.pm2() + "' (" + r.firstErrorLine()
                    + "); install pm2 or pass --pm2 PATH");
        }
        if (!r.ok() && "jlist".equals(args.get(0))) {
            throw new Pm2Exception("pm2 jlist failed (exit " + r.exitCode() + "): " + r.firstErrorLine());
        }
        return r;
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
