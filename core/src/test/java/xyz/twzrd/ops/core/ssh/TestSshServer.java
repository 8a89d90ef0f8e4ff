package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.CommandFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;

/**
 * A real SSH server on a loopback port (Apache MINA SSHD): it authenticates with an authorized_keys file and runs
 * each exec request as {@code /bin/sh -c <command line>} on this machine, exactly as OpenSSH does.
 */
final class TestSshServer implements AutoCloseable {
    final SshServer sshd;
    final java.security.KeyPair hostKey;
    final Path dir;
    final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();

    private TestSshServer(SshServer sshd, java.security.KeyPair hostKey, Path dir) {
        this.sshd = sshd;
        this.hostKey = hostKey;
        this.dir = dir;
    }

    /** Starts a server that accepts the public keys in {@code authorizedKeys}. */
    static TestSshServer start(Path dir, Path authorizedKeys, CommandFactory commands) throws IOException {
        java.security.KeyPair hk = rsa();
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(0);
        s.setKeyPairProvider(KeyPairProvider.wrap(hk));
        // keys read once, up front: SSHD's file-watching authenticator loses a race when sessions log in at once
        List<java.security.PublicKey> keys = new java.util.ArrayList<>();
        try {
            for (org.apache.sshd.common.config.keys.AuthorizedKeyEntry e
                    : org.apache.sshd.common.config.keys.AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys)) {
                keys.add(e.resolvePublicKey(null, org.apache.sshd.common.config.keys.PublicKeyEntryResolver.FAILING));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("bad key in " + authorizedKeys, e);
        }
        s.setPublickeyAuthenticator(new org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator("test", keys));
        s.setPasswordAuthenticator(null);
        s.setKeyboardInteractiveAuthenticator(null);
        s.setCommandFactory(commands);
        TestSshServer server = new TestSshServer(s, hk, dir);
        s.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                server.sessions.incrementAndGet();
            }
        });
        s.start();
        return server;
    }

    /** Runs the command line with {@code /bin/sh -c}, like OpenSSH's sshd. */
    static CommandFactory shell() {
        return (channel, line) -> new ShellCommand(line);
    }

    /** Ignores the requested command and runs {@code script} instead (a host whose tools print something else). */
    static CommandFactory always(String script) {
        return (channel, line) -> new ShellCommand(script);
    }

    /** Accepts every command and never answers nor exits. */
    static CommandFactory silent() {
        return (channel, line) -> new org.apache.sshd.server.command.Command() {
            @Override
            public void setExitCallback(org.apache.sshd.server.ExitCallback callback) {
            }

            @Override
            public void setErrorStream(java.io.OutputStream err) {
            }

            @Override
            public void setInputStream(java.io.InputStream in) {
            }

            @Override
            public void setOutputStream(java.io.OutputStream out) {
            }

            @Override
            public void start(org.apache.sshd.server.channel.ChannelSession channel, org.apache.sshd.server.Environment env) {
            }

            @Override
            public void destroy(org.apache.sshd.server.channel.ChannelSession channel) {
            }
        };
    }

    int port() {
        return sshd.getPort();
    }

    /** A known_hosts file holding this server's key for {@code [127.0.0.1]:port}. */
    Path knownHosts() throws IOException {
        return knownHosts("known_hosts", hostKey.getPublic());
    }

    Path knownHosts(String name, java.security.PublicKey key) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n");
        return f;
    }

    /** The SHA256 fingerprint of the server's host key, as ssh-keygen prints it. */
    String fingerprint() {
        String entry = PublicKeyEntry.toString(hostKey.getPublic());
        return RecordingHostKeys.fingerprint(java.util.Base64.getDecoder().decode(entry.split(" ")[1]));
    }

    SshSettings settings(Path identity, String passphrase, Path knownHosts, Duration commandTimeout) {
        return new SshSettings(System.getProperty("user.name"), "127.0.0.1", port(), identity, null,
                passphrase == null ? null : passphrase.toCharArray(), knownHosts, Duration.ofSeconds(5), commandTimeout);
    }

    static java.security.KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client key of the JSch type ({@link KeyPair#ED25519}, {@link KeyPair#RSA}) written to {@code dir/name}. */
    record ClientKey(Path privateFile, byte[] privateBytes, String publicLine) {
        static ClientKey generate(Path dir, String name, int type, String passphrase) throws Exception {
            KeyPair kp = KeyPair.genKeyPair(new JSch(), type, type == KeyPair.RSA ? 2048 : 0);
            ByteArrayOutputStream priv = new ByteArrayOutputStream();
            kp.writeOpenSSHv1PrivateKey(priv, passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            kp.writePublicKey(pub, name);
            kp.dispose();
            Path f = dir.resolve(name);
            Files.write(f, priv.toByteArray());
            return new ClientKey(f, priv.toByteArray(), pub.toString(StandardCharsets.UTF_8).strip());
        }
    }

    static Path authorizedKeys(Path dir, List<ClientKey> keys) throws IOException {
        Path f = dir.resolve("authorized_keys");
        StringBuilder b = new StringBuilder();
        keys.forEach(k -> b.append(k.publicLine()).append('\n'));
        Files.writeString(f, b);
        return f;
    }

    /**
     * One exec request as OpenSSH's sshd runs it without a terminal: {@code /bin/sh -c line}, the channel's data as
     * stdin, stdout and stderr to the channel, then the exit status. When the channel closes, the command's stdin is
     * closed and nothing is signalled (as sshd does), so whatever the command started runs on unless it ends itself.
     */
    static final class ShellCommand implements org.apache.sshd.server.command.Command {
        private final String line;
        private org.apache.sshd.server.ExitCallback exit;
        private java.io.OutputStream out;
        private java.io.OutputStream err;
        private java.io.InputStream in;
        private volatile Process process;

        ShellCommand(String line) {
            this.line = line;
        }

        @Override
        public void setExitCallback(org.apache.sshd.server.ExitCallback callback) {
            exit = callback;
        }

        @Override
        public void setErrorStream(java.io.OutputStream e) {
            err = e;
        }

        @Override
        public void setInputStream(java.io.InputStream i) {
            in = i;
        }

        @Override
        public void setOutputStream(java.io.OutputStream o) {
            out = o;
        }

        @Override
        public void start(org.apache.sshd.server.channel.ChannelSession channel, org.apache.sshd.server.Environment env)
                throws IOException {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", line);
            process = pb.start();
            Thread stdin = new Thread(() -> {
                try (java.io.OutputStream o = process.getOutputStream()) {
                    if (in != null) {
                        in.transferTo(o);
                    }
                } catch (IOException ignored) {
                    // the channel or the process went away: stdin is closed either way
                }
            }, "test-sshd-stdin");
            stdin.setDaemon(true);
            stdin.start();
            Thread t = new Thread(() -> {
                int code;
                try {
                    Thread e = new Thread(() -> copy(process.getErrorStream(), err));
                    e.start();
                    copy(process.getInputStream(), out);
                    e.join();
                    code = process.waitFor();
                } catch (InterruptedException ex) {
                    code = 130;
                }
                exit.onExit(code);
            }, "test-sshd-exec");
            t.setDaemon(true);
            t.start();
        }

        private static void copy(java.io.InputStream in, java.io.OutputStream o) {
            try (in) {
                byte[] b = new byte[8192];
                int n;
                while ((n = in.read(b)) >= 0) {
                    o.write(b, 0, n);
                    o.flush();
                }
            } catch (IOException ignored) {
                // channel closed: the client went away
            }
        }

        @Override
        public void destroy(org.apache.sshd.server.channel.ChannelSession channel) {
            Process p = process;
            if (p != null) {
                try {
                    p.getOutputStream().close(); // sshd closes the command's stdin; it kills nothing
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
