package xyz.twzrd.ops.core.schedule;

import xyz.twzrd.ops.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;

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
     * Installs the schedule. Everything is checked before anything is written: the crontab is read and its block
     * placed, the logrotate file checked, then the log folder created, the rule and the crontab written.
     *
     * @param logDirOwner user that owns the log folder when this creates it (the user whose crontab runs the jobs,
     *                    when root installs for them), or null to leave it to the current user
     */
    public static Outcome install(Schedule schedule, CrontabStore crontab, Path logrotateFile, String logDirOwner)
            throws IOException {
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
                if (logDirOwner != null) {
                    UserPrincipalLookupService users = schedule.logDir().getFileSystem().getUserPrincipalLookupService();
                    Files.setOwner(schedule.logDir(), users.lookupPrincipalByName(logDirOwner));
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot create the log folder " + schedule.logDir() + ": " + e.getMessage(), e);
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
}
