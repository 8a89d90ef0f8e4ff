package xyz.twzrd.ops.core.schedule;

import xyz.twzrd.ops.core.AtomicFiles;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A user's crontab: {@code crontab [-u USER] -l} to read, {@code crontab [-u USER] FILE} to install.
     *
     * @param user whose crontab (only root may name another user), or null for the current user's
     */
    static CrontabStore user(CommandRunner runner, Path tempDir, String user) {
        return new CrontabStore() {
            private Command crontab(String arg) {
                List<String> argv = new ArrayList<>(List.of("crontab"));
                if (user != null) {
                    argv.addAll(List.of("-u", user));
                }
                argv.add(arg);
                return Command.of(argv);
            }

            private CommandResult run(Command c) throws IOException {
                try {
                    return runner.run(c);
                } catch (CommandException e) {
                    if (e.kind() == CommandException.Kind.NOT_FOUND) {
                        throw new IOException("the crontab command is not installed on this host (Debian/Ubuntu: "
                                + "sudo apt-get install cron), or write a crontab file with --crontab-file FILE", e);
                    }
                    throw e;
                }
            }

            @Override
            public String read() throws IOException {
                CommandResult r = run(crontab("-l"));
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
                    CommandResult r = run(crontab(tmp.toString()));
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
