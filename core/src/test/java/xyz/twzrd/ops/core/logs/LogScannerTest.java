package xyz.twzrd.ops.core.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole scans of real files in a temp folder: incremental reads, rotation, and hostile input. */
class LogScannerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z"); // before the files are written

    @TempDir
    Path dir;

    private final LogsConfig config = new LogsConfig();

    private LogScanResult scan(boolean full, Path... files) {
        return scan(new LocalLogFiles(), full, files);
    }

    private LogScanResult scan(LogFiles access, boolean full, Path... files) {
        List<LogSource> sources = Arrays.stream(files).map(f -> new LogSource("api", f)).toList();
        return new LogScanner(config, access, Clock.fixed(NOW, ZoneOffset.UTC)).scan(sources, dir.resolve("state"), full);
    }

    private static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static LogFileReport only(LogScanResult r) {
        assertThat(r.files()).hasSize(1);
        return r.files().get(0);
    }

    @Test
    void secondScanReadsOnlyNewBytesAndFullScanReadsAll() throws IOException {
        Path log = dir.resolve("api-error.log");
        append(log, "2026-11-29T10:00:00: ERROR db down id=1\nok\n2026-11-29T11:00:00: ERROR db down id=2\n");
        LogScanResult first = scan(false, log);
        assertThat(only(first).errorLines()).isEqualTo(2);
        assertThat(only(first).signatures()).singleElement().satisfies(s -> {
            assertThat(s.signature()).isEqualTo("ERROR db down id=<n>");
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.firstSeen()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
            assertThat(s.lastSeen()).isEqualTo(Instant.parse("2026-11-29T11:00:00Z"));
            assertThat(s.example()).isEqualTo("2026-11-29T10:00:00: ERROR db down id=1");
        });
        assertThat(first.finding("logs")).get().extracting(Finding::severity).isEqualTo(Severity.ALERT);

        long before = Files.size(log);
        append(log, "FATAL out of memory\n");
        LogFileReport second = only(scan(false, log));
        assertThat(second.errorLines()).isEqualTo(1);
        assertThat(second.bytesScanned()).isEqualTo(Files.size(log) - before);
        assertThat(second.fromOffset()).isEqualTo(before);
        assertThat(second.signatures().get(0).firstSeen()).as("no time in the line: the scan time").isEqualTo(NOW);

        LogScanResult third = scan(false, log);
        assertThat(only(third).bytesScanned()).isZero();
        assertThat(third.finding("logs")).get().extracting(Finding::severity).isEqualTo(Severity.OK);
        assertThat(only(scan(true, log)).errorLines()).isEqualTo(3);
    }

    @Test
    void rotationByRenameReadsTheRestOfTheOldFileThenTheNewOne() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "ERROR one\n");
        scan(false, log);
        append(log, "ERROR two\n");
        Files.move(log, dir.resolve("app.log.1"));
        append(log, "ERROR three\nERROR four\n");
        LogFileReport r = only(scan(false, log));
        assertThat(r.errorLines()).isEqualTo(3);
        assertThat(r.rotatedFrom()).endsWith("app.log.1");
        assertThat(r.fromOffset()).isZero();
        assertThat(only(scan(false, log)).errorLines()).isZero();
    }

    @Test
    void copyTruncateRotationIsDetectedBySize() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "ERROR one\nsome padding line to make the old file longer\n");
        scan(false, log);
        append(log, "ERROR two\n");
        Files.copy(log, dir.resolve("app.log.1"));
        Files.writeString(log, "ERROR three\n");
        LogFileReport r = only(scan(false, log));
        assertThat(r.errorLines()).isEqualTo(2);
        assertThat(r.rotatedFrom()).endsWith("app.log.1");
    }

    @Test
    void truncatedAndRewrittenPastTheOffsetBetweenScansIsRotationNotGrowth() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "2026-11-29T10:00:00: ERROR one\n");
        scan(false, log);
        append(log, "2026-11-29T10:00:01: ERROR two\n");
        Files.copy(log, dir.resolve("app.log.1"));
        Files.writeString(log, "2026-11-30T00:00:00: ok\n2026-11-30T00:00:01: FATAL new file, longer than the old one\n");
        LogFileReport r = only(scan(false, log));
        assertThat(r.rotatedFrom()).endsWith("app.log.1");
        assertThat(r.fromOffset()).isZero();
        assertThat(r.errorLines()).isEqualTo(2);
    }

    @Test
    void aStaleRotatedFileFromBeforeTheLastScanIsNotReadAgain() throws IOException {
        Path log = dir.resolve("app.log");
        Path stale = dir.resolve("app.log.1");
        append(stale, "ERROR from last month, a long line that is longer than the offset\n");
        Files.setLastModifiedTime(stale, FileTime.from(NOW.minusSeconds(30 * 86400)));
        append(log, "ERROR one\n");
        scan(false, log);
        Files.writeString(log, "ok\n"); // truncated in place, no fresh copy anywhere
        LogFileReport r = only(scan(false, log));
        assertThat(r.rotatedFrom()).isNull();
        assertThat(r.errorLines()).isZero();
        assertThat(r.bytesScanned()).isEqualTo(3);
    }

    @Test
    void pm2LogrotateCopyIsReadFromTheOldOffset() throws IOException {
        Path log = dir.resolve("api-out.log");
        append(log, "ERROR one\nok ok ok ok ok ok ok ok\n");
        scan(false, log);
        append(log, "ERROR two\n");
        Path older = dir.resolve("api-out__2026-11-22_00-00-00.log");
        append(older, "ERROR ancient history that is long enough\n");
        Files.setLastModifiedTime(older, FileTime.from(NOW.minusSeconds(7 * 86400)));
        Files.copy(log, dir.resolve("api-out__2026-11-30_00-00-00.log")); // pm2-logrotate copies, then truncates
        Files.writeString(log, "");
        LogFileReport r = only(scan(false, log));
        assertThat(r.errorLines()).isEqualTo(1);
        assertThat(r.rotatedFrom()).endsWith("api-out__2026-11-30_00-00-00.log");
    }

    @Test
    void compressedRotatedFileIsReadFromTheOldOffset() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "ERROR one\n");
        scan(false, log);
        append(log, "ERROR two\nERROR three\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("app.log.1.gz")))) {
            gz.write(Files.readAllBytes(log));
        }
        Files.delete(log);
        append(log, "ok\n");
        LogFileReport r = only(scan(false, log));
        assertThat(r.errorLines()).isEqualTo(2);
        assertThat(r.rotatedFrom()).endsWith("app.log.1.gz");

        config.setIncludeRotated(false);
        append(log, "x\n");
        Files.move(log, dir.resolve("app.log.1"), StandardCopyOption.REPLACE_EXISTING);
        append(log, "ERROR new\n");
        assertThat(only(scan(false, log)).errorLines()).as("rotated files off: only the new file").isEqualTo(1);
    }

    @Test
    void rotatedAwayAndNotRecreatedIsNotAnError() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "ok\n");
        scan(false, log);
        append(log, "ERROR last words\n");
        Files.move(log, dir.resolve("app.log.1"));
        LogScanResult r = scan(false, log);
        assertThat(only(r).errorLines()).isEqualTo(1);
        assertThat(r.findings()).extracting(Finding::id).containsExactly("logs");

        append(log, "ERROR in the new file\n");
        LogFileReport next = only(scan(false, log));
        assertThat(next.errorLines()).as("the old file's rest is not read twice").isEqualTo(1);
        assertThat(next.rotatedFrom()).isNull();
    }

    @Test
    void missingDirectoryFifoAndSymlinkLoopAreUnknownPerFileAndOthersStillScanned() throws Exception {
        Path good = dir.resolve("good.log");
        append(good, "ERROR fine\n");
        Path missing = dir.resolve("missing.log");
        Path folder = Files.createDirectory(dir.resolve("folder.log"));
        Path fifo = dir.resolve("pipe.log");
        assertThat(new LocalCommandRunner().run(Command.of("mkfifo", fifo.toString())).ok()).isTrue();
        Path a = dir.resolve("loop-a.log");
        Path b = dir.resolve("loop-b.log");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        Path notDir = good.resolve("child.log");

        LogScanResult r = scan(false, good, missing, folder, fifo, a, notDir);
        assertThat(r.files().get(0).errorLines()).isEqualTo(1);
        assertThat(r.finding("log:" + missing)).get().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(f.message()).contains("does not exist");
        });
        assertThat(r.finding("log:" + folder).orElseThrow().message()).contains("not a regular file (a directory)");
        assertThat(r.finding("log:" + fifo).orElseThrow().message()).contains("not a regular file");
        assertThat(r.finding("log:" + a).orElseThrow().message()).containsIgnoringCase("symbolic links");
        assertThat(r.finding("log:" + notDir).orElseThrow().message()).containsIgnoringCase("not a directory");
        assertThat(r.files()).filteredOn(f -> f.error() != null).hasSize(5);
    }

    @Test
    void permissionDeniedIsUnknownUnlessRunningAsRoot() throws IOException {
        Path log = dir.resolve("secret.log");
        append(log, "ERROR hidden\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("---------"));
        LogScanResult r = scan(false, log);
        if (Files.isReadable(log)) {
            // root reads any file: the denial cannot be produced here, the file is simply scanned
            assertThat(only(r).errorLines()).isEqualTo(1);
        } else {
            assertThat(r.finding("log:" + log).orElseThrow().message()).contains("permission denied");
        }
    }

    @Test
    void emptyFileAndInvalidUtf8AndBinaryBytes() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        Path binary = dir.resolve("binary.log");
        byte[] junk = {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, 27, '[', '3', '1', 'm', (byte) 0xC3, '(', (byte) 0x80};
        try (OutputStream out = Files.newOutputStream(binary)) {
            out.write(junk);
            out.write("ERROR after junk ".getBytes(StandardCharsets.US_ASCII));
            out.write(junk);
            out.write('\n');
            out.write(junk);
            out.write('\n');
        }
        LogScanResult r = scan(false, empty, binary);
        assertThat(r.files().get(0).errorLines()).isZero();
        assertThat(r.files().get(0).bytesScanned()).isZero();
        LogFileReport bin = r.files().get(1);
        assertThat(bin.errorLines()).isEqualTo(1);
        assertThat(bin.signatures().get(0).example()).contains("ERROR after junk").doesNotContain("\u0000", "\u001b");
        assertThat(Json.compact(r.toCheckResult("h", NOW, Duration.ZERO))).contains("ERROR after junk");
    }

    @Test
    void fiftyMegabyteLineWithoutNewlineIsOneBoundedErrorLine() throws IOException {
        Path log = dir.resolve("huge.log");
        byte[] chunk = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write("ok\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 50 * 1024 * 1024 / chunk.length; i++) {
                out.write(chunk);
                if (i == 500) {
                    out.write("FATAL deep inside".getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        LogFileReport r = only(scan(false, log));
        assertThat(r.bytesScanned()).isEqualTo(Files.size(log));
        assertThat(r.errorLines()).isEqualTo(1);
        assertThat(r.signatures().get(0).example()).hasSizeLessThanOrEqualTo(config.getMaxExampleLength());
        assertThat(r.signatures().get(0).signature()).hasSizeLessThanOrEqualTo(Signatures.MAX_SIGNATURE);
    }

    @Test
    void fileGrowingDuringTheScanIsReadUpToItsSizeAtTheStartAndTheRestNextTime() throws IOException {
        Path log = dir.resolve("growing.log");
        append(log, "ERROR before\n");
        boolean[] grown = {false};
        LogFiles growing = new HookedFiles((path, from) -> {
            if (!grown[0]) {
                append(Path.of(path), "ERROR while scanning\n"); // the writer is faster than the scan
                grown[0] = true;
            }
        });
        assertThat(only(scan(growing, false, log)).errorLines()).isEqualTo(1);
        assertThat(only(scan(false, log)).errorLines()).isEqualTo(1);
    }

    @Test
    void fileVanishingBetweenStatAndReadIsUnknownAndKeepsItsOffset() throws IOException {
        Path log = dir.resolve("vanishing.log");
        append(log, "ERROR a\n");
        scan(false, log);
        append(log, "ERROR b\n");
        LogFiles vanishing = new HookedFiles((path, from) -> {
            if (from > 0) {
                Files.deleteIfExists(Path.of(path)); // removed by the time the new bytes are read
            }
        });
        LogScanResult r = scan(vanishing, false, log);
        assertThat(r.finding("log:" + log).orElseThrow().message()).contains("vanished");
        assertThat(LogOffsets.load(dir.resolve("state")).get(log.toString()).offset()).isEqualTo(8);
    }

    @Test
    void largeFilesAreSplitAtLineStartsAcrossThreadsWithTheSameCounts() throws IOException {
        Path log = dir.resolve("big.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("2026-11-29T10:00:00: GET /x ").append(i).append(i % 97 == 0 ? " ERROR boom " + i : "").append('\n');
        }
        append(log, sb.toString());
        config.setThreads(2);
        LogScanResult split = new LogScanner(config, new LocalLogFiles(), Clock.fixed(NOW, ZoneOffset.UTC), 4096)
                .scan(List.of(new LogSource("big", log)), dir.resolve("s1"), true);
        config.setThreads(1);
        LogScanResult whole = new LogScanner(config, new LocalLogFiles(), Clock.fixed(NOW, ZoneOffset.UTC))
                .scan(List.of(new LogSource("big", log)), dir.resolve("s2"), true);
        assertThat(only(split).errorLines()).isEqualTo(only(whole).errorLines()).isEqualTo(207);
        assertThat(only(split).bytesScanned()).isEqualTo(Files.size(log));
        assertThat(only(split).signatures()).isEqualTo(only(whole).signatures());
    }

    @Test
    void globsExpandToFilesDuplicatesAreScannedOnceAndCountsAddUpPerApp() throws IOException {
        Path apps = Files.createDirectories(dir.resolve("pm2/logs"));
        append(apps.resolve("api-out.log"), "ok\n");
        append(apps.resolve("api-error.log"), "Unhandled rejection\n");
        append(apps.resolve("notes.txt"), "ERROR not a log\n");
        append(apps.resolve("worker-error.log"), "FATAL a\nFATAL b\n");
        LogScanResult r = new LogScanner(config, new LocalLogFiles(), Clock.fixed(NOW, ZoneOffset.UTC)).scan(List.of(
                new LogSource("api", apps.resolve("api-*.log")), new LogSource("worker", apps.resolve("worker-error.log")),
                new LogSource("other", apps.resolve("api-error.log"))), dir.resolve("state"), false);
        assertThat(r.errorLinesByApp()).containsExactly(Map.entry("api", 1L), Map.entry("worker", 2L));
        assertThat(r.finding("logs").orElseThrow().message()).contains("(most: worker worker-error.log 2, api api-error.log 1)");
        assertThat(r.files()).extracting(LogFileReport::path).containsExactly(apps.resolve("api-error.log").toString(),
                apps.resolve("api-out.log").toString(), apps.resolve("worker-error.log").toString());
        assertThat(r.files().get(0).errorLines()).isEqualTo(1);
    }

    @Test
    void damagedOffsetsFileMeansAFullScanNotAFailure() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "ERROR x\n");
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state").resolve(LogOffsets.FILE), "{not json");
        LogScanResult r = scan(false, log);
        assertThat(only(r).errorLines()).isEqualTo(1);
        assertThat(r.finding("logs").orElseThrow().details()).containsKey("offsets");
        assertThat(LogOffsets.load(dir.resolve("state")).get(log.toString()).offset()).isEqualTo(Files.size(log));
    }

    /** Local files with something happening to a file just before it is opened for reading. */
    private static final class HookedFiles implements LogFiles {
        interface Hook {
            void beforeOpen(String path, long from) throws IOException;
        }

        private final LocalLogFiles local = new LocalLogFiles();
        private final Hook hook;

        HookedFiles(Hook hook) {
            this.hook = hook;
        }

        @Override
        public String host() {
            return local.host();
        }

        @Override
        public FileId stat(String path) throws IOException {
            return local.stat(path);
        }

        @Override
        public ReadableByteChannel open(String path, long from, long to) throws IOException {
            hook.beforeOpen(path, from);
            return local.open(path, from, to);
        }

        @Override
        public boolean exactBytes() {
            return true;
        }
    }
}
