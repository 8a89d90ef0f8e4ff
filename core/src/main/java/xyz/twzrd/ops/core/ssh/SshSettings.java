package xyz.twzrd.ops.core.ssh;

import xyz.twzrd.ops.core.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach one remote host over SSH. The key comes from a file or from memory; either may be encrypted with a
 * passphrase. Host keys are always checked strictly against {@code knownHosts}: there is no setting to turn it off.
 * {@link #toString()} never shows key material or the passphrase.
 *
 * @param user           login user
 * @param host           host name or address
 * @param port           SSH port
 * @param identityFile   private key file (OpenSSH or PEM), or null when {@code privateKey} is given
 * @param privateKey     private key bytes, or null when {@code identityFile} is given
 * @param passphrase     passphrase of the key, or null
 * @param knownHosts     OpenSSH known_hosts file the host key must be in
 * @param connectTimeout time allowed for TCP connect, key exchange and authentication
 * @param commandTimeout default time allowed for each command of a check
 * @param knownHostsName what host-key mismatch messages call the known_hosts source: the file's path (the default,
 *                       for a file the user keeps, e.g. the runner's {@code --known-hosts}) or a name such as
 *                       {@code the step's knownHosts} when the file is a private copy of text given elsewhere
 */
public record SshSettings(String user, String host, int port, Path identityFile, byte[] privateKey, char[] passphrase,
                          Path knownHosts, Duration connectTimeout, Duration commandTimeout, String knownHostsName) {
    public static final int DEFAULT_PORT = 22;
    /** Default connect timeout, as options write it. */
    public static final String DEFAULT_CONNECT_TIMEOUT_TEXT = "10s";
    /** Default command timeout, as options write it. */
    public static final String DEFAULT_COMMAND_TIMEOUT_TEXT = "30s";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Durations.parse(DEFAULT_CONNECT_TIMEOUT_TEXT);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Durations.parse(DEFAULT_COMMAND_TIMEOUT_TEXT);
    private static final Pattern TARGET = Pattern.compile("^([A-Za-z0-9._][A-Za-z0-9._-]*)@([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?$");

    public SshSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(knownHosts, "knownHosts");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be 1-65535, not " + port);
        }
        if ((identityFile == null) == (privateKey == null)) {
            throw new IllegalArgumentException("give exactly one of an identity file and an in-memory private key");
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect timeout");
        commandTimeout = positive(commandTimeout, DEFAULT_COMMAND_TIMEOUT, "command timeout");
        knownHostsName = knownHostsName == null || knownHostsName.isBlank() ? knownHosts.toString()
                : knownHostsName.strip();
    }

    /** Settings whose host-key messages name the known_hosts file itself. */
    public SshSettings(String user, String host, int port, Path identityFile, byte[] privateKey, char[] passphrase,
                       Path knownHosts, Duration connectTimeout, Duration commandTimeout) {
        this(user, host, port, identityFile, privateKey, passphrase, knownHosts, connectTimeout, commandTimeout, null);
    }

    /** The same settings, messages naming the known_hosts source {@code name} instead of the file. */
    public SshSettings withKnownHostsName(String name) {
        return new SshSettings(user, host, port, identityFile, privateKey, passphrase, knownHosts, connectTimeout,
                commandTimeout, name);
    }

    private static Duration positive(Duration d, Duration dflt, String what) {
        if (d == null) {
            return dflt;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("SSH " + what + " must be positive, not " + d);
        }
        return d;
    }

    /**
     * Parses {@code user@host[:port]} ({@code user@[::1]:2222} for IPv6) into settings with a key file.
     *
     * @throws IllegalArgumentException naming the malformed target
     */
    public static SshSettings parse(String target, Path identityFile, char[] passphrase, Path knownHosts,
                                    Duration connectTimeout, Duration commandTimeout) {
        return parse(target, identityFile, null, passphrase, knownHosts, connectTimeout, commandTimeout);
    }

    /**
     * Parses {@code user@host[:port]} into settings with an in-memory private key (the Jenkins plugin's credential,
     * which never touches the disk).
     *
     * @throws IllegalArgumentException naming the malformed target
     */
    public static SshSettings parse(String target, byte[] privateKey, char[] passphrase, Path knownHosts,
                                    Duration connectTimeout, Duration commandTimeout) {
        return parse(target, null, privateKey, passphrase, knownHosts, connectTimeout, commandTimeout);
    }

    private static SshSettings parse(String target, Path identityFile, byte[] privateKey, char[] passphrase,
                                     Path knownHosts, Duration connectTimeout, Duration commandTimeout) {
        Matcher m = TARGET.matcher(target == null ? "" : target.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("target must be user@host[:port], not '" + target + "'");
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
        return new SshSettings(m.group(1), host, port, identityFile, privateKey, passphrase, knownHosts,
                connectTimeout, commandTimeout);
    }

    /** The host as results name it: {@code host}, or {@code host:port} when the port is not 22. */
    public String displayName() {
        return port == DEFAULT_PORT ? host : host + ":" + port;
    }

    /** Where the key comes from, for messages (never the key itself). */
    public String keyDescription() {
        return identityFile != null ? "key " + identityFile : "the in-memory key";
    }

    @Override
    public String toString() {
        return "SshSettings[" + user + "@" + displayName() + ", " + keyDescription() + ", known_hosts " + knownHostsName
                + ", connect " + connectTimeout + ", command " + commandTimeout + "]";
    }
}
