package xyz.twzrd.ops.core.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-runner source through real {@code stat} and {@code dd} on this machine (as over SSH, without SSH). */
class RemoteLogFilesTest {
    @TempDir
    Path dir;

    private final RemoteLogFiles remote = new RemoteLogFiles(new LocalCommandRunner(), Duration.ofSeconds(30), 1000);

    @Test
    void statMatchesNioIdentity() throws IOException {
        Path f = dir.resolve("a.log");
        Files.writeString(f, "hello\n");
        LogFiles.FileId id = remote.stat(f.toString());
        Map<String, Object> u = Files.readAttributes(f, "unix:dev,ino");
        assertThat(id).isEqualTo(new LogFiles.FileId(((Number) u.get("dev")).longValue(), ((Number) u.get("ino")).longValue(), 6,
                Files.getLastModifiedTime(f).toMillis() / 1000 * 1000));
        assertThat(remote.host()).isNotEmpty();
    }

    @Test
    void rangesArriveInBoundedPieces() throws IOException {
        Path f = dir.resolve("b.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        Files.writeString(f, sb);
        byte[] all = Files.readAllBytes(f);
        try (ReadableByteChannel ch = remote.open(f.toString(), 1234, all.length - 10)) {
            ByteBuffer buf = ByteBuffer.allocate(all.length);
            while (ch.read(buf) >= 0) {
                // drain
            }
            assertThat(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(all, 1234, all.length - 10 - 1234, StandardCharsets.UTF_8));
        }
    }

    @Test
    void missingAndNonRegularFilesNameThePath() {
        assertThatThrownBy(() -> remote.stat(dir.resolve("nope.log").toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("nope.log").hasMessageContaining("No such file");
        assertThatThrownBy(() -> remote.stat(dir.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file (directory)");
    }

    @Test
    void incrementalScanThroughTheRunnerMatchesTheLocalScan() throws IOException {
        Path f = dir.resolve("api-error.log");
        Files.writeString(f, "2026-11-29T10:00:00: ERROR a 1\nok \u00e9\n".repeat(300));
        LogsConfig cfg = new LogsConfig();
        List<LogSource> src = List.of(new LogSource("api", f));
        LogScanResult r1 = new LogScanner(cfg, remote, Clock.systemUTC()).scan(src, dir.resolve("remote"), false);
        LogScanResult local = new LogScanner(cfg, new LocalLogFiles(), Clock.systemUTC()).scan(src, dir.resolve("local"), false);
        assertThat(r1.files().get(0).errorLines()).isEqualTo(local.files().get(0).errorLines()).isEqualTo(300);
        assertThat(r1.files().get(0).signatures()).isEqualTo(local.files().get(0).signatures());
        assertThat(r1.files().get(0).bytesScanned()).isEqualTo(Files.size(f));

        Files.writeString(f, "FATAL b\n", StandardOpenOption.APPEND);
        LogScanResult r2 = new LogScanner(cfg, remote, Clock.systemUTC()).scan(src, dir.resolve("remote"), false);
        assertThat(r2.files().get(0).errorLines()).isEqualTo(1);
        assertThat(r2.files().get(0).bytesScanned()).isEqualTo(8);
        assertThat(LogOffsets.load(dir.resolve("remote")).get(remote.host() + ":" + f)).isNotNull();
    }

    @Test
    void globsAreNotExpandedRemotely() {
        LogScanResult r = new LogScanner(new LogsConfig(), remote, Clock.systemUTC())
                .scan(List.of(new LogSource("", dir.resolve("*.log"))), dir.resolve("s"), false);
        assertThat(r.finding("log:" + dir.resolve("*.log")).orElseThrow().message()).contains("only on the local host");
    }
}
