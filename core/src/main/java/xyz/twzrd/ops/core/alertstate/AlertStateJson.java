package xyz.twzrd.ops.core.alertstate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.JsonStream.Codec;
import xyz.twzrd.ops.core.Severity;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The alert state as JSON without databind ({@link JsonStream}): the file the runner keeps per check kind, and the
 * text Jenkins keeps in a build's action. It is the JSON {@link xyz.twzrd.ops.core.Json} writes of an
 * {@link AlertOutcome} (AlertStateJsonTest holds the two to each other), so files of either kind read back.
 */
public final class AlertStateJson {
    private AlertStateJson() {
    }

    /** Pretty text, as in the state file. */
    public static String pretty(AlertOutcome state) {
        return JsonStream.pretty(OUTCOME, state);
    }

    /** One line, as a build keeps it. */
    public static String compact(AlertOutcome state) {
        return JsonStream.compact(OUTCOME, state);
    }

    /**
     * The state of a JSON text; {@code null} reads as none.
     *
     * @throws IOException not JSON, or not an alert state
     */
    public static AlertOutcome read(String json) throws IOException {
        return JsonStream.read(OUTCOME, json);
    }

    static final Codec<AlertChange> CHANGE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, AlertChange c) throws IOException {
            g.writeStartObject();
            JsonStream.field(g, "id", c.id());
            JsonStream.field(g, "kind", c.kind());
            JsonStream.field(g, "severity", c.severity());
            JsonStream.field(g, "message", c.message());
            JsonStream.field(g, "threshold", c.threshold());
            JsonStream.field(g, "since", c.since());
            JsonStream.field(g, "at", c.at());
            JsonStream.field(g, "remedy", c.remedy());
            g.writeEndObject();
        }

        @Override
        public AlertChange read(JsonParser p) throws IOException {
            if (!JsonStream.startObject(p)) {
                return null;
            }
            String id = null;
            String message = null;
            String threshold = null;
            String remedy = null;
            AlertChange.Kind kind = null;
            Severity severity = null;
            Instant since = null;
            Instant at = null;
            while (JsonStream.nextField(p)) {
                switch (p.currentName()) {
                    case "id" -> id = JsonStream.string(p);
                    case "kind" -> kind = JsonStream.enumValue(p, AlertChange.Kind.class);
                    case "severity" -> severity = JsonStream.enumValue(p, Severity.class);
                    case "message" -> message = JsonStream.string(p);
                    case "threshold" -> threshold = JsonStream.string(p);
                    case "since" -> since = JsonStream.instant(p);
                    case "at" -> at = JsonStream.instant(p);
                    case "remedy" -> remedy = JsonStream.string(p);
                    default -> JsonStream.skip(p);
                }
            }
            return new AlertChange(id, kind, severity, message, threshold, since, at, remedy);
        }
    };

    static final Codec<TrackedFinding> FINDING = new Codec<>() {
        @Override
        public void write(JsonGenerator g, TrackedFinding f) throws IOException {
            g.writeStartObject();
            JsonStream.field(g, "state", f.state());
            JsonStream.field(g, "severity", f.severity());
            JsonStream.field(g, "since", f.since());
            g.writeNumberField("consecutive", f.consecutive());
            g.writeNumberField("runsSinceNotice", f.runsSinceNotice());
            JsonStream.field(g, "notifiedSeverity", f.notifiedSeverity());
            g.writeNumberField("okRuns", f.okRuns());
            g.writeEndObject();
        }

        @Override
        public TrackedFinding read(JsonParser p) throws IOException {
            if (!JsonStream.startObject(p)) {
                return null;
            }
            FindingState state = null;
            Severity severity = null;
            Severity notified = null;
            Instant since = null;
            int consecutive = 0;
            int runsSinceNotice = 0;
            int okRuns = 0;
            while (JsonStream.nextField(p)) {
                switch (p.currentName()) {
                    case "state" -> state = JsonStream.enumValue(p, FindingState.class);
                    case "severity" -> severity = JsonStream.enumValue(p, Severity.class);
                    case "since" -> since = JsonStream.instant(p);
                    case "consecutive" -> consecutive = JsonStream.intValue(p);
                    case "runsSinceNotice" -> runsSinceNotice = JsonStream.intValue(p);
                    case "notifiedSeverity" -> notified = JsonStream.enumValue(p, Severity.class);
                    case "okRuns" -> okRuns = JsonStream.intValue(p);
                    default -> JsonStream.skip(p);
                }
            }
            return new TrackedFinding(state, severity, since, consecutive, runsSinceNotice, notified, okRuns);
        }
    };

    static final Codec<AlertOutcome> OUTCOME = new Codec<>() {
        @Override
        public void write(JsonGenerator g, AlertOutcome o) throws IOException {
            g.writeStartObject(); // the order of AlertOutcome's @JsonPropertyOrder
            g.writeBooleanField("notify", o.shouldNotify());
            JsonStream.field(g, "message", o.message());
            JsonStream.field(g, "changes", o.changes(), CHANGE);
            JsonStream.field(g, "outbox", o.outbox(), CHANGE);
            JsonStream.field(g, "pending", o.pending(), CHANGE);
            g.writeNumberField("dropped", o.dropped());
            JsonStream.field(g, "muted", o.muted(), JsonStream.STRING);
            JsonStream.field(g, "findings", o.findings(), FINDING);
            g.writeEndObject();
        }

        @Override
        public AlertOutcome read(JsonParser p) throws IOException {
            if (!JsonStream.startObject(p)) {
                return null;
            }
            boolean notify = false;
            String message = null;
            List<AlertChange> changes = null;
            List<AlertChange> outbox = null;
            List<AlertChange> pending = null;
            List<String> muted = null;
            int dropped = 0;
            Map<String, TrackedFinding> findings = null;
            while (JsonStream.nextField(p)) {
                switch (p.currentName()) {
                    case "notify" -> notify = JsonStream.bool(p);
                    case "message" -> message = JsonStream.string(p);
                    case "changes" -> changes = JsonStream.list(p, CHANGE);
                    case "outbox" -> outbox = JsonStream.list(p, CHANGE);
                    case "pending" -> pending = JsonStream.list(p, CHANGE);
                    case "dropped" -> dropped = JsonStream.intValue(p);
                    case "muted" -> muted = JsonStream.list(p, JsonStream.STRING);
                    case "findings" -> findings = JsonStream.map(p, FINDING);
                    default -> JsonStream.skip(p);
                }
            }
            return new AlertOutcome(findings, notify, changes, muted, message, outbox, pending, dropped);
        }
    };
}
