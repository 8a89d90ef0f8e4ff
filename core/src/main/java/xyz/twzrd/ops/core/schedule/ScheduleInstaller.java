package xyz.twzrd.ops.core.schedule;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.notify.Webhooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Map;
import java.util.Optional;

/** Installs the schedule idempotently: the crontab's managed block, the logrotate rule, and the log folder. */
public final class ScheduleInstaller {
    /** What an install changed. */
    public record Outcome(boolean crontabChanged, boolean logrotateChanged) {
        public String describe(Path logrotateFile) {
            return (crontabChanged ? "crontab: managed block written" : "crontab: already up to date") + "; "
                    + (logrotateChanged ? "logrotate rule written to " : "logrotate rule already up to date in ")
                    + logrotateFile;
        }
    }

    private ScheduleInstaller() {
    }

    /**
     * Installs the schedule. Everything is checked before anything is written: the user, the crontab is read and its
     * block placed, the logrotate file checked, then the log folder created, the rule and the crontab written.
     *
     * @param logDirOwner user that owns the log folder when this creates it (the user whose crontab runs the jobs,
     *                    when root installs for them), or null to leave it to the current user
     */
    public static Outcome install(Schedule schedule, CrontabStore crontab, Path logrotateFile, String logDirOwner)
            throws IOException {
        return install(schedule, crontab, logrotateFile, logDirOwner, null);
    }

    /**
     * As {@link #install(Schedule, CrontabStore, Path, String)}, and when {@code webhookUrl} is given, copies it into
     * the schedule's webhook file (mode 0600, owned by {@code logDirOwner} when given) before the crontab that
     * names the file is written. The URL itself never goes into the crontab.
     */
    public static Outcome install(Schedule schedule, CrontabStore crontab, Path logrotateFile, String logDirOwner,
                                  String webhookUrl) throws IOException {
        UserPrincipal owner = logDirOwner == null ? null : user(logDirOwner);
        if (webhookUrl != null && schedule.env().webhookFile() == null) {
            throw new IllegalArgumentException("a webhook URL to copy needs the schedule's webhook file");
        }
        String before = crontab.read();
        String after = ManagedBlock.apply(before, schedule.cronBlock());
        String rule = schedule.logrotateRule();
        String oldRule;
        try {
            oldRule = Files.readString(logrotateFile);
        } catch (NoSuchFileException e) {
            oldRule = null;
        }
        if (oldRule != null && !oldRule.startsWith("# written by 'twzrd-ops schedule --install'")) {
            throw new IOException(logrotateFile + " exists and was not written by twzrd-ops; not touching it "
                    + "(choose another file with --logrotate-file)");
        }
        try {
            if (!Files.isDirectory(schedule.logDir())) {
                Files.createDirectories(schedule.logDir());
                if (owner != null) {
                    Files.setOwner(schedule.logDir(), owner);
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot create the log folder " + schedule.logDir() + ": " + e.getMessage(), e);
        }
        if (webhookUrl != null) {
            writePrivate(schedule.env().webhookFile(), webhookUrl.strip() + "\n", owner);
        }
        boolean ruleChanged = !rule.equals(oldRule);
        if (ruleChanged) {
            AtomicFiles.writeString(logrotateFile, rule);
        }
        boolean cronChanged = !after.equals(before);
        if (cronChanged) {
            crontab.write(after);
        }
        return new Outcome(cronChanged, ruleChanged);
    }

    /** The environment variable a webhook URL to copy comes from. */
    public static final String WEBHOOK_ENV = Webhooks.ENV;

    /**
     * Checks the webhook the jobs will be given: the URL in {@code file} when one is given (nothing to copy), else
     * the one in {@code $SLACK_WEBHOOK_URL} of {@code env}, returned to be copied into the jobs' webhook file; empty
     * when neither is set.
     *
     * @throws IllegalArgumentException naming the file or the variable (never the URL) when it is not an http(s) URL
     */
    public static Optional<String> webhookToCopy(Path file, Map<String, String> env) {
        if (file != null) {
            Webhooks.resolve(Optional.of(file), Map.of());
            return Optional.empty();
        }
        return Webhooks.resolve(Optional.empty(), env).map(u -> env.get(WEBHOOK_ENV).strip());
    }

    /** The user, or an error saying there is none (before anything is written). */
    public static UserPrincipal user(String name) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            return users.lookupPrincipalByName(name);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("there is no user '" + name + "' on this host (--user); nothing was written", e);
        }
    }

    /** A file only its owner may read, written atomically (created 0600, so the secret is never readable by others). */
    private static void writePrivate(Path file, String text, UserPrincipal owner) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path missing = dir;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        if (created && owner != null) {
            // the state folder is the jobs' (root installing for --user must not leave it root's)
            for (Path p = dir; p != null && p.startsWith(missing); p = p.getParent()) {
                Files.setOwner(p, owner);
            }
        }
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (owner != null) {
                Files.setOwner(tmp, owner);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write the webhook file " + file + ": " + e.getMessage(), e);
        }
    }
}
