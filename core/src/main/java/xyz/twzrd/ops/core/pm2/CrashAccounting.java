package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.Times;
import xyz.twzrd.ops.core.StateFolder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.JsonStream.Codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts unplanned restarts ("crashes") between two runs: PM2's {@code restart_time} per app now, minus the
 * count saved by the previous run of the same check kind in {@code STATE_DIR/pm2-baseline-<check>.json} (so the
 * weekly health check counts the week and the hourly alerts the hour), minus the planned restarts
 * {@code pm2-restart} recorded since then, summed per app name (cluster instances share a name). Processes are
 * matched by name and {@code pm_id}: an app deleted and added again gets a new id and is counted from the next run;
 * a counter that went down (a new PM2 daemon) starts over from the current count. ({@code created_at} is no help:
 * {@code pm2 restart} resets it.)
 */
public final class CrashAccounting {
    public static final String FINDING = "crashes";
    /** The name the per-check file is made from ({@link StateFolder#own}); also the file before per-check baselines. */
    static final String FILE = "pm2-baseline.json";

    /** One process's counter as last seen. */
    record AppCount(String name, long restarts) {
    }

    /** The saved baseline. */
    record Baseline(Instant takenAt, Map<String, AppCount> apps) {
        Baseline {
            apps = apps == null ? Map.of() : new TreeMap<>(apps);
        }

        /** The file's JSON: {@code {"takenAt": "...", "apps": {"web:0": {"name": "web", "restarts": 3}}}}. */
        static final Codec<Baseline> JSON = new Codec<>() {
            @Override
            public void write(JsonGenerator g, Baseline b) throws IOException {
                g.writeStartObject();
                JsonStream.field(g, "takenAt", b.takenAt());
                JsonStream.field(g, "apps", b.apps(), APP);
                g.writeEndObject();
            }

            @Override
            public Baseline read(JsonParser p) throws IOException {
                if (!JsonStream.startObject(p)) {
                    return null;
                }
                Instant takenAt = null;
                Map<String, AppCount> apps = null;
                while (JsonStream.nextField(p)) {
                    switch (p.currentName()) {
                        case "takenAt" -> takenAt = JsonStream.instant(p);
                        case "apps" -> apps = JsonStream.map(p, APP);
                        default -> JsonStream.skip(p);
                    }
                }
                return new Baseline(takenAt, apps);
            }
        };

        private static final Codec<AppCount> APP = new Codec<>() {
            @Override
            public void write(JsonGenerator g, AppCount a) throws IOException {
                g.writeStartObject();
                JsonStream.field(g, "name", a.name());
                g.writeNumberField("restarts", a.restarts());
                g.writeEndObject();
            }

            @Override
            public AppCount read(JsonParser p) throws IOException {
                if (!JsonStream.startObject(p)) {
                    return null;
                }
                String name = null;
                long restarts = 0;
                while (JsonStream.nextField(p)) {
                    switch (p.currentName()) {
                        case "name" -> name = JsonStream.string(p);
                        case "restarts" -> restarts = JsonStream.longValue(p);
                        default -> JsonStream.skip(p);
                    }
                }
                return new AppCount(name, restarts);
            }
        };
    }

    private CrashAccounting() {
    }

    /**
     * The baseline the previous run of this check kind saved: its own file, or (first run after an upgrade) the
     * shared file of older versions, read only. A damaged own file is set aside in the folder and counts as none.
     */
    static Optional<Baseline> previous(StateFolder folder) throws IOException {
        Path own = folder.own(FILE);
        Optional<Baseline> mine = StateFiles.readOrSetAside(folder, own, Baseline.JSON);
        if (mine.isPresent() || Files.exists(own)) {
            return mine;
        }
        try {
            return StateFiles.read(folder.shared(FILE), Baseline.JSON);
        } catch (IOException e) {
            return Optional.empty(); // the old shared file is only a starting point
        }
    }

    /** When the previous run of this check kind saved its baseline; empty on a first run or when it cannot be read. */
    static Optional<Instant> previousRun(StateFolder folder) {
        try {
            return previous(folder).map(Baseline::takenAt);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The app names the previous run of this check kind saw (sorted, each once); empty on a first run or when unreadable. */
    static List<String> previousApps(StateFolder folder) {
        try {
            return previous(folder).map(b -> b.apps().values().stream().map(AppCount::name).distinct().sorted().toList())
                    .orElse(List.of());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Compares {@code apps} with the saved baseline, saves them as the new baseline, and grades the crashes. */
    public static Finding account(StateFolder folder, List<Pm2Process> apps, Instant now) {
        Path file = folder.own(FILE);
        Baseline base;
        Map<String, Long> planned;
        try {
            base = previous(folder).orElse(null);
            planned = base == null ? Map.of() : PlannedRestarts.since(folder, base.takenAt());
        } catch (IOException e) {
            return Finding.unknown(FINDING, e.getMessage());
        }
        Map<String, AppCount> current = new TreeMap<>();
        apps.forEach(a -> current.put(key(a), new AppCount(a.name(), a.restarts())));
        try {
            StateFiles.write(file, Baseline.JSON, new Baseline(now, current));
        } catch (IOException e) {
            return Finding.unknown(FINDING, "crash baseline not saved, so crashes cannot be counted: " + e.getMessage());
        }
        if (base == null) {
            return new Finding(FINDING, Severity.OK, null, "count", 0.0, null,
                    "first run: no baseline yet; restart counts of " + apps.size()
                            + " apps saved, crashes are counted from the next run");
        }
        Map<String, Long> restarted = new TreeMap<>();
        int reset = 0;
        for (Pm2Process a : apps) {
            AppCount before = base.apps().get(key(a));
            if (before == null) {
                continue;
            }
            if (a.restarts() < before.restarts()) {
                reset++;
                continue;
            }
            restarted.merge(a.name(), a.restarts() - before.restarts(), Long::sum);
        }
        Map<String, Object> crashed = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : restarted.entrySet()) {
            long n = Math.max(0, e.getValue() - planned.getOrDefault(e.getKey(), 0L));
            if (n > 0) {
                crashed.put(e.getKey(), n);
                total += n;
            }
        }
        String since = " since " + Times.seconds(base.takenAt());
        String note = reset == 0 ? "" : "; " + reset + " counter(s) started over (a new PM2 daemon?)";
        String msg = total == 0 ? "no unplanned restarts" + since + note
                : total + " unplanned restart" + (total == 1 ? "" : "s") + since + ": " + describe(crashed) + note;
        Finding f = new Finding(FINDING, Finding.grade(total, 0.0, null), (double) total, "count", 0.0, null, msg, crashed);
        return f.withDetail("since", base.takenAt().toString());
    }

    /** Baseline key: name and pm_id, so cluster instances (one name, several ids) are counted one by one. */
    private static String key(Pm2Process a) {
        return a.name() + ":" + a.pmId();
    }

    private static String describe(Map<String, Object> perApp) {
        StringBuilder b = new StringBuilder();
        perApp.forEach((app, n) -> b.append(b.length() == 0 ? "" : ", ").append(app).append(' ').append(n));
        return b.toString();
    }
}
