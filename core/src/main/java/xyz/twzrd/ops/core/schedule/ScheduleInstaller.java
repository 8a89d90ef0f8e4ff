package xyz.twzrd.ops.core.schedule;

import xyz.twzrd.ops.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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

    public static Outcome install(Schedule schedule, CrontabStore crontab, Path logrotateFile) throws IOException {
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
            Files.createDirectories(schedule.logDir());
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
