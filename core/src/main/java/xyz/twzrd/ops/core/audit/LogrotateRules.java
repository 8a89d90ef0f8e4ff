package xyz.twzrd.ops.core.audit;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file patterns of logrotate rules, and whether a log path is covered by one.
 * A rule is one or more patterns (shell globs, possibly quoted) followed by a {@code { ... }} block.
 */
public final class LogrotateRules {
    /** One pattern and the file it was declared in. */
    public record Rule(String pattern, String file) {
    }

    /** File endings logrotate skips in an included folder (its default {@code tabooext} list, and its {@code ~}). */
    private static final List<String> TABOO = List.of(",v", ".cfsaved", ".disabled", ".dpkg-bak", ".dpkg-del",
            ".dpkg-dist", ".dpkg-new", ".dpkg-old", ".dpkg-tmp", ".rpmnew", ".rpmorig", ".rpmsave", ".swp",
            ".ucf-dist", ".ucf-new", ".ucf-old", "~");
    /** Directives whose script runs up to {@code endscript}; braces inside are shell, not configuration. */
    private static final Pattern SCRIPT = Pattern.compile("(postrotate|prerotate|firstaction|lastaction|preremove)\\b.*");

    private final List<Rule> rules;

    private LogrotateRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public static LogrotateRules of(List<Rule> rules) {
        return new LogrotateRules(rules);
    }

    /** Whether logrotate reads this file of an included folder (it skips backups and package leftovers). */
    public static boolean readInIncludedFolder(String fileName) {
        return TABOO.stream().noneMatch(fileName::endsWith)
                && !fileName.contains(".rhn-cfg-tmp-");
    }

    /** Parses one logrotate configuration file's text. */
    public static List<Rule> parse(String text, String file) {
        List<Rule> out = new ArrayList<>();
        int depth = 0;
        boolean inScript = false;
        StringBuilder head = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (inScript) {
                inScript = !line.equals("endscript");
                continue;
            }
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (depth > 0) {
                if (SCRIPT.matcher(line).matches()) {
                    inScript = true;
                } else if (line.startsWith("}")) {
                    depth--;
                } else if (line.endsWith("{")) {
                    depth++;
                }
                continue;
            }
            int brace = line.indexOf('{');
            if (brace < 0) {
                // a global directive (weekly, include ...) or patterns continued on the next line
                if (line.startsWith("/") || line.startsWith("\"") || line.startsWith("'")) {
                    head.append(' ').append(line);
                }
                continue;
            }
            head.append(' ').append(line, 0, brace);
            for (String p : words(head.toString())) {
                out.add(new Rule(p, file));
            }
            head.setLength(0);
            depth = line.indexOf('}', brace) > brace ? 0 : 1;
        }
        return out;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }

    /** The rule that covers the path (shell-glob semantics: {@code *} does not cross a slash), if any. */
    public Optional<Rule> covering(String path) {
        Path p = Path.of(path);
        for (Rule r : rules) {
            if (r.pattern().equals(path)) {
                return Optional.of(r);
            }
            try {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + r.pattern());
                if (m.matches(p)) {
                    return Optional.of(r);
                }
            } catch (IllegalArgumentException ignored) {
                // a pattern Java's glob cannot read matches nothing
            }
        }
        return Optional.empty();
    }
}
