package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.Finding;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns sources into distinct file paths: globs expanded (on this machine), duplicates dropped (first app wins). */
final class Sources {
    private static final String GLOB_CHARS = "*?[{";
    private static final int MAX_DEPTH = 16;

    private Sources() {
    }

    /** Path to app, in source order; a glob that cannot be expanded adds an UNKNOWN finding. */
    static Map<String, String> expand(List<LogSource> sources, LogFiles files, List<Finding> findings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LogSource s : sources) {
            String text = s.path().toString();
            if (!isGlob(text)) {
                out.putIfAbsent(files.host().isEmpty() ? s.path().toAbsolutePath().normalize().toString() : text, s.app());
                continue;
            }
            if (!files.host().isEmpty()) {
                findings.add(Finding.unknown("log:" + text, "globs are expanded only on the local host; list the files"));
                continue;
            }
            try {
                for (Path p : glob(s.path().toAbsolutePath().normalize())) {
                    out.putIfAbsent(p.toString(), s.app());
                }
            } catch (IOException | RuntimeException e) {
                findings.add(Finding.unknown("log:" + text, "glob could not be expanded: " + e.getMessage()));
            }
        }
        return out;
    }

    static boolean isGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (GLOB_CHARS.indexOf(path.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Regular files matching an absolute glob, sorted; symbolic links to directories are not followed. */
    private static List<Path> glob(Path pattern) throws IOException {
        Path base = pattern.getRoot();
        int depth = 0;
        boolean deep = false;
        for (Path part : base.relativize(pattern)) {
            if (isGlob(part.toString()) || depth > 0) {
                depth++;
                deep |= part.toString().contains("**");
            } else {
                base = base.resolve(part);
            }
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base, deep ? MAX_DEPTH : depth)) {
            walk.filter(m::matches).filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }
}
