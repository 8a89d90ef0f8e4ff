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
            String[] text = new String[4]; // id, message, threshold, remedy
            AlertChange.Kind[] kind = new AlertChange.Kind[1];
            Severity[] severity = new Severity[1];
            Instant[] times = new Instant[2]; // since, at
            if (!JsonStream.object(p, (name, q) -> {
                switch (name) {
                    case "id" -> text[0] = JsonStream.string(q);
                    case "kind" -> kind[0] = JsonStream.enumValue(q, AlertChange.Kind.class);
                    case "severity" -> severity[0] = JsonStream.enumValue(q, Severity.class);
                    case "message" -> text[1] = JsonStream.string(q);
                    case "threshold" -> text[2] = JsonStream.string(q);
                    case "since" -> times[0] = JsonStream.instant(q);
                    case "at" -> times[1] = JsonStream.instant(q);
                    case "remedy" -> text[3] = JsonStream.string(q);
                    default -> JsonStream.skip(q);
                }
            })) {
                return null;
            }
            return new AlertChange(text[0], kind[0], severity[0], text[1], text[2], times[0], times[1], text[3]);
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
            FindingState[] state = new FindingState[1];
            Severity[] severity = new Severity[2]; // severity, notifiedSeverity
            Instant[] since = new Instant[1];
            int[] counts = new int[3]; // consecutive, runsSinceNotice, okRuns
            if (!JsonStream.object(p, (name, q) -> {
                switch (name) {
                    case "state" -> state[0] = JsonStream.enumValue(q, FindingState.class);
                    case "severity" -> severity[0] = JsonStream.enumValue(q, Severity.class);
                    case "since" -> since[0] = JsonStream.instant(q);
                    case "consecutive" -> counts[0] = JsonStream.intValue(q);
                    case "runsSinceNotice" -> counts[1] = JsonStream.intValue(q);
                    case "notifiedSeverity" -> severity[1] = JsonStream.enumValue(q, Severity.class);
                    case "okRuns" -> counts[2] = JsonStream.intValue(q);
                    default -> JsonStream.skip(q);
                }
            })) {
                return null;
            }
            return new TrackedFinding(state[0], severity[0], since[0], counts[0], counts[1], severity[1], counts[2]);
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
        @SuppressWarnings("unchecked")
        public AlertOutcome read(JsonParser p) throws IOException {
            boolean[] notify = new boolean[1];
            String[] message = new String[1];
            List<AlertChange>[] lists = new List[3]; // changes, outbox, pending
            List<String>[] muted = new List[1];
            int[] dropped = new int[1];
            Map<String, TrackedFinding>[] findings = new Map[1];
            if (!JsonStream.object(p, (name, q) -> {
                switch (name) {
                    case "notify" -> notify[0] = JsonStream.bool(q);
                    case "message" -> message[0] = JsonStream.string(q);
                    case "changes" -> lists[0] = JsonStream.list(q, CHANGE);
                    case "outbox" -> lists[1] = JsonStream.list(q, CHANGE);
                    case "pending" -> lists[2] = JsonStream.list(q, CHANGE);
                    case "dropped" -> dropped[0] = JsonStream.intValue(q);
                    case "muted" -> muted[0] = JsonStream.list(q, JsonStream.STRING);
                    case "findings" -> findings[0] = JsonStream.map(q, FINDING);
                    default -> JsonStream.skip(q);
                }
            })) {
                return null;
            }
            return new AlertOutcome(findings[0], notify[0], lists[0], muted[0], message[0], lists[1], lists[2], dropped[0]);
        }
    };
}
