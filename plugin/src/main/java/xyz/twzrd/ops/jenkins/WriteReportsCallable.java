package xyz.twzrd.ops.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import jenkins.MasterToSlaveFileCallable;
import xyz.twzrd.ops.core.AtomicFiles;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the report files into a folder of the workspace on the agent, atomically, for the artifact archiver. */
final class WriteReportsCallable extends MasterToSlaveFileCallable<Void> {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> files;

    WriteReportsCallable(Map<String, String> files) {
        this.files = new LinkedHashMap<>(files);
    }

    @Override
    public Void invoke(File dir, VirtualChannel channel) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            AtomicFiles.writeString(new File(dir, f.getKey()).toPath(), f.getValue());
        }
        return null;
    }

    /** Writes into {@code dir} (created if missing). */
    static void write(FilePath dir, Map<String, String> files) throws IOException, InterruptedException {
        dir.act(new WriteReportsCallable(files));
    }
}
