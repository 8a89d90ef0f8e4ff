package xyz.twzrd.ops.core.exec;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting: every argument in single quotes, a single quote as {@code '\''}. Nothing inside is interpreted. */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** A whole argument list as one shell command line. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
