package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Log files of the host behind a {@link CommandRunner} (SSH, or this machine for tests), read without a shell:
 * {@code stat -L -c '%d %i %s %Y %F' -- FILE} for the identity and
 * {@code dd if=FILE iflag=skip_bytes,count_bytes skip=FROM count=N bs=1M status=none} for the new bytes, one
 * bounded piece at a time, so memory stays bounded. The runner hands output back as UTF-8 text: ASCII bytes
 * (and so the default patterns) arrive unchanged, invalid UTF-8 arrives as U+FFFD, and compressed rotated
 * files are not read remotely ({@link #exactBytes()} is false).
 */
public final class RemoteLogFiles implements LogFiles {
    /** Bytes fetched per command. */
    static final int PIECE = 4 * 1024 * 1024;

    private final CommandRunner runner;
    private final Duration timeout;
    private final int piece;

    public RemoteLogFiles(CommandRunner runner, Duration timeout) {
        this(runner, timeout, PIECE);
    }

    RemoteLogFiles(CommandRunner runner, Duration timeout, int piece) {
        this.runner = runner;
        this.timeout = timeout;
        this.piece = piece;
    }

    @Override
    public String host() {
        return runner.hostName();
    }

    @Override
    public FileId stat(String path) throws IOException {
        CommandResult r = runner.run(Command.of("stat", "-L", "-c", "%d %i %s %Y %F", "--", path).withTimeout(timeout)
                .withMaxOutput(4096));
        if (!r.ok()) {
            throw new IOException(path + ": " + r.firstErrorLine());
        }
        String[] f = r.stdout().strip().split(" ", 5);
        if (f.length < 5) {
            throw new IOException(path + ": unexpected stat output '" + r.stdout().strip() + "'");
        }
        if (!f[4].startsWith("regular")) {
            throw new IOException(path + " is not a regular file (" + f[4] + ")");
        }
        try {
            return new FileId(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]) * 1000);
        } catch (NumberFormatException e) {
            throw new IOException(path + ": unexpected stat output '" + r.stdout().strip() + "'", e);
        }
    }

    @Override
    public ReadableByteChannel open(String path, long from, long to) {
        return new Pieces(path, from, to);
    }

    @Override
    public boolean exactBytes() {
        return false;
    }

    private byte[] fetch(String path, long from, int count) throws IOException {
        CommandResult r = runner.run(Command.of(List.of("dd", "if=" + path, "iflag=skip_bytes,count_bytes",
                        "skip=" + from, "count=" + count, "bs=1M", "status=none"))
                .withTimeout(timeout).withMaxOutput(4L * count + 1024));
        if (!r.ok()) {
            throw new IOException(path + ": " + r.firstErrorLine());
        }
        return r.stdout().getBytes(StandardCharsets.UTF_8);
    }

    /** Fetches {@code [pos, end)} piece by piece. */
    private final class Pieces implements ReadableByteChannel {
        private final String path;
        private long pos;
        private final long end;
        private ByteBuffer current = ByteBuffer.allocate(0);
        private boolean open = true;

        Pieces(String path, long from, long to) {
            this.path = path;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!current.hasRemaining()) {
                if (pos >= end) {
                    return -1;
                }
                int count = (int) Math.min(piece, end - pos);
                byte[] got = fetch(path, pos, count);
                if (got.length == 0) {
                    return -1; // the file shrank meanwhile
                }
                pos += count;
                current = ByteBuffer.wrap(got);
            }
            int n = Math.min(dst.remaining(), current.remaining());
            dst.put(dst.position(), current, current.position(), n);
            dst.position(dst.position() + n);
            current.position(current.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
