package xyz.twzrd.ops.core.host;

import java.util.ArrayList;
import java.util.List;

/** Disk-usage thresholds (percent used) and which file systems to leave out. */
public class DiskLevel extends Level {
    private List<String> excludeTypes = new ArrayList<>(List.of(
            "tmpfs", "devtmpfs", "ramfs", "squashfs", "iso9660", "overlay", "nsfs", "autofs"));
    private List<String> excludeMounts = new ArrayList<>(List.of("/boot/efi"));

    public DiskLevel() {
    }

    public DiskLevel(double alert, double emergency) {
        super(alert, emergency);
    }

    public List<String> getExcludeTypes() {
        return excludeTypes;
    }

    public DiskLevel setExcludeTypes(List<String> excludeTypes) {
        this.excludeTypes = new ArrayList<>(excludeTypes);
        return this;
    }

    public List<String> getExcludeMounts() {
        return excludeMounts;
    }

    public DiskLevel setExcludeMounts(List<String> excludeMounts) {
        this.excludeMounts = new ArrayList<>(excludeMounts);
        return this;
    }
}
