package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.exec.ShellQuote;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs commands on a remote host over one SSH session (JSch), one exec channel per command.
 * The argument list is sent as one POSIX shell command line with every argument single-quoted, so the remote
 * login shell interprets nothing in it; environment variables go in front as {@code env 'K=V' ...} (sshd usually
 * refuses {@code setenv} requests). Output is capped, exit status returned, and a command that does not finish in
 * time is signalled and its channel closed, which ends its whole process group on the host ({@link #GROUP_WRAPPER}).
 */
public final class SshCommandRunner implements CommandRunner {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Exit status of a POSIX shell (and of {@code env}) when the program does not exist. */
    private static final int NOT_FOUND_STATUS = 127;
    private static final long POLL_MS = 5;

    private final SshSettings settings;
    private final Session session;

    private SshCommandRunner(SshSettings settings, Session session) {
        this.settings = settings;
        this.session = session;
    }

    /**
     * Opens the session: TCP connect, key exchange with strict host-key checking, public-key authentication.
     *
     * @throws CommandException (kind IO, or TIMEOUT when the host did not answer in time) with a message naming
     *                          the target and the reason; key material and passphrase never appear in it
     */
    public static SshCommandRunner connect(SshSettings s) throws CommandException {
        String where = s.user() + "@" + s.displayName();
        if (!Files.isRegularFile(s.knownHosts())) {
            throw new CommandException(CommandException.Kind.IO, "cannot check the host key of " + where
                    + ": known_hosts file " + s.knownHosts() + " does not exist (add the host's key to it first, "
                    + "e.g. ssh-keyscan, and compare its fingerprint)");
        }
        JSch jsch = new JSch();
        RecordingHostKeys hostKeys;
        try {
            jsch.setKnownHosts(s.knownHosts().toString());
            hostKeys = new RecordingHostKeys(jsch.getHostKeyRepository());
            jsch.setHostKeyRepository(hostKeys);
        } catch (JSchException e) {
            throw new CommandException(CommandException.Kind.IO, "cannot read known_hosts file " + s.knownHosts()
                    + " for " + where + ": " + e.getMessage(), e);
        }
        addIdentity(jsch, s, where);
        Session session = null;
        try {
            session = jsch.getSession(s.user(), s.host(), s.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setConfig("HashKnownHosts", "no");
            session.setTimeout(millis(s.connectTimeout()));
            session.connect(millis(s.connectTimeout()));
            session.setServerAliveInterval(millis(s.connectTimeout()));
            session.setServerAliveCountMax(3);
            return new SshCommandRunner(s, session);
        } catch (JSchException e) {
            if (session != null) {
                session.disconnect();
            }
            throw failure(s, where, hostKeys, e);
        }
    }

    private static void addIdentity(JSch jsch, SshSettings s, String where) throws CommandException {
        byte[] pass = s.passphrase() == null ? null : utf8(s.passphrase());
        try {
            if (s.identityFile() != null) {
                if (!Files.isReadable(s.identityFile())) {
                    throw new CommandException(CommandException.Kind.IO, "cannot connect to " + where
                            + ": identity file " + s.identityFile() + " is missing or not readable");
                }
                jsch.addIdentity(s.identityFile().toString(), pass);
            } else {
                jsch.addIdentity("in-memory key", s.privateKey().clone(), null, pass);
            }
        } catch (JSchException e) {
            throw new CommandException(CommandException.Kind.IO, "cannot connect to " + where + ": "
                    + s.keyDescription() + " could not be loaded (wrong passphrase, or not an OpenSSH/PEM private key)");
        } finally {
            if (pass != null) {
                Arrays.fill(pass, (byte) 0);
            }
        }
    }

    /**
     * The server closed or reset the connection before authentication ended: what sshd does to the handshakes
     * beyond its MaxStartups, so worth retrying later (unlike a refused port, a timeout or a refused key).
     */
    static final class DroppedHandshake extends CommandException {
        DroppedHandshake(String message, Throwable cause) {
            super(Kind.IO, message, cause);
        }
    }

    private static boolean droppedHandshake(Throwable cause, String msg) {
        return cause instanceof java.net.SocketException && !(cause instanceof ConnectException)
                || msg.contains("Connection reset") || msg.contains("closed by foreign host")
                || msg.contains("End of IO Stream Read") || msg.contains("Broken pipe");
    }

    /** Turns a JSch failure into a message a user can act on. */
    private static CommandException failure(SshSettings s, String where, RecordingHostKeys keys, JSchException e) {
        String fp = keys.offeredFingerprint();
        if (keys.verdict() == HostKeyRepository.CHANGED) {
            return new CommandException(CommandException.Kind.IO, "host key of " + where + " has CHANGED: it offered "
                    + keys.offeredType() + " " + fp + ", which does not match " + s.knownHostsName()
                    + " (possible man-in-the-middle; if the host was reinstalled, replace its entry after checking the fingerprint)", e);
        }
        if (keys.verdict() == HostKeyRepository.NOT_INCLUDED) {
            return new CommandException(CommandException.Kind.IO, "host key of " + where + " is UNKNOWN: it offered "
                    + keys.offeredType() + " " + fp + ", which is not in " + s.knownHostsName()
                    + " (verify the fingerprint on the host, then add its key)", e);
        }
        Throwable cause = e.getCause();
        String msg = String.valueOf(e.getMessage());
        if (cause instanceof ConnectException) {
            return new CommandException(CommandException.Kind.IO, "cannot connect to " + where + ": connection refused", e);
        }
        if (cause instanceof UnknownHostException) {
            return new CommandException(CommandException.Kind.IO, "cannot connect to " + where + ": unknown host name", e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new CommandException(CommandException.Kind.IO, "cannot connect to " + where + ": no route to host", e);
        }
        if (cause instanceof SocketTimeoutException || msg.contains("timeout") || msg.contains("timed out")) {
            return new CommandException(CommandException.Kind.TIMEOUT, "cannot connect to " + where
                    + ": no SSH answer within " + Durations.format(s.connectTimeout()), e);
        }
        if (droppedHandshake(cause, msg)) {
            return new DroppedHandshake("SSH connection to " + where + " was dropped during the handshake (" + msg
                    + "); the server may be limiting concurrent logins (sshd MaxStartups)", e);
        }
        if (msg.startsWith("Auth fail") || msg.contains("USERAUTH fail")) {
            return new CommandException(CommandException.Kind.IO, "authentication failed for " + where + " with "
                    + s.keyDescription() + " (is its public key in ~/.ssh/authorized_keys of " + s.user() + "?)", e);
        }
        return new CommandException(CommandException.Kind.IO, "SSH connection to " + where + " failed: " + msg, e);
    }

    @Override
    public CommandResult run(Command command) throws CommandException {
        String line = wrappedLine(command);
        long start = System.nanoTime();
        ChannelExec ch;
        BoundedBuffer out = new BoundedBuffer(command.maxOutputBytes());
        BoundedBuffer err = new BoundedBuffer(command.maxOutputBytes());
        try {
            ch = (ChannelExec) session.openChannel("exec");
            ch.setCommand(line);
            ch.setInputStream(null);
            ch.setOutputStream(out, true);
            ch.setErrStream(err, true);
            ch.connect(millis(settings.connectTimeout()));
        } catch (JSchException e) {
            throw new CommandException(CommandException.Kind.IO, "cannot run " + command.program() + " on "
                    + hostName() + ": " + (session.isConnected() ? e.getMessage() : "the SSH connection was lost"), e);
        }
        long deadline = start + command.timeout().toNanos();
        try {
            while (!ch.isClosed()) {
                if (System.nanoTime() > deadline) {
                    stop(ch);
                    throw new CommandException(CommandException.Kind.TIMEOUT, command.program() + " on " + hostName()
                            + " did not finish within " + Durations.format(command.timeout())
                            + " (channel closed, its processes on the host killed)");
                }
                if (!session.isConnected()) {
                    throw new CommandException(CommandException.Kind.IO, "the SSH connection to " + hostName()
                            + " was lost while running " + command.program());
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            stop(ch);
            Thread.currentThread().interrupt();
            throw new CommandException(CommandException.Kind.IO, "interrupted while running " + command.program()
                    + " on " + hostName(), e);
        } finally {
            ch.disconnect();
        }
        int status = ch.getExitStatus();
        CommandResult result = new CommandResult(status, out.text(), err.text(), out.truncated() || err.truncated(),
                Duration.ofNanos(System.nanoTime() - start));
        if (status == NOT_FOUND_STATUS) {
            throw new CommandException(CommandException.Kind.NOT_FOUND, "cannot run " + command.program() + " on "
                    + hostName() + ": " + result.firstErrorLine());
        }
        if (status < 0) {
            String signal = ch.getExitSignal();
            throw new CommandException(CommandException.Kind.IO, command.program() + " on " + hostName()
                    + " ended without an exit status" + (signal == null ? "" : " (signal " + signal + ")"));
        }
        return result;
    }

    /**
     * Runs the command in a process group of its own and ends that whole group when the channel goes away: sshd
     * closes the command's stdin when the channel closes (our timeout, a lost connection), but without a terminal it
     * signals nobody, so a timed-out {@code pm2} or {@code find} with its children would run on. The wrapper keeps
     * the channel's stdin for itself (the command gets /dev/null), starts the command under {@code setsid} (every
     * Linux has it; without it only the command itself is killed), and a watcher that kills the group once stdin
     * ends. The command's exit status is the wrapper's (127 for a missing program, as before).
     */
    static final String GROUP_WRAPPER = "exec 3<&0 </dev/null; "
            + "if command -v setsid >/dev/null 2>&1; then setsid \"$@\" & else \"$@\" & fi; p=$!; "
            + "( cat <&3 >/dev/null 2>&1; kill -9 -\"$p\" 2>/dev/null || kill -9 \"$p\" 2>/dev/null ) >/dev/null 2>&1 & "
            + "w=$!; exec 3<&-; wait \"$p\"; s=$?; kill \"$w\" 2>/dev/null; exit \"$s\"";

    /** The line sent to the remote login shell: the {@link #GROUP_WRAPPER} around {@link #commandLine}'s argv. */
    static String wrappedLine(Command command) {
        List<String> parts = new ArrayList<>(List.of("/bin/sh", "-c", GROUP_WRAPPER, "twzrd-ops"));
        parts.addAll(argv(command));
        return ShellQuote.join(parts);
    }

    /** The command line sent to the remote shell: {@code env 'K=V' ... 'argv0' 'argv1' ...}, every part quoted. */
    static String commandLine(Command command) {
        return ShellQuote.join(argv(command));
    }

    private static List<String> argv(Command command) {
        List<String> parts = new ArrayList<>();
        if (!command.env().isEmpty()) {
            parts.add("env");
            for (Map.Entry<String, String> e : command.env().entrySet()) {
                if (!ENV_NAME.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("invalid environment variable name: " + e.getKey());
                }
                parts.add(e.getKey() + "=" + e.getValue());
            }
        }
        parts.addAll(command.argv());
        return parts;
    }

    private static void stop(ChannelExec ch) {
        try {
            ch.sendSignal("KILL");
        } catch (Exception ignored) {
            // not every server supports signals; closing the channel below is what matters
        }
        ch.disconnect();
    }

    @Override
    public String hostName() {
        return settings.displayName();
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    /** The session is reused for every command; closing ends it. */
    @Override
    public void close() {
        session.disconnect();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }
}
