package xyz.twzrd.ops.core.schedule;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a crontab is read from and written to: the user's crontab through the {@code crontab} command, or a file. */
public interface CrontabStore {
    String read() throws IOException;

    void write(String text) throws IOException;

    /** A crontab kept in a plain file (for /etc/cron.d style files, and for tests). */
    static CrontabStore file(Path file) {
        return new CrontabStore() {
            @Override
            public String read() throws IOException {
                try {
                    return Files.readString(file);
                } catch (NoSuchFileException e) {
                    return "";
                }
            }

            @Override
            public void write(String text) throws IOException {
                AtomicFiles.writeString(file, text);
            }
        };
    }

    /** The current user's crontab: {@code crontab -l} to read, {@code crontab FILE} to install. */
    static CrontabStore user(CommandRunner runner, Path tempDir) {
        return new CrontabStore() {
            @Override
            public String read() throws IOException {
                CommandResult r = runner.run(Command.of("crontab", "-l"));
                if (r.ok()) {
                    return r.stdout();
                }
                if (r.stderr().contains("no crontab for")) {
                    return "";
                }
                throw new IOException("cannot read the crontab: " + r.firstErrorLine());
            }

            @Override
            public void write(String text) throws IOException {
                Path tmp = Files.createTempFile(tempDir, "twzrd-crontab-", ".txt");
                try {
                    Files.writeString(tmp, text);
                    CommandResult r = runner.run(Command.of("crontab", tmp.toString()));
                    if (!r.ok()) {
                        throw new IOException("crontab refused the new table: " + r.firstErrorLine());
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        };
    }
}
