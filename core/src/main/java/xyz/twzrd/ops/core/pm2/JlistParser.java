package xyz.twzrd.ops.core.pm2;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import xyz.twzrd.ops.core.JsonStream;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code pm2 jlist} into {@link Pm2Process} values. The JSON is found after whatever pm2
 * printed before it (on a fresh PM2_HOME: a banner and "Spawning PM2 daemon", with colour codes). Only the
 * whitelisted fields are copied; {@code env} and the environment PM2 flattens into {@code pm2_env} are dropped
 * (read with the streaming parser, only the fields below are kept: every other value is skipped unread), and no
 * error message ever quotes the input.
 */
public final class JlistParser {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** PM2's own entry in an app's env block, not a variable of the app. */
    private static final String PM2_UNIQUE_ID = "unique_id";

    private JlistParser() {
    }

    /** Parses the whole stdout of {@code pm2 jlist}. */
    public static List<Pm2Process> parse(String stdout) throws Pm2Exception {
        if (stdout == null || stdout.isBlank()) {
            throw new Pm2Exception("pm2 jlist printed nothing");
        }
        String text = ANSI.matcher(stdout).replaceAll("");
        int start = jsonStart(text);
        if (start < 0) {
            throw new Pm2Exception("pm2 jlist printed no JSON list (" + text.length() + " characters of other output)");
        }
        try (JsonParser p = JsonStream.parser(text.substring(start))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new Pm2Exception("pm2 jlist output is not a JSON list");
            }
            List<Pm2Process> out = new ArrayList<>();
            // only the list is read: text after it (e.g. "In-memory PM2 is out-of-date") is ignored
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new JsonParseException(p, "end of input inside the list");
                }
                out.add(process(Entry.read(p), out.size()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new Pm2Exception("pm2 jlist output is not valid JSON (truncated or malformed) at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new Pm2Exception("pm2 jlist output could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** The first line that starts a JSON list: {@code [} followed by {@code {}, {@code ]} or the end. */
    private static int jsonStart(String text) {
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end).stripLeading();
            if (line.startsWith("[")) {
                String rest = line.substring(1).stripLeading();
                if (rest.isEmpty() || rest.startsWith("{") || rest.startsWith("]")) {
                    return from + (text.substring(from, end).length() - line.length());
                }
            }
            from = end + 1;
        }
        return -1;
    }

    private static Pm2Process process(Entry n, int index) throws Pm2Exception {
        Entry env = n.child("pm2_env");
        String name = n.text("name");
        if (name == null) {
            name = env.text("name");
        }
        if (name == null || !n.value("pm_id").fitsInt() && !env.value("pm_id").fitsInt()) {
            throw new Pm2Exception("pm2 jlist entry " + index + " has no name or pm_id");
        }
        int pmId = n.has("pm_id") ? n.value("pm_id").asInt() : env.value("pm_id").asInt();
        Entry monit = n.child("monit");
        Value pid = n.value("pid");
        return new Pm2Process(name, pmId, orDefault(env.text("status"), "unknown"),
                env.value("restart_time").asLong(0), env.value("unstable_restarts").asLong(0),
                instant(env.value("pm_uptime")), instant(env.value("created_at")),
                monit.value("memory").asLong(0), monit.value("cpu").asDouble(0),
                memory(env.value("max_memory_restart")),
                path(env, "pm_out_log_path"), path(env, "pm_err_log_path"), path(env, "pm_pid_path"),
                envNames(env.envNames, name), env.value("pmx_module").asBoolean(false),
                pid.fitsInt() && pid.asInt() > 0 ? pid.asInt() : null,
                env.text("exec_mode"));
    }

    /** Names of the app's variables; pm2's own entries (unique_id, and the app-name namespace, an object or "{}") are left out. */
    private static List<String> envNames(List<String> env, String appName) {
        List<String> names = new ArrayList<>();
        for (String n : env) {
            if (!PM2_UNIQUE_ID.equals(n) && !appName.equals(n)) {
                names.add(n);
            }
        }
        names.sort(null);
        return names;
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }

    private static Path path(Entry n, String field) {
        String s = n.text(field);
        return s == null || s.isEmpty() ? null : Path.of(s);
    }

    private static Instant instant(Value v) {
        return v.isNumber() && v.asLong(0) > 0 ? Instant.ofEpochMilli(v.asLong(0)) : null;
    }

    /** PM2 stores max_memory_restart in bytes (a number, or a numeric string). */
    private static Long memory(Value v) {
        if (v.token == null || v.token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong(0);
        }
        try {
            return Long.parseLong(v.text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * What is kept of one object of the list (or of its {@code pm2_env} or {@code monit}): its scalar fields, its
     * objects one level down, and the names (only) of the scalar entries of an {@code env} object. Everything else,
     * above all the values of the environment, is skipped unread.
     */
    private static final class Entry {
        private static final Entry NONE = new Entry();
        /** The scalar fields read (of an entry, its pm2_env and its monit); the flattened environment is not among them. */
        private static final java.util.Set<String> KEPT = java.util.Set.of("name", "pm_id", "pid", "status",
                "restart_time", "unstable_restarts", "pm_uptime", "created_at", "max_memory_restart", "pm_out_log_path",
                "pm_err_log_path", "pm_pid_path", "pmx_module", "exec_mode", "memory", "cpu");
        private final Map<String, Value> values = new HashMap<>();
        private final Map<String, Entry> children = new HashMap<>();
        private List<String> envNames = List.of();

        /** Reads the value the parser is on; anything but an object reads as an entry without fields. */
        static Entry read(JsonParser p) throws IOException {
            return read(p, 0);
        }

        private static Entry read(JsonParser p, int depth) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return NONE;
            }
            Entry e = new Entry();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isScalarValue() && KEPT.contains(name)) {
                    e.values.put(name, new Value(v, p.getText()));
                    e.children.remove(name); // a repeated key: the last one counts
                } else if (v == JsonToken.START_OBJECT && depth == 1 && "env".equals(name)) {
                    e.envNames = scalarNames(p);
                } else if (v == JsonToken.START_OBJECT && depth == 0 && ("pm2_env".equals(name) || "monit".equals(name))) {
                    e.children.put(name, read(p, 1));
                    e.values.remove(name);
                } else {
                    p.skipChildren();
                    e.values.remove(name);
                    e.children.remove(name);
                    if (depth == 1 && "env".equals(name)) {
                        e.envNames = List.of(); // a repeated env that is not an object: no names, as before
                    }
                }
            }
            return e;
        }

        private static List<String> scalarNames(JsonParser p) throws IOException {
            Map<String, Boolean> names = new java.util.LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                names.put(name, v.isScalarValue());
                p.skipChildren(); // the value itself is never kept
            }
            List<String> out = new ArrayList<>();
            names.forEach((n, scalar) -> {
                if (scalar) {
                    out.add(n);
                }
            });
            return out;
        }

        boolean has(String field) {
            return values.containsKey(field) || children.containsKey(field);
        }

        Value value(String field) {
            return values.getOrDefault(field, Value.MISSING);
        }

        Entry child(String field) {
            return children.getOrDefault(field, NONE);
        }

        /** The field's text when it is a scalar other than null. */
        String text(String field) {
            Value v = values.get(field);
            return v == null || v.token == JsonToken.VALUE_NULL ? null : v.text;
        }
    }

    /** A scalar as it appeared: its token and its text (numbers are read from the text when asked). */
    private record Value(JsonToken token, String text) {
        static final Value MISSING = new Value(null, null);

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        private BigDecimal number() {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean fitsInt() {
            if (!isNumber()) {
                return false;
            }
            BigDecimal d = number();
            return d != null && d.compareTo(INT_MIN) >= 0 && d.compareTo(INT_MAX) <= 0;
        }

        int asInt() {
            BigDecimal d = isNumber() ? number() : null;
            return d == null ? 0 : d.intValue();
        }

        long asLong(long otherwise) {
            BigDecimal d = numeric();
            return d == null ? otherwise : d.longValue();
        }

        double asDouble(double otherwise) {
            BigDecimal d = numeric();
            return d == null ? otherwise : d.doubleValue();
        }

        /** As JsonNode's asLong/asDouble read it: a number, numeric text, or a boolean as 1 or 0; else null. */
        private BigDecimal numeric() {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            return isNumber() || token == JsonToken.VALUE_STRING ? number() : null;
        }

        boolean asBoolean(boolean otherwise) {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return asLong(0) != 0;
            }
            if (token == JsonToken.VALUE_STRING && "true".equals(text.strip())) {
                return true;
            }
            if (token == JsonToken.VALUE_STRING && "false".equals(text.strip())) {
                return false;
            }
            return otherwise;
        }
    }

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
}
