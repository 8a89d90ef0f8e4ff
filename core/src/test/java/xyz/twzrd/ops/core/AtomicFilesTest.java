package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("sub/report.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        try (var s = Files.list(f.getParent())) {
            assertThat(s).containsExactly(f);
        }
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemp() throws IOException {
        // the target is a non-empty folder: the final rename must fail
        Path target = dir.resolve("report.json");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep"), "old");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "new"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write " + target);
        assertThat(Files.readString(target.resolve("keep"))).isEqualTo("old");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void unwritableFolderIsAClearError() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(blocker.resolve("r.txt"), "data"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("r.txt");
    }

    @Test
    void writtenFilesAreTheOwnersOnlyAndManyWritersLeaveNoTemp() throws Exception {
        Path f = dir.resolve("alert-state-alerts.json");
        java.util.List<Thread> writers = new java.util.ArrayList<>();
        java.util.List<Exception> failed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 8; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                for (int k = 0; k < 25; k++) {
                    try {
                        AtomicFiles.writeString(f, "writer " + n + " " + k);
                    } catch (IOException e) {
                        failed.add(e);
                    }
                }
            });
            t.start();
            writers.add(t);
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failed).isEmpty();
        assertThat(Files.readString(f)).matches("writer \\d \\d+");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("alert-state-alerts.json");
        }
    }
}
