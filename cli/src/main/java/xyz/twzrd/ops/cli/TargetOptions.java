package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import xyz.twzrd.ops.core.ssh.RemoteChecks;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Which hosts a check runs on: this machine (no {@code --target}), or remote hosts over SSH. */
public final class TargetOptions {
    /** Environment variable holding the passphrase of the identity file (never an option: it would show in ps). */
    static final String PASSPHRASE_ENV = "TWZRD_OPS_SSH_PASSPHRASE";

    @Option(names = "--target", paramLabel = "USER@HOST[:PORT]",
            description = "Run on this remote host over SSH instead of here (repeatable: hosts run in parallel).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--identity", paramLabel = "FILE",
            description = "SSH private key (default: ~/.ssh/id_ed25519, id_ecdsa or id_rsa, the first that exists). "
                    + "Passphrase from $" + PASSPHRASE_ENV + ".")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", defaultValue = "${sys:user.home}/.ssh/known_hosts",
            description = "known_hosts file the host key must be in; unknown or changed keys are refused (default: ${DEFAULT-VALUE}).")
    Path knownHosts;

    @Option(names = "--ssh-connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time allowed to connect, check the host key and log in (default: "
                    + SshSettings.DEFAULT_CONNECT_TIMEOUT_TEXT + ").")
    Duration connectTimeout;

    @Option(names = "--ssh-command-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time allowed for each metric command on the host (default: "
                    + SshSettings.DEFAULT_COMMAND_TIMEOUT_TEXT + ").")
    Duration commandTimeout;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Hosts checked at the same time (default: " + RemoteChecks.DEFAULT_PARALLEL
                    + ", as pdsh and pssh; SSH handshakes are paced separately).")
    Integer parallel;

    boolean remote() {
        return !targets.isEmpty();
    }

    /** How many hosts at a time. */
    int parallel() {
        return parallel == null ? RemoteChecks.DEFAULT_PARALLEL : parallel;
    }

    /** Settings of every target, or a usage error naming what is wrong. */
    List<SshSettings> settings(CommandLine cl) {
        if (parallel() < 1) {
            throw new CommandLine.ParameterException(cl, "--parallel must be at least 1, not " + parallel);
        }
        Path key = identity != null ? identity : defaultIdentity(cl);
        String pass = System.getenv(PASSPHRASE_ENV);
        List<SshSettings> out = new ArrayList<>();
        for (String t : targets) {
            try {
                out.add(SshSettings.parse(t, key, pass == null ? null : pass.toCharArray(), knownHosts,
                        connectTimeout, commandTimeout));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--target: " + e.getMessage());
            }
        }
        return out;
    }

    private static Path defaultIdentity(CommandLine cl) {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isRegularFile(ssh.resolve(name))) {
                return ssh.resolve(name);
            }
        }
        throw new CommandLine.ParameterException(cl, "--target needs --identity FILE (no key found in " + ssh + ")");
    }
}
