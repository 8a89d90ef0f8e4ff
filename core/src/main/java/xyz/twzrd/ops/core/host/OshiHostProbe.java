package xyz.twzrd.ops.core.host;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Host metrics of this machine through OSHI. */
public final class OshiHostProbe implements HostProbe {
    private final SystemInfo si;

    public OshiHostProbe() {
        this(new SystemInfo());
    }

    OshiHostProbe(SystemInfo si) {
        this.si = si;
    }

    @Override
    public HostSnapshot snapshot() {
        Map<String, String> problems = new LinkedHashMap<>();
        Long memTotal = null;
        Long memAvail = null;
        Long swapTotal = null;
        Long swapUsed = null;
        try {
            GlobalMemory mem = si.getHardware().getMemory();
            memTotal = mem.getTotal();
            memAvail = mem.getAvailable();
            VirtualMemory vm = mem.getVirtualMemory();
            swapTotal = vm.getSwapTotal();
            swapUsed = vm.getSwapUsed();
        } catch (RuntimeException | LinkageError e) {
            problems.put("memory", "memory could not be read through OSHI: " + e);
            problems.put("swap", "swap could not be read through OSHI: " + e);
        }
        Double l1 = null;
        Double l5 = null;
        Double l15 = null;
        Integer cpus = null;
        try {
            CentralProcessor cpu = si.getHardware().getProcessor();
            double[] la = cpu.getSystemLoadAverage(3);
            if (la.length == 3 && la[0] >= 0) {
                l1 = la[0];
                l5 = la[1];
                l15 = la[2];
            } else {
                problems.put("load", "this system reports no load average");
            }
            cpus = cpu.getLogicalProcessorCount();
        } catch (RuntimeException | LinkageError e) {
            problems.put("load", "load average could not be read through OSHI: " + e);
        }
        Long uptime = null;
        List<FsUsage> fs = new ArrayList<>();
        try {
            OperatingSystem os = si.getOperatingSystem();
            uptime = os.getSystemUptime();
            for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
                fs.add(new FsUsage(store.getMount(), store.getType(), store.getTotalSpace(),
                        Math.max(0, store.getTotalSpace() - store.getFreeSpace()), store.getUsableSpace()));
            }
        } catch (RuntimeException | LinkageError e) {
            problems.put("disk", "file systems could not be read through OSHI: " + e);
        }
        return new HostSnapshot(LocalCommandRunner.localHostName(), memTotal, memAvail, swapTotal, swapUsed,
                l1, l5, l15, cpus, uptime, fs, problems);
    }
}
