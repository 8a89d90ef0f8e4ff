package xyz.twzrd.ops.core.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first {@code limit} bytes written to it and counts the rest as dropped. Thread-safe. */
final class BoundedBuffer extends OutputStream {
    private final long limit;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private boolean truncated;

    BoundedBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = limit - buf.size();
        if (room > 0) {
            buf.write(b, off, (int) Math.min(room, len));
        }
        if (len > room) {
            truncated = true;
        }
    }

    synchronized boolean truncated() {
        return truncated;
    }

    synchronized String text() {
        return buf.toString(StandardCharsets.UTF_8);
    }
}
