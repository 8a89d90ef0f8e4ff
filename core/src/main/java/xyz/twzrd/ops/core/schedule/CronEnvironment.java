package xyz.twzrd.ops.core.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a cron line needs to run as written in cron's bare environment ({@code PATH=/usr/bin:/bin}, no
 * {@code PM2_HOME}, no {@code SLACK_WEBHOOK_URL}, the C locale), resolved once at install time: the java that runs
 * the launcher, the folders of the programs pm2 needs (node), and the absolute pm2, PM2_HOME, configuration file and
 * webhook file the jobs are given. Nothing secret: the webhook is a file name, never the URL.
 *
 * @param java        absolute java program for the launcher ({@code TWZRD_JAVA}), or null to leave it to PATH
 * @param pathDirs    folders put before {@code /usr/bin:/bin} in the line's PATH (e.g. node's), maybe none
 * @param pm2         absolute pm2 program, or null (then the jobs look for {@code pm2} on cron's PATH)
 * @param pm2Home     PM2_HOME of the daemon, or null (pm2's own default, {@code ~/.pm2})
 * @param config      absolute YAML configuration file, or null
 * @param webhookFile absolute file holding the Slack webhook URL, or null (notifications then NOT_CONFIGURED)
 */
public record CronEnvironment(Path java, List<Path> pathDirs, Path pm2, Path pm2Home, Path config, Path webhookFile) {
    /** Cron's own PATH on Debian and Ubuntu (Vixie cron). */
    public static final String CRON_PATH = "/usr/bin:/bin";
    /** A locale every glibc has: UTF-8 output and file names whatever the host's default. */
    public static final String LOCALE = "C.UTF-8";
    /** Nothing resolved: the line relies on cron's environment alone. */
    public static final CronEnvironment NONE = new CronEnvironment(null, List.of(), null, null, null, null);

    public CronEnvironment {
        pathDirs = List.copyOf(pathDirs == null ? List.of() : pathDirs);
    }

    /** The PATH the line sets: the extra folders (each once), then cron's own. */
    public String path() {
        Set<String> dirs = new LinkedHashSet<>();
        pathDirs.forEach(d -> dirs.add(d.toString()));
        List<String> all = new ArrayList<>(dirs);
        for (String d : CRON_PATH.split(":")) {
            if (!dirs.contains(d)) {
                all.add(d);
            }
        }
        return String.join(":", all);
    }

    /**
     * A program as the installing shell would run it: a name is looked up in {@code pathEnv}, a path is made
     * absolute; either way it must be an executable file.
     *
     * @throws IOException naming the program and where it was looked for
     */
    public static Path findProgram(String program, String pathEnv) throws IOException {
        if (program == null || program.isBlank()) {
            throw new IOException("no program given");
        }
        if (program.contains("/")) {
            Path p = Path.of(program).toAbsolutePath().normalize();
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
            throw new IOException(p + " is not an executable file");
        }
        for (String dir : (pathEnv == null ? "" : pathEnv).split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, program).toAbsolutePath().normalize();
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IOException(program + " was not found on PATH (" + pathEnv + ")");
    }

    /**
     * The folder of the interpreter a script names as {@code #!/usr/bin/env NAME} (pm2 is {@code #!/usr/bin/env
     * node}), found on {@code pathEnv}; empty for a binary, a script with an absolute interpreter, or an interpreter
     * that cron's PATH finds anyway.
     *
     * @throws IOException when the script needs an interpreter that is not on {@code pathEnv}
     */
    public static Optional<Path> interpreterDir(Path program, String pathEnv) throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(program, StandardCharsets.ISO_8859_1)) {
            first = r.readLine();
        }
        if (first == null || !first.startsWith("#!")) {
            return Optional.empty();
        }
        String[] parts = first.substring(2).strip().split("\\s+");
        if (parts.length < 2 || !parts[0].endsWith("/env")) {
            return Optional.empty();
        }
        String name = parts[1].equals("-S") && parts.length > 2 ? parts[2] : parts[1];
        for (String dir : CRON_PATH.split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Optional.empty();
            }
        }
        Path found;
        try {
            found = findProgram(name, pathEnv);
        } catch (IOException e) {
            throw new IOException(program + " needs " + name + " (" + first.strip() + "), which " + e.getMessage(), e);
        }
        return Optional.of(found.getParent());
    }
}
