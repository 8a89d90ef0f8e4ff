package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import xyz.twzrd.ops.core.pm2.AppSelection;
import xyz.twzrd.ops.core.ssh.SshSettings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks of user input shared by the runner's options and the Jenkins form validation. Each returns the problem
 * in one sentence, or empty when the value is fine.
 */
public final class Validation {
    private Validation() {
    }

    /** An http(s) URL with a host. */
    public static Optional<String> healthUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(value.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("the health URL must start with http:// or https://");
            }
            if (u.getHost() == null) {
                return Optional.of("the health URL has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
    }

    /** A duration such as 10s, 5m. */
    public static Optional<String> duration(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Durations.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** {@code all}, or a comma-separated list of app names; blank is refused (it restarts nothing, never all). */
    public static Optional<String> apps(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("apps " + AppSelection.BLANK);
        }
        try {
            AppSelection.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Blank, or a comma-separated list of the app names that must run ({@code pm2.expected-apps}). */
    public static Optional<String> expectedApps(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            xyz.twzrd.ops.core.pm2.Pm2Config.expectedApps(java.util.Arrays.stream(value.split(",")).map(String::strip).toList());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** {@code user@host[:port]}, as the SSH settings read it. */
    public static Optional<String> target(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            SshSettings.parse(value, Path.of("id"), null, Path.of("known_hosts"), null, null);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * known_hosts text for strict host-key checking: required for an SSH target (checking cannot be turned off),
     * each line {@code host[,host...] key-type base64-key} (comments and blank lines allowed).
     */
    public static Optional<String> knownHosts(String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of("an SSH target needs known_hosts lines: host-key checking cannot be turned off")
                    : Optional.empty();
        }
        int n = 0;
        for (String line : value.split("\\R")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            int keyType = parts[0].startsWith("@") ? 2 : 1; // @cert-authority / @revoked marker first
            if (parts.length < keyType + 2 || !parts[keyType].matches("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+")) {
                return Optional.of("known_hosts line " + n + " is not 'host key-type key'");
            }
        }
        return Optional.empty();
    }
}
