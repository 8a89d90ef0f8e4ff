package xyz.twzrd.ops.core.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Log files of this machine, read with positional {@link FileChannel} reads (several parts of one file at once). */
public final class LocalLogFiles implements LogFiles {
    private static final int PROBE = 64 * 1024;

    @Override
    public String host() {
        return "";
    }

    @Override
    public FileId stat(String path) throws IOException {
        Path p = Path.of(path);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new IOException(path + " is not a regular file (" + kind(a) + ")");
            }
            Map<String, Object> u = Files.readAttributes(p, "unix:dev,ino");
            return new FileId(((Number) u.get("dev")).longValue(), ((Number) u.get("ino")).longValue(), a.size(),
                    a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            throw new IOException(path + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException(path + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException(path + ": " + (e.getReason() == null ? e.toString() : e.getReason()), e);
        }
    }

    private static String kind(BasicFileAttributes a) {
        return a.isDirectory() ? "a directory" : a.isOther() ? "a device, FIFO or socket" : "a symbolic link";
    }

    @Override
    public ReadableByteChannel open(String path, long from, long to) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(Path.of(path), StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new IOException(path + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new IOException(path + " vanished before it could be read", e);
        } catch (FileSystemException e) {
            throw new IOException(path + ": " + (e.getReason() == null ? e.toString() : e.getReason()), e);
        }
        return new Range(ch, from, to);
    }

    @Override
    public boolean exactBytes() {
        return true;
    }

    @Override
    public List<String> rotatedNames(String path) throws IOException {
        List<String> out = new ArrayList<>(LogFiles.super.rotatedNames(path));
        Path p = Path.of(path);
        Path dir = p.toAbsolutePath().getParent();
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String prefix = stem + "__";
        Path newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path c : ds) {
                String n = c.getFileName().toString();
                if (!(n.endsWith(ext) || n.endsWith(ext + ".gz")) || !Files.isRegularFile(c)) {
                    continue;
                }
                FileTime t = Files.getLastModifiedTime(c);
                if (newest == null || t.compareTo(newestTime) > 0) {
                    newest = c;
                    newestTime = t;
                }
            }
        } catch (IOException e) {
            return out; // an unlistable folder: only the logrotate names
        }
        if (newest != null) {
            out.add(newest.toString());
        }
        return out;
    }

    @Override
    public long[] split(String path, long from, long to, int parts) throws IOException {
        if (parts <= 1) {
            return new long[] {from, to};
        }
        long[] cuts = new long[parts + 1];
        int k = 0;
        cuts[k++] = from;
        ByteBuffer probe = ByteBuffer.allocate(PROBE);
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
            for (int i = 1; i < parts; i++) {
                long t = Math.max(from + (to - from) * i / parts, cuts[k - 1]);
                long next = nextLineStart(ch, t, to, probe);
                if (next > cuts[k - 1] && next < to) {
                    cuts[k++] = next;
                }
            }
        }
        cuts[k++] = to;
        return Arrays.copyOf(cuts, k);
    }

    /** The first line start at or after {@code t} (the byte after a newline at or after {@code t - 1}), or {@code to}. */
    private static long nextLineStart(FileChannel ch, long t, long to, ByteBuffer probe) throws IOException {
        long pos = t - 1;
        while (pos < to) {
            probe.clear();
            probe.limit((int) Math.min(probe.capacity(), to - pos));
            int r = ch.read(probe, pos);
            if (r <= 0) {
                return to;
            }
            int nl = Bytes.indexOfNewline(probe.array(), 0, r);
            if (nl >= 0) {
                return pos + nl + 1;
            }
            pos += r;
        }
        return to;
    }

    /** Bytes {@code [pos, end)} of a file channel. */
    private static final class Range implements ReadableByteChannel {
        private final FileChannel ch;
        private long pos;
        private final long end;

        Range(FileChannel ch, long from, long to) {
            this.ch = ch;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (pos >= end) {
                return -1;
            }
            int limit = dst.limit();
            dst.limit(dst.position() + (int) Math.min(dst.remaining(), end - pos));
            try {
                int r = ch.read(dst, pos);
                if (r > 0) {
                    pos += r;
                }
                return r;
            } finally {
                dst.limit(limit);
            }
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
