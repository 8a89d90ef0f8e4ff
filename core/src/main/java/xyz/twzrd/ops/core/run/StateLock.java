package xyz.twzrd.ops.core.run;

import xyz.twzrd.ops.core.Durations;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The turn of one run on its state folders: an exclusive {@link FileLock} on {@code run.lock} in each folder (other
 * processes: cron jobs, a manual run), and a semaphore per folder for other threads of this JVM (parallel Jenkins
 * builds on one agent), because a JVM cannot lock one file twice. Folders are taken in sorted order, so two runs
 * over overlapping sets of hosts cannot deadlock. A run that does not get every folder within the timeout gets none.
 */
final class StateLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private static final long POLL_MS = 50;
    private static final Map<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();

    /** Another run held a folder for longer than the timeout. */
    static final class Busy extends Exception {
        Busy(String message) {
            super(message);
        }
    }

    private record Held(Path dir, Semaphore turn, FileChannel channel, FileLock lock) {
    }

    private final List<Held> held;

    private StateLock(List<Held> held) {
        this.held = held;
    }

    /**
     * Takes every folder (created when missing) within {@code timeout}.
     *
     * @throws Busy        naming the folder when another run held it all that time
     * @throws IOException when a folder or its lock file cannot be created or locked
     */
    static StateLock acquire(List<Path> folders, Duration timeout) throws Busy, IOException, InterruptedException {
        TreeSet<Path> dirs = new TreeSet<>();
        for (Path f : folders) {
            try {
                Files.createDirectories(f);
                dirs.add(f.toRealPath());
            } catch (IOException e) {
                throw new IOException("cannot create the state folder " + f + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Held> held = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                held.add(take(dir, deadline, timeout));
            }
            StateLock lock = new StateLock(held);
            held = null;
            return lock;
        } finally {
            if (held != null) {
                release(held);
            }
        }
    }

    private static Held take(Path dir, long deadline, Duration timeout) throws Busy, IOException, InterruptedException {
        Semaphore turn = IN_JVM.computeIfAbsent(dir, d -> new Semaphore(1, true));
        if (!turn.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw busy(dir, timeout);
        }
        FileChannel ch = null;
        boolean taken = false;
        try {
            ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = ch.tryLock();
                if (lock != null) {
                    taken = true;
                    return new Held(dir, turn, ch, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw busy(dir, timeout);
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException e) {
            throw new IOException("cannot lock the state folder " + dir + " (" + FILE + "): " + e.getMessage(), e);
        } finally {
            if (!taken) {
                try {
                    if (ch != null) {
                        ch.close();
                    }
                } finally {
                    turn.release();
                }
            }
        }
    }

    private static Busy busy(Path dir, Duration timeout) {
        return new Busy("could not start: another run kept the state folder " + dir + " busy for longer than "
                + Durations.format(timeout) + " (state.lock-timeout); nothing was checked or counted");
    }

    @Override
    public void close() {
        release(held);
    }

    private static void release(List<Held> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            Held h = held.get(i);
            try {
                h.lock().release();
                h.channel().close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            } finally {
                h.turn().release();
            }
        }
        held.clear();
    }
}
