package xyz.twzrd.ops.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state folder as one check kind sees it during one run on one target. Each check kind keeps its own crash
 * baseline and log offsets ({@link #own}: {@code pm2-baseline-health-check.json}), so the weekly report counts the
 * week and the hourly alerts the hour; what every kind must see (the planned restarts of {@code pm2-restart}) is
 * {@link #shared}. A state file that cannot be read is {@linkplain #setAside set aside} (renamed with a timestamp,
 * kept for a person to look at), reported once as an ALERT naming it ({@link #damaged}), and rebuilt by the reader.
 */
public final class StateFolder {
    /** Finding id prefix of a damaged state file: {@code state:<file name>}. */
    public static final String FINDING_PREFIX = "state:";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String check;
    private final Instant now;
    private final List<Finding> damaged = new ArrayList<>();

    /**
     * @param dir   the folder (this machine's state folder, or a remote host's folder below it)
     * @param check the check kind's name ({@code alerts}, {@code health-check}, ...), which names its own files
     * @param now   the run's start, used to name set-aside files
     */
    public StateFolder(Path dir, String check, Instant now) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.check = Objects.requireNonNull(check, "check");
        this.now = Objects.requireNonNull(now, "now");
    }

    public Path dir() {
        return dir;
    }

    public String check() {
        return check;
    }

    /** This check kind's own copy of a state file: {@code name-<check>.ext} ({@code pm2-baseline-alerts.json}). */
    public Path own(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot < 0 ? fileName : fileName.substring(0, dot);
        String ext = dot < 0 ? "" : fileName.substring(dot);
        return dir.resolve(base + "-" + check + ext);
    }

    /** A state file every check kind shares ({@code pm2-planned-restarts.json}). */
    public Path shared(String fileName) {
        return dir.resolve(fileName);
    }

    /**
     * Sets an unreadable state file aside and remembers an ALERT naming it; the caller then rebuilds the state.
     *
     * @param why what was wrong with it (never its content)
     * @return the finding (also in {@link #damaged()})
     */
    public synchronized Finding setAside(Path file, String why) {
        Finding f = setAside(file, now, why);
        damaged.add(f);
        return f;
    }

    /** The damaged state files met in this run, as ALERT findings, in the order met. */
    public synchronized List<Finding> damaged() {
        return List.copyOf(damaged);
    }

    /**
     * Renames {@code file} to {@code file.damaged-<UTC time>} beside it (kept for a person to look at, never read
     * again) and returns the ALERT finding {@code state:<file name>} that says so.
     */
    public static Finding setAside(Path file, Instant now, String why) {
        String name = String.valueOf(file.getFileName());
        Path kept = file.resolveSibling(name + ".damaged-" + STAMP.format(now));
        for (int n = 2; Files.exists(kept); n++) {
            kept = file.resolveSibling(name + ".damaged-" + STAMP.format(now) + "-" + n);
        }
        String msg;
        try {
            Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
            msg = "state file " + file + " could not be read (" + why + "); kept as " + kept.getFileName()
                    + " and rebuilt";
        } catch (IOException e) {
            kept = null;
            msg = "state file " + file + " could not be read (" + why + ") nor set aside (" + e.getMessage()
                    + "); it is rebuilt";
        }
        Finding f = new Finding(FINDING_PREFIX + name, Severity.ALERT, null, "", null, null, msg,
                kept == null ? Map.of("file", file.toString()) : Map.of("file", file.toString(), "keptAs", kept.toString()));
        return f;
    }

    /** Why a state file could not be read, in one line without its content. */
    public static String reason(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl);
        int src = first.indexOf(" at [Source");
        first = src < 0 ? first : first.substring(0, src);
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }
}
