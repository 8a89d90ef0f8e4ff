package xyz.twzrd.ops.core.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for tests: one the system handed out and nothing listens on any more (tests never leave loopback). */
public final class FreePort {
    private FreePort() {
    }

    /**
     * A port on the loopback address that was free a moment ago: for a server a test is about to start on it, or as
     * a port where nothing answers.
     */
    public static int loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
