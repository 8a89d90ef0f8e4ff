package xyz.twzrd.ops.core.pm2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.JsonStream.Codec;
import xyz.twzrd.ops.core.StateFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restarts done on purpose by {@code pm2-restart}, kept in {@code STATE_DIR/pm2-planned-restarts.json} (the
 * newest {@value #KEEP} entries: one per restarted process), so crash accounting can subtract them and alerting can mute itself right after one. The
 * file is shared by every check kind (each kind subtracts the restarts since its own baseline); a damaged file is set
 * aside and rebuilt.
 */
public final class PlannedRestarts {
    static final String FILE = "pm2-planned-restarts.json";
    /** The result section listing the recent planned restarts (for the report's per-app table). */
    public static final String SECTION = "plannedRestarts";
    static final int KEEP = 1000;

    /** One planned restart: when it began and how many restarts it caused per app. */
    public record Entry(Instant at, Map<String, Long> apps) {
        public Entry {
            apps = Map.copyOf(apps == null ? Map.of() : apps);
        }
    }

    /** The file's content. */
    record Log(List<Entry> restarts) {
        Log {
            restarts = List.copyOf(restarts == null ? List.of() : restarts);
        }

        /** The file's JSON: {@code {"restarts": [{"at": "...", "apps": {"web": 2}}]}}. */
        static final Codec<Log> JSON = new Codec<>() {
            @Override
            public void write(JsonGenerator g, Log log) throws IOException {
                g.writeStartObject();
                JsonStream.field(g, "restarts", log.restarts(), ENTRY);
                g.writeEndObject();
            }

            @Override
            public Log read(JsonParser p) throws IOException {
                if (!JsonStream.startObject(p)) {
                    return null;
                }
                List<Entry> restarts = null;
                while (JsonStream.nextField(p)) {
                    if ("restarts".equals(p.currentName())) {
                        restarts = JsonStream.list(p, ENTRY);
                    } else {
                        JsonStream.skip(p);
                    }
                }
                return new Log(restarts);
            }
        };

        private static final Codec<Entry> ENTRY = new Codec<>() {
            @Override
            public void write(JsonGenerator g, Entry e) throws IOException {
                g.writeStartObject();
                JsonStream.field(g, "at", e.at());
                JsonStream.field(g, "apps", e.apps(), JsonStream.LONG);
                g.writeEndObject();
            }

            @Override
            public Entry read(JsonParser p) throws IOException {
                if (!JsonStream.startObject(p)) {
                    return null;
                }
                Instant at = null;
                Map<String, Long> apps = null;
                while (JsonStream.nextField(p)) {
                    switch (p.currentName()) {
                        case "at" -> at = JsonStream.instant(p);
                        case "apps" -> apps = JsonStream.map(p, JsonStream.LONG);
                        default -> JsonStream.skip(p);
                    }
                }
                return new Entry(at, apps);
            }
        };
    }

    private PlannedRestarts() {
    }

    /** Records a planned restart of the given apps (one restart each) at {@code at}. */
    public static void record(Path stateDir, Instant at, List<String> apps) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        apps.forEach(a -> counts.merge(a, 1L, Long::sum));
        List<Entry> all = new ArrayList<>(StateFiles.readOrSetAside(stateDir.resolve(FILE), Log.JSON, at)
                .map(Log::restarts).orElse(List.of()));
        all.add(new Entry(at, counts));
        all.sort((a, b) -> a.at().compareTo(b.at()));
        StateFiles.write(stateDir.resolve(FILE), Log.JSON, new Log(all.subList(Math.max(0, all.size() - KEEP), all.size())));
    }

    /**
     * Sets a damaged planned-restart file aside in the folder (reported there as an ALERT), before a restart
     * records into it; a file that cannot be read for another reason is left for the recording to report.
     */
    public static void setAsideIfDamaged(StateFolder folder) {
        try {
            StateFiles.readOrSetAside(folder, folder.shared(FILE), Log.JSON);
        } catch (IOException e) {
            // not damaged but unreadable (permissions): recording the restart says so
        }
    }

    /** When the last planned restart began; empty when none was recorded (or the file cannot be read). */
    public static Optional<Instant> last(Path stateDir) {
        try {
            return read(stateDir).stream().map(Entry::at).max(Instant::compareTo);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The planned restarts recorded after {@code since} (exclusive), oldest first; none when the file cannot be read. */
    public static List<Entry> after(Path stateDir, Instant since) {
        try {
            return read(stateDir).stream().filter(e -> e.at().isAfter(since)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Planned restarts per app recorded after {@code since} (exclusive); a damaged file is set aside in the folder. */
    static Map<String, Long> since(StateFolder folder, Instant since) throws IOException {
        Map<String, Long> out = new HashMap<>();
        List<Entry> all = StateFiles.readOrSetAside(folder, folder.shared(FILE), Log.JSON).map(Log::restarts)
                .orElse(List.of());
        for (Entry e : all) {
            if (e.at().isAfter(since)) {
                e.apps().forEach((app, n) -> out.merge(app, n, Long::sum));
            }
        }
        return out;
    }

    private static List<Entry> read(Path stateDir) throws IOException {
        return StateFiles.read(stateDir.resolve(FILE), Log.JSON).map(Log::restarts).orElse(List.of());
    }
}
