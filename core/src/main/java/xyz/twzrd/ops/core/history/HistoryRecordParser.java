package xyz.twzrd.ops.core.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import xyz.twzrd.ops.core.JsonStream;
import xyz.twzrd.ops.core.Severity;

/**
 * Reads one history line into a {@link HistoryRecord} with Jackson's streaming parser. The history is read on
 * every {@code twzrd-ops history} and trend page: a streaming read needs none of databind's set-up (its mapper's
 * start alone cost more than reading the table's rows) and is several times faster per record.
 *
 * <p>Reads what the records {@code HistoryStore} writes hold and what databind accepted of them: unknown keys are skipped,
 * {@code at} is an ISO-8601 instant, {@code severity} and each finding's severity a {@link Severity} name.
 * A line that is not such a record (not JSON, a missing or invalid {@code at}, {@code check} or {@code severity},
 * a value that is not a number) yields null, never an exception, and no message quotes it.
 */
final class HistoryRecordParser {
    private HistoryRecordParser() {
    }

    /** The record of one line's bytes, or null when the line is not a whole record. */
    static HistoryRecord parse(byte[] bytes, int offset, int length) {
        try (JsonParser p = JsonStream.parser(bytes, offset, length)) {
            p.nextToken();
            HistoryRecord r = record(p);
            return r != null && p.nextToken() == null ? r : null; // anything after the record: not one line
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The JSON string that starts at {@code offset} (its opening quote), unescaped; null when there is none. */
    static String string(byte[] bytes, int offset, int length) {
        try (JsonParser p = JsonStream.parser(bytes, offset, length)) {
            return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The record the parser is on (its first token), or null when it is not a whole record. */
    static HistoryRecord record(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Instant at = null;
        String check = null;
        String host = null;
        Severity severity = null;
        Map<String, Double> values = Map.of();
        Map<String, Severity> findings = Map.of();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                return null;
            }
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "at" -> at = v == JsonToken.VALUE_STRING ? instant(p.getText()) : null;
                case "check" -> check = text(p, v);
                case "host" -> host = text(p, v);
                case "severity" -> severity = v == JsonToken.VALUE_STRING ? severity(p.getText()) : null;
                case "values" -> values = v == JsonToken.VALUE_NULL ? Map.of() : values(p, v);
                case "findings" -> findings = v == JsonToken.VALUE_NULL ? Map.of() : findings(p, v);
                default -> p.skipChildren();
            }
            if (values == null || findings == null || ("at".equals(key) && at == null)
                    || ("severity".equals(key) && severity == null)) {
                return null;
            }
        }
        if (at == null || check == null || severity == null) {
            return null;
        }
        return new HistoryRecord(at, check, host, severity, values, findings);
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    private static Map<String, Double> values(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String id = p.currentName();
            JsonToken n = p.nextToken();
            if (n != JsonToken.VALUE_NUMBER_INT && n != JsonToken.VALUE_NUMBER_FLOAT) {
                return null;
            }
            out.put(id, p.getDoubleValue());
        }
        return out;
    }

    private static Map<String, Severity> findings(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, Severity> out = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String id = p.currentName();
            Severity s = p.nextToken() == JsonToken.VALUE_STRING ? severity(p.getText()) : null;
            if (s == null) {
                return null;
            }
            out.put(id, s);
        }
        return out;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Severity severity(String name) {
        for (Severity s : Severity.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
